// Issue #10 item 2: every signal Koers raises is a kind of src/domain/signal-cause.ts, about the subject
// type the list gives it and, where the list fixes one, addressed to its party. The demo region raises
// signals through the application's own raisers (referral steps, absence, hours, scaling), so its
// table is a sample of what production writes. Real database, PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSignalCause, SIGNAL_CAUSES } from '../src/domain/signal-cause.js';
import { DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

describe(`the signals in the database are SignalCauses on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-23', config: { demo: true, demoSize: 120 } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('every (cause, subject type, addressee) raised is on the list', async () => {
    const rows = await t.koers.db.query<{ cause: string; subjectType: string; addressee: string }>(
      `SELECT DISTINCT cause, subject_type AS "subjectType", addressee FROM signal ORDER BY 1, 2, 3`,
    );
    const kinds = new Set(rows.map((r) => r.cause));
    // Not vacuous: the demo raises referral steps, absence and progress signals and a scaling decision.
    expect(kinds.size).toBeGreaterThanOrEqual(5);
    expect([...kinds].some((c) => c.startsWith('referral.'))).toBe(true);
    expect([...kinds].some((c) => c.startsWith('absence.') || c === 'attendance.belowNorm')).toBe(true);
    expect(kinds.has('scaling.decisionDue')).toBe(true);
    const off = rows.filter((r) => {
      if (!isSignalCause(r.cause)) return true;
      const rule = SIGNAL_CAUSES[r.cause];
      return rule.subject !== r.subjectType || (rule.addressee !== null && rule.addressee !== r.addressee);
    });
    expect(off).toEqual([]);
  });
});
