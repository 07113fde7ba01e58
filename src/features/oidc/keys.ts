// The key Koers signs its client assertions with (private_key_jwt, NL GOV Assurance profile §2.3.4:
// no shared client secret). KOERS_OIDC_PRIVATE_KEY holds a JWK or a PKCS#8/PEM key, inline or as a file
// path. Only the public half leaves the process: GET /api/v1/oidc/jwks.json, for the identity
// provider to register or fetch.
import { createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { calculateJwkThumbprint, importJWK, type JWK } from 'jose';

export interface SigningKey {
  /** What openid-client's PrivateKeyJwt takes. */
  privateKey: { key: CryptoKey; kid: string };
  /** The public JWK (no private members), with kid, alg and use. */
  publicJwk: JWK;
  alg: string;
}

function keyObject(source: string): { key: KeyObject; jwk: JWK | undefined } {
  const text = source.trimStart().startsWith('{') || source.includes('-----BEGIN') || !existsSync(source) ? source : readFileSync(source, 'utf8');
  if (text.trimStart().startsWith('{')) {
    const jwk = JSON.parse(text) as JWK;
    return { key: createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' }), jwk };
  }
  return { key: createPrivateKey(text), jwk: undefined };
}

/** The algorithm a key signs with: the JWK's own `alg`, else PS256 for RSA (the profile's first choice) and ES256 for P-256. */
function algorithmOf(key: KeyObject, declared: string | undefined): string {
  if (declared !== undefined) return declared;
  if (key.asymmetricKeyType === 'rsa') return 'PS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new Error('KOERS_OIDC_PRIVATE_KEY: use an RSA or EC P-256 private key.');
}

/** Reads the key now (synchronously), so a wrong path or a public key stops the start, not the first login. */
export function checkSigningKey(source: string): void {
  const { key, jwk } = keyObject(source);
  if (key.type !== 'private') throw new Error('KOERS_OIDC_PRIVATE_KEY must be a private key.');
  algorithmOf(key, jwk?.alg);
}

export async function loadSigningKey(source: string): Promise<SigningKey> {
  const { key, jwk } = keyObject(source);
  if (key.type !== 'private') throw new Error('KOERS_OIDC_PRIVATE_KEY must be a private key.');
  const alg = algorithmOf(key, jwk?.alg);
  const publicPart = createPublicKey(key).export({ format: 'jwk' }) as JWK;
  const kid = jwk?.kid ?? (await calculateJwkThumbprint(publicPart));
  const cryptoKey = (await importJWK(key.export({ format: 'jwk' }) as JWK, alg)) as CryptoKey;
  return { privateKey: { key: cryptoKey, kid }, publicJwk: { ...publicPart, kid, alg, use: 'sig' }, alg };
}
