// Issue #16: recordAudit keeps a subject's encrypted id and keyed hash per Crypto instead of encrypting
// every line again. Each line must still decrypt to its own subject with its own secret, and another
// secret must never get this one's values.
import { describe, expect, it } from 'vitest';
import { recordAudit, subjectRef } from './audit.js';
import { createCrypto } from './crypto.js';
import type { Queryable } from './db.js';

/** The parameters of each INSERT the audit writes. */
function capture(): { q: Queryable; inserts: unknown[][] } {
  const inserts: unknown[][] = [];
  return { inserts, q: { query: (_text: string, params?: readonly unknown[]) => (inserts.push([...(params ?? [])]), Promise.resolve([])) } };
}

const who = { trace: { traceId: 't'.repeat(32), operationId: 'o'.repeat(16), origin: 'GET /x', startedAt: new Date('2026-12-02T10:00:00Z') } };
const subjects = (ids: string[]) => ids.map((participantId) => ({ participantId, municipalityId: null }));

describe('audit subject values', () => {
  it('every line decrypts to its own subject, with the keyed hash of that subject, on the first and the next visit', async () => {
    const crypto = createCrypto('a'.repeat(64));
    const { q, inserts } = capture();
    const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '33333333-3333-4333-8333-333333333333'];
    await recordAudit(q, crypto, who, { name: 'lesson.read', status: 'ok', subjects: subjects(ids) });
    await recordAudit(q, crypto, who, { name: 'lesson.read', status: 'ok', subjects: subjects([...ids].reverse()) });
    for (const [i, params] of inserts.entries()) {
      const order = i === 0 ? ids : [...ids].reverse();
      const operationIds = params[17] as string[];
      const encrypted = params[18] as string[];
      const refs = params[19] as string[];
      expect(encrypted.map((e) => crypto.decrypt(e))).toEqual(order);
      expect(refs).toEqual(order.map((id) => subjectRef(crypto, id)));
      expect(operationIds).toHaveLength(3);
      operationIds.forEach((o) => expect(o).toMatch(/^[0-9a-f]{16}$/));
      expect(new Set(operationIds).size).toBe(3);
    }
    expect(inserts[0]?.[17]).not.toEqual(inserts[1]?.[17]);
  });

  it('another secret gets values of its own, never the first one\'s', async () => {
    const one = createCrypto('a'.repeat(64));
    const two = createCrypto('b'.repeat(64));
    const id = '44444444-4444-4444-8444-444444444444';
    const { q, inserts } = capture();
    await recordAudit(q, one, who, { name: 'lesson.read', status: 'ok', subjects: subjects([id]) });
    await recordAudit(q, two, who, { name: 'lesson.read', status: 'ok', subjects: subjects([id]) });
    const [first, second] = inserts.map((p) => (p[18] as string[])[0] ?? '');
    expect(two.decrypt(second ?? '')).toBe(id);
    expect(() => two.decrypt(first ?? '')).toThrow();
    expect((inserts[1]?.[19] as string[])[0]).toBe(subjectRef(two, id));
  });

  it('a line without a data subject has none', async () => {
    const { q, inserts } = capture();
    await recordAudit(q, createCrypto('a'.repeat(64)), who, { name: 'access.denied', status: 'error', subjects: [] });
    expect(inserts[0]?.slice(18, 21)).toEqual([[null], [null], [null]]);
  });
});
