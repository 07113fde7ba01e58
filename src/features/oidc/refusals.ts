// Why an OpenID Connect login was refused. The callback is a browser navigation, so a refusal is a
// redirect to the login page with this code (`/inloggen?oidc-fout=<code>`); the page shows the Dutch
// sentence (src/web/components/OidcLoginButtons.tsx). A code, never a value: no BSN or e-mail address
// reaches a URL, a log line or the audit summary.
export const OIDC_REFUSALS = [
  /** No login transaction for this browser: expired, already used (a replayed callback) or never started. */
  'noTransaction',
  /** The identity provider reported an error, e.g. the user cancelled. */
  'cancelled',
  /** The answer failed a check: state, issuer, code exchange, PKCE, ID token signature, nonce, audience. */
  'invalidResponse',
  /** The authentication level (acr) is below the configured minimum. */
  'acrTooLow',
  /** Staff: no Koers account with this e-mail address (no accounts are made for professionals). */
  'unknownUser',
  /** DigiD: no participant with this BSN is registered, or the BSN claim is missing or not a BSN. */
  'unknownParticipant',
  /** The identity provider could not be reached. */
  'unavailable',
] as const;
export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

export class OidcRefused extends Error {
  constructor(
    readonly code: OidcRefusal,
    /** For the audit summary only: error codes and claim names, never claim values. */
    readonly detail = '',
  ) {
    super(`OpenID Connect login refused: ${code}`);
  }
}
