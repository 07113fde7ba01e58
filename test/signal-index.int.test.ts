// Issue #10 item 2: every reconcile looks up a subject's unresolved signals
// (`subject_type = … AND subject_id = … AND status <> 'resolved'`, src/features/signals/store.ts); the
// signal table had no index that serves it (signal_identity leads with cause). Migration 0015 adds one.
// Real database, PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const HOORN = organisationId('municipality', 'hoorn');

describe(`the signal subject index on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('exists on (subject_type, subject_id) for unresolved signals, with a comment', async () => {
    const rows = await t.koers.db.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE tablename = 'signal' AND indexname = 'signal_subject_open'`);
    expect(rows).toHaveLength(1);
    const def = rows[0]?.indexdef ?? '';
    expect(def).toMatch(/ON (public\.)?signal USING btree \(subject_type, subject_id\)/);
    expect(def).toMatch(/WHERE \(status <> 'resolved'::text\)/);
    const comment = await t.koers.db.query<{ c: string | null }>(`SELECT obj_description('signal_subject_open'::regclass, 'pg_class') AS c`);
    expect(comment[0]?.c).toMatch(/unresolved signals/);
  });

  it('is the one the planner takes for a reconcile lookup among many resolved signals', async () => {
    // 3,000 resolved signals of 1,000 referrals and one open one: the shape after some years of use.
    const subjects = Array.from({ length: 1000 }, () => randomUUID());
    await t.koers.db.query(
      `INSERT INTO signal (id, cause, subject_type, subject_id, period, municipality_id, addressee, status, due_date, raised_on, resolved_on)
       SELECT gen_random_uuid(), 'referral.step' || k, 'referral', s, 'p', $2, 'provider', 'resolved', DATE '2026-01-01', DATE '2026-01-01', DATE '2026-01-02'
       FROM unnest($1::uuid[]) AS s, generate_series(1, 3) AS k`,
      [subjects, HOORN],
    );
    const open = subjects[500] ?? '';
    await t.koers.db.query(
      `INSERT INTO signal (id, cause, subject_type, subject_id, period, municipality_id, addressee, status, due_date, raised_on)
       VALUES (gen_random_uuid(), 'referral.open', 'referral', $1, 'p', $2, 'provider', 'open', DATE '2026-01-01', DATE '2026-01-01')`,
      [open, HOORN],
    );
    // The statistics come from ANALYZE where the role may run it; the plan is checked, not a time.
    await t.koers.db.exec('ANALYZE signal');
    const plan = await t.koers.db.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT id FROM signal WHERE subject_type = 'referral' AND subject_id = '${open}' AND status <> 'resolved'`,
    );
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('signal_subject_open');
    const found = await t.koers.db.query<{ cause: string }>(`SELECT cause FROM signal WHERE subject_type = 'referral' AND subject_id = $1 AND status <> 'resolved'`, [open]);
    expect(found.map((r) => r.cause)).toEqual(['referral.open']);
  });

  it('the same migration re-comments two tables of 0010 with their SPEC ids written singly', async () => {
    const rows = await t.koers.db.query<{ t: string; c: string }>(
      `SELECT t, obj_description(t::regclass, 'pg_class') AS c FROM unnest(ARRAY['scaling_request', 'route_event']) AS t ORDER BY t`,
    );
    expect(rows.map((r) => r.c.split(':')[0])).toEqual(['R-RTE-1, R-RTE-2, R-RTE-3, R-RTE-4, R-END-1', 'R-LVL-3, R-LVL-4']);
    expect(rows.find((r) => r.t === 'route_event')?.c).toContain('warm hand-over meeting, end of the route. Append-only.');
  });
});
