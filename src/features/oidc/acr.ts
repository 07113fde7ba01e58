// The assurance level (acr) check of an OpenID Connect login (NL GOV Assurance profile §2.5.5: the RP
// checks the acr of the ID token against the level it needs). Pure.
//
// Known values are ranked on one ladder, so a higher level than the minimum also passes: DigiD's
// levels (Logius: Basis, Midden, Substantieel, Hoog as SAML authentication context classes), eIDAS
// levels of assurance, and eHerkenning/eToegang classes (a region's identity provider may use those).
// A minimum that is not on the ladder (a provider's own value) is met only by exactly that value.

const LADDER: readonly (readonly string[])[] = [
  // 1 — DigiD Basis (username + password), eIDAS low, eHerkenning EH2
  ['urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport', 'http://eidas.europa.eu/LoA/low', 'urn:etoegang:core:assurance-class:loa2'],
  // 2 — DigiD Midden (app or SMS as second factor), eHerkenning EH2+
  ['urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract', 'urn:etoegang:core:assurance-class:loa2plus'],
  // 3 — DigiD Substantieel (app with identity document check), eIDAS substantial, EH3
  ['urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard', 'http://eidas.europa.eu/LoA/substantial', 'urn:etoegang:core:assurance-class:loa3'],
  // 4 — DigiD Hoog (identity card), eIDAS high, EH4
  ['urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI', 'http://eidas.europa.eu/LoA/high', 'urn:etoegang:core:assurance-class:loa4'],
];

/** DigiD Midden: the lowest level with a second factor, the default minimum. */
export const DEFAULT_MIN_ACR = 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract';

/** 1..4 for a known level, undefined otherwise. */
export function acrRank(acr: string): number | undefined {
  const i = LADDER.findIndex((level) => level.includes(acr));
  return i < 0 ? undefined : i + 1;
}

/** Does the acr of an ID token meet the configured minimum? A missing acr never does. */
export function acrMeets(acr: unknown, minimum: string): boolean {
  if (typeof acr !== 'string' || acr === '') return false;
  const need = acrRank(minimum);
  if (need === undefined) return acr === minimum;
  const have = acrRank(acr);
  return have !== undefined && have >= need;
}
