// Issue #10 item 2: the signal store's contract, on the real table (PGlite and PostgreSQL): raising is
// idempotent by identity (cause, subject, period), a breach is marked once, resolve touches only the
// subject's unresolved signals that match every condition, and acknowledging moves only an open one.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { acknowledgeSignal, earliestOpenDueDate, markBreached, raiseSignals, resolveSignals, subjectsWithUnresolvedSignals, type NewSignal } from '../src/features/signals/store.js';
import { aUser, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const HOORN = organisationId('municipality', 'hoorn');
const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');

describe(`the signal store on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers();
  });
  afterAll(async () => {
    await t?.stop();
  });

  const referral = (id: string, step: 'acknowledgement' | 'intakeInvitation', period: string, dueDate: string): NewSignal => ({
    cause: `referral.${step}`,
    subject: { type: 'referral', id },
    period,
    addressee: 'provider',
    dueDate,
    municipalityId: HOORN,
    providerId: TAALPUNT,
    participantId: null,
    productCode: 'b1_language',
  });
  const rows = (subjectId: string) =>
    t.koers.db.query<{ cause: string; period: string; status: string; breachedOn: string | null; resolvedOn: string | null; resolution: string | null; raisedOn: string }>(
      `SELECT cause, period, status, breached_on::text AS "breachedOn", resolved_on::text AS "resolvedOn", resolution, raised_on::text AS "raisedOn" FROM signal WHERE subject_id = $1 ORDER BY cause, period`,
      [subjectId],
    );

  it('raises once per identity: a second raise, even with another due date, adds nothing', async () => {
    const id = randomUUID();
    const first = [referral(id, 'acknowledgement', '2027-01-04', '2027-01-08'), referral(id, 'intakeInvitation', '2027-01-04', '2027-01-18')];
    expect(await t.koers.db.transaction((tx) => raiseSignals(tx, first, '2027-01-04'))).toBe(2);
    expect(await t.koers.db.transaction((tx) => raiseSignals(tx, [referral(id, 'acknowledgement', '2027-01-04', '2027-02-01')], '2027-01-05'))).toBe(0);
    expect(await t.koers.db.transaction((tx) => raiseSignals(tx, [], '2027-01-05'))).toBe(0);
    const found = await rows(id);
    expect(found.map((r) => [r.cause, r.raisedOn])).toEqual([
      ['referral.acknowledgement', '2027-01-04'],
      ['referral.intakeInvitation', '2027-01-04'],
    ]);
    expect(await earliestOpenDueDate(t.koers.db, { type: 'referral', id }, ['referral.acknowledgement', 'referral.intakeInvitation'])).toBe('2027-01-08');
    expect(await subjectsWithUnresolvedSignals(t.koers.db, 'referral')).toContain(id);
  });

  it('marks a breach once, and never on a resolved signal', async () => {
    const id = randomUUID();
    await t.koers.db.transaction((tx) => raiseSignals(tx, [referral(id, 'acknowledgement', 'p', '2027-01-08')], '2027-01-04'));
    const key = { cause: 'referral.acknowledgement', subject: { type: 'referral', id }, period: 'p' } as const;
    expect(await t.koers.db.transaction((tx) => markBreached(tx, key, '2027-01-11'))).toBe(true);
    expect(await t.koers.db.transaction((tx) => markBreached(tx, key, '2027-01-12'))).toBe(false);
    expect((await rows(id))[0]?.breachedOn).toBe('2027-01-11');
    const other = randomUUID();
    await t.koers.db.transaction((tx) => raiseSignals(tx, [referral(other, 'acknowledgement', 'p', '2027-01-08')], '2027-01-04'));
    await t.koers.db.transaction((tx) => resolveSignals(tx, { subject: { type: 'referral', id: other } }, 'answered', '2027-01-09'));
    expect(await t.koers.db.transaction((tx) => markBreached(tx, { ...key, subject: { type: 'referral', id: other } }, '2027-01-11'))).toBe(false);
  });

  it('resolves only what matches: keep, causes and periods, on this subject only', async () => {
    const id = randomUUID();
    const neighbour = randomUUID();
    await t.koers.db.transaction((tx) =>
      raiseSignals(
        tx,
        [referral(id, 'acknowledgement', 'a', '2027-01-08'), referral(id, 'intakeInvitation', 'a', '2027-01-18'), referral(id, 'intakeInvitation', 'b', '2027-02-18'), referral(neighbour, 'intakeInvitation', 'a', '2027-01-18')],
        '2027-01-04',
      ),
    );
    const subject = { type: 'referral', id } as const;
    // An empty list of periods resolves nothing (not everything).
    expect(await t.koers.db.transaction((tx) => resolveSignals(tx, { subject, periods: [] }, 'answered', '2027-01-05'))).toBe(0);
    expect(await t.koers.db.transaction((tx) => resolveSignals(tx, { subject, causes: ['referral.intakeInvitation'], periods: ['b'] }, 'answered', '2027-01-05'))).toBe(1);
    expect(await t.koers.db.transaction((tx) => resolveSignals(tx, { subject, keep: [{ cause: 'referral.acknowledgement', period: 'a' }] }, 'noLongerCalledFor', '2027-01-06'))).toBe(1);
    // Already resolved signals stay as they were resolved.
    expect(await t.koers.db.transaction((tx) => resolveSignals(tx, { subject, causes: ['referral.intakeInvitation'] }, 'answered', '2027-01-07'))).toBe(0);
    // The reason is kept with the signal (migration 0016): the second call's, not the later one's.
    expect((await rows(id)).map((r) => [r.cause, r.period, r.status, r.resolvedOn, r.resolution])).toEqual([
      ['referral.acknowledgement', 'a', 'open', null, null],
      ['referral.intakeInvitation', 'a', 'resolved', '2027-01-06', 'noLongerCalledFor'],
      ['referral.intakeInvitation', 'b', 'resolved', '2027-01-05', 'answered'],
    ]);
    expect((await rows(neighbour)).map((r) => r.status)).toEqual(['open']);
  });

  it('acknowledges an open signal and leaves a resolved one resolved', async () => {
    const id = randomUUID();
    await t.koers.db.transaction((tx) => raiseSignals(tx, [referral(id, 'acknowledgement', 'a', '2027-01-08'), referral(id, 'intakeInvitation', 'a', '2027-01-18')], '2027-01-04'));
    const ids = await t.koers.db.query<{ id: string; cause: string }>(`SELECT id, cause FROM signal WHERE subject_id = $1 ORDER BY cause`, [id]);
    const user = (await aUser(t, 'providerCoordinator')).id;
    await t.koers.db.transaction((tx) => resolveSignals(tx, { subject: { type: 'referral', id }, causes: ['referral.intakeInvitation'] }, 'answered', '2027-01-05'));
    for (const s of ids) await t.koers.db.transaction((tx) => acknowledgeSignal(tx, s.id, user, '2027-01-06'));
    expect((await rows(id)).map((r) => r.status)).toEqual(['acknowledged', 'resolved']);
    const by = await t.koers.db.query<{ by: string | null; on: string | null }>(`SELECT acknowledged_by AS by, acknowledged_on::text AS on FROM signal WHERE subject_id = $1 ORDER BY cause`, [id]);
    expect(by).toEqual([{ by: user, on: '2027-01-06' }, { by: null, on: null }]);
  });
});
