import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSigningKey, loadSigningKey } from './keys.js';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'];

describe('the private_key_jwt key (KOERS_OIDC_PRIVATE_KEY)', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

  it('reads a JWK and publishes only its public half, with its own kid and alg', async () => {
    const jwk = { ...rsa.privateKey.export({ format: 'jwk' }), kid: 'koers-2026', alg: 'RS256' };
    const key = await loadSigningKey(JSON.stringify(jwk));
    expect(key.publicJwk).toMatchObject({ kty: 'RSA', kid: 'koers-2026', alg: 'RS256', use: 'sig' });
    for (const m of PRIVATE_MEMBERS) expect(key.publicJwk).not.toHaveProperty(m);
    expect(key.privateKey.kid).toBe('koers-2026');
  });

  it('reads a PEM; RSA signs with PS256, the key id is the JWK thumbprint', async () => {
    const key = await loadSigningKey(rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
    expect(key.alg).toBe('PS256');
    expect(key.publicJwk.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    for (const m of PRIVATE_MEMBERS) expect(key.publicJwk).not.toHaveProperty(m);
  });

  it('signs with ES256 for an EC P-256 key', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const key = await loadSigningKey(ec.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
    expect(key.alg).toBe('ES256');
    expect(key.publicJwk).not.toHaveProperty('d');
  });

  it('refuses a public key', async () => {
    const pub = rsa.publicKey.export({ format: 'jwk' });
    await expect(loadSigningKey(JSON.stringify(pub))).rejects.toThrow();
    expect(() => checkSigningKey(JSON.stringify(pub))).toThrow();
  });
});
