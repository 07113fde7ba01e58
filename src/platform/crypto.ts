// Field encryption and keyed hashes for personal identifiers (R-PAR-2, R-SEC-2).
// One master secret (KOERS_SECRET) is stretched with HKDF into separate keys per purpose, so a leak
// of one derived key does not expose the others.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export interface Crypto {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  /** Deterministic keyed hash for lookup and uniqueness (BSN, audit data-subject reference). */
  keyedHash(purpose: 'bsn' | 'subject' | 'login', value: string): string;
}

function derive(master: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `koers:${info}`, 32));
}

export function createCrypto(masterSecret: string): Crypto {
  const master = Buffer.from(masterSecret, 'utf8');
  if (master.length < 32) throw new Error('KOERS_SECRET must be at least 32 characters');
  const encKey = derive(master, 'field-encryption');
  const hashKeys = {
    bsn: derive(master, 'hash:bsn'),
    subject: derive(master, 'hash:subject'),
    login: derive(master, 'hash:login'),
  };
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    decrypt(token) {
      const [v, iv, body, tag] = token.split('.');
      if (v !== 'v1' || iv === undefined || body === undefined || tag === undefined) throw new Error('unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    keyedHash(purpose, value) {
      return createHmac('sha256', hashKeys[purpose]).update(value, 'utf8').digest('base64url');
    },
  };
}

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
