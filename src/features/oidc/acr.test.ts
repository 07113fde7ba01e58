import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acrMeets, acrRank, DEFAULT_MIN_ACR } from './acr.js';

const BASIS = 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport';
const SUBSTANTIEEL = 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard';
const HOOG = 'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI';
const KNOWN = [BASIS, DEFAULT_MIN_ACR, SUBSTANTIEEL, HOOG, 'http://eidas.europa.eu/LoA/low', 'http://eidas.europa.eu/LoA/substantial', 'http://eidas.europa.eu/LoA/high', 'urn:etoegang:core:assurance-class:loa2plus'];

describe('acr level check (NL GOV Assurance profile)', () => {
  it('refuses DigiD Basis when Midden is required, accepts Midden and higher', () => {
    expect(acrMeets(BASIS, DEFAULT_MIN_ACR)).toBe(false);
    expect(acrMeets(DEFAULT_MIN_ACR, DEFAULT_MIN_ACR)).toBe(true);
    expect(acrMeets(SUBSTANTIEEL, DEFAULT_MIN_ACR)).toBe(true);
    expect(acrMeets(HOOG, SUBSTANTIEEL)).toBe(true);
    expect(acrMeets(DEFAULT_MIN_ACR, SUBSTANTIEEL)).toBe(false);
  });

  it('treats eIDAS and DigiD values of one level alike', () => {
    expect(acrMeets('http://eidas.europa.eu/LoA/substantial', SUBSTANTIEEL)).toBe(true);
    expect(acrMeets(SUBSTANTIEEL, 'http://eidas.europa.eu/LoA/substantial')).toBe(true);
    expect(acrMeets('http://eidas.europa.eu/LoA/low', DEFAULT_MIN_ACR)).toBe(false);
  });

  it('never accepts a missing, empty or unknown acr against a known minimum', () => {
    for (const acr of [undefined, null, '', 42, 'gold', ['urn:x']]) expect(acrMeets(acr, DEFAULT_MIN_ACR)).toBe(false);
  });

  it('an unknown minimum (a provider’s own value) is met only by exactly that value', () => {
    expect(acrMeets('urn:regio:mfa', 'urn:regio:mfa')).toBe(true);
    expect(acrMeets(HOOG, 'urn:regio:mfa')).toBe(false);
    expect(acrMeets('urn:regio:pwd', 'urn:regio:mfa')).toBe(false);
  });

  it('is monotone on the ladder: meeting a minimum means meeting every lower one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KNOWN), fc.constantFrom(...KNOWN), (acr, min) => {
        expect(acrMeets(acr, min)).toBe((acrRank(acr) ?? 0) >= (acrRank(min) ?? 99));
      }),
    );
  });
});
