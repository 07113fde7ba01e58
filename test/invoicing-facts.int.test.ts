// Issue #11, the invoicing run from facts Koers registers (R-INV-1, R-HRS-1, R-INV-6): Westfriesland's
// B1 route (Taalpunt → Hoorn) pays p2 "Voortgangstoets 200 uur" when the route's registered hours reach
// 200 — attended minutes of Taalpunt's lessons, written as the attendance store writes them. Lessons up to
// 199 hours earn nothing for it; the lesson that reaches 200 hours earns it on that lesson's date, with
// the hours as its fact; a re-run adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { runInvoicing } from '../src/features/invoicing/run.js';
import type { InvoicingContext } from '../src/features/invoicing/store.js';
import { newOperationId, newTraceId } from '../src/platform/audit.js';
import { aWorld, TAALPUNT, type World } from './support/import-fixtures.js';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const HOORN = organisationId('municipality', 'hoorn');
const START = '2026-01-12';
const UP_TO = '2026-07-31';

describe(`the invoicing run from registered hours and route changes, on ${DB_KIND}`, () => {
  let t: TestKoers;
  let ctx: InvoicingContext;
  let coordinator: Client;
  let coordinatorId: string;
  let world: World;
  let participantId = '';

  const run = () => runInvoicing(t.koers.db, t.koers.contracts, ctx, { providerId: TAALPUNT, municipalityId: HOORN, upTo: UP_TO });
  /** Attendance of one lesson as the attendance store records it (present, minutes attended). */
  const attend = (lessonId: string, minutes: number) =>
    t.koers.db.query(
      `INSERT INTO attendance (lesson_id, participant_id, municipality_id, present, minutes_attended, reason, called_in, version, recorded_by, recorded_at)
       VALUES ($1, $2, $3, true, $4, NULL, false, 1, $5, now())`,
      [lessonId, participantId, HOORN, minutes, coordinatorId],
    );
  const lesson = (i: number) => {
    const l = world.lessons[i];
    if (l === undefined) throw new Error(`no lesson ${i}`);
    return l;
  };

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-01-05' });
    ctx = { crypto: t.koers.crypto, clock: t.koers.clock, who: { trace: { traceId: newTraceId(), operationId: newOperationId(), origin: 'test', startedAt: new Date() } } };
    const user = await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland');
    coordinatorId = user.id;
    coordinator = await Client.loggedIn(t, user);
    // One participant in a Taalpunt group, 110 lessons of two hours from the start (three a day).
    world = await aWorld(t, { size: 1, lessonCount: 110, from: START, coordinator });
    participantId = world.members[0] ?? '';
    await t.koers.db.query(`UPDATE referral SET started_on = $2 WHERE participant_id = $1`, [participantId, START]);
    // 99 lessons of 2 hours and one of 1 hour: 199 hours.
    for (let i = 0; i < 99; i++) await attend(lesson(i).id, 120);
    await attend(lesson(99).id, 60);
    t.clock.setToday('2026-08-01');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('199 hours earn the start and nothing for "Voortgangstoets 200 uur"', async () => {
    const first = await run();
    expect(first.skipped).toEqual([]);
    expect(first.recorded.map((e) => e.productCode)).toEqual(['p1']);
  });

  it('the lesson that reaches 200 hours earns p2 on its date, with the hours as its fact; a re-run adds nothing', async () => {
    const reaching = lesson(100);
    await attend(reaching.id, 60);
    const second = await run();
    expect(second.recorded.map((e) => [e.productCode, e.earnedOn, e.amountCents])).toEqual([['p2', reaching.date, 200000]]); // B1 € 10.000 × 20%
    const fact = await t.koers.db.query<{ factKind: string }>(`SELECT fact_kind AS "factKind" FROM billable_event WHERE participant_id = $1 AND product_code = 'p2'`, [participantId]);
    expect(fact).toEqual([{ factKind: 'hourMilestone' }]);
    const again = await run();
    expect(again.recorded).toEqual([]);
    expect(again.invoice).toBeUndefined();

    // R-INV-6: the evidence of the line shows the 200 hours up to that day and names the milestone.
    const invoice = second.invoice;
    const line = invoice?.lines.find((l) => l.productCode === 'p2');
    if (invoice === undefined || line === undefined) throw new Error('no p2 line');
    const evidence = await coordinator.get(`/api/v1/invoices/${invoice.id}/lines/${line.id}/evidence`);
    expect(evidence.status).toBe(200);
    expect(evidence.body.facts).toContainEqual(expect.objectContaining({ kind: 'hours', date: reaching.date, label: 'Geregistreerde uren tot en met deze dag: 200 uur' }));
    expect(evidence.body.facts.at(-1).label).toBe('Verdiend: Voortgangstoets 200 uur, na 200 uur (het aantal geregistreerde uren is bereikt)');
  });
});
