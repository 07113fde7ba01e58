// Issue #11, the invoicing run from facts Koers registers (R-INV-1, R-HRS-1, R-INV-6): Westfriesland's
// B1 route (Taalpunt → Hoorn) pays p2 "Voortgangstoets 200 uur" when the route's registered hours reach
// 200 — attended minutes of Taalpunt's lessons (not another provider's), written as the attendance store writes them. Lessons up to
// 199 hours earn nothing for it; the lesson that reaches 200 hours earns it on that lesson's date, with
// the hours as its fact; a re-run adds nothing. And R-INV-2 (002 §2.4) through the run: B1 → Onderwijsroute
// in month 12 with € 5.400 earned on the B1 route deducts it from the € 14.000 route, the rest spread
// over products 4–7 as 3 × € 2.243,48 and € 1.869,56 (the numbers of src/domain/invoicing/billable.test.ts),
// and the PVT the month-30 report names as completed is billed with product 6.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { runInvoicing } from '../src/features/invoicing/run.js';
import { type InvoicingContext, recordBillableEvents } from '../src/features/invoicing/store.js';
import type { NewBillableEvent } from '../src/features/invoicing/store-types.js';
import { newOperationId, newTraceId } from '../src/platform/audit.js';
import { aWorld, TAALPUNT, type World } from './support/import-fixtures.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

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
    // Ten hours at another provider (Leerhuis Noord) are not Taalpunt's to invoice: they do not count.
    const [group, other] = [randomUUID(), randomUUID()];
    await t.koers.db.query(
      `INSERT INTO class_group (id, provider_id, name, level_band, literacy, location, size_limit, active_from, created_by) VALUES ($1, $2, 'Elders', 'a2b1', 'literate', 'Hoorn', 10, $3, $4)`,
      [group, organisationId('provider', 'leerhuis-noord'), START, coordinatorId],
    );
    await t.koers.db.query(`INSERT INTO lesson (id, group_id, date, start_time, minutes, kind) VALUES ($1, $2, '2026-03-02', '09:00', 600, 'language')`, [other, group]);
    await attend(other, 600);
    t.clock.setToday('2026-08-01');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('199 hours earn the start and nothing for "Voortgangstoets 200 uur" (another provider\'s 10 hours do not count)', async () => {
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

const VJL = organisationId('provider', 'voorbereidend-jaar-leiden');
const DEN_HAAG = organisationId('municipality', 'den-haag');

describe(`the invoicing run after a route change (002 §2.4), on ${DB_KIND}`, () => {
  let t: TestKoers;
  let ctx: InvoicingContext;
  let vjlUserId: string;
  let vjl: Client;
  let participantId = '';
  let referralId = '';

  const run = () => runInvoicing(t.koers.db, t.koers.contracts, ctx, { providerId: VJL, municipalityId: DEN_HAAG, upTo: '2025-12-31' });
  const report = (kind: 'progress' | 'final', on: string, content: Record<string, unknown> = {}) =>
    t.koers.db.query(
      `INSERT INTO progress_report (id, participant_id, referral_id, municipality_id, provider_id, kind, status, content, computed_status, created_by, created_at, submitted_by, submitted_at, submitted_on)
       VALUES ($1, $2, $3, $4, $5, $6, 'submitted', $7::jsonb, 'onTrack', $8, now(), $8, now(), $9)`,
      [randomUUID(), participantId, referralId, DEN_HAAG, VJL, kind, JSON.stringify(content), vjlUserId, on],
    );
  const routeEvent = (type: string, on: string, referral: string) =>
    t.koers.db.query(
      `INSERT INTO route_event (id, participant_id, municipality_id, referral_id, type, on_date, details, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, '{}'::jsonb, $7, now())`,
      [randomUUID(), participantId, DEN_HAAG, referral, type, on, vjlUserId],
    );

  beforeAll(async () => {
    t = await startTestKoers({ today: '2024-02-06' });
    ctx = { crypto: t.koers.crypto, clock: t.koers.clock, who: { trace: { traceId: newTraceId(), operationId: newOperationId(), origin: 'test', startedAt: new Date() } } };
    const vjlUser = await aUser(t, 'providerCoordinator', 'voorbereidend-jaar-leiden');
    vjlUserId = vjlUser.id;
    vjl = await Client.loggedIn(t, vjlUser);
    const consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'den-haag'));
    // The Onderwijsroute referral, made after the change; its route starts on 12 February 2024.
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ route: 'education_hbo_wo', pipSignedOn: '2024-01-15', referral: { providerId: VJL, productCode: 'education_hbo_wo' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    participantId = res.body.id;
    referralId = res.body.referrals[0].id;
    await t.koers.db.query(`UPDATE referral SET started_on = '2024-02-12' WHERE id = $1`, [referralId]);
    // The earlier B1 referral (another provider's, as the referral store keeps it), started 1 February 2023.
    const [b1, participation] = [randomUUID(), randomUUID()];
    const westfriesland = t.koers.contracts.byId('westfriesland')?.versions[0]?.version ?? 1;
    for (const [id, product] of [[b1, 'b1_language'], [participation, 'z_participation']] as const) {
      await t.koers.db.query(
        `INSERT INTO referral SELECT (jsonb_populate_record(NULL::referral, to_jsonb(r) || jsonb_build_object('id', $2::uuid, 'product_code', $5::text, 'contract_id', 'westfriesland',
           'contract_version', $4::int, 'provider_id', $3::uuid, 'referred_on', '2023-01-20', 'started_on', '2023-02-01'))).* FROM referral r WHERE r.id = $1`,
        [referralId, id, TAALPUNT, westfriesland, product],
      );
    }
    // What the B1 route earned: products 1–3 by the change (30% + 12% + 12% of € 10.000 = € 5.400), a
    // PVT billed along (priced apart, not part of the route), one item after the change and a participation
    // module beside the route: none of those is deducted.
    const earned = (productCode: string, earnedOn: string, amountCents: number, route = 'b1_language'): NewBillableEvent => ({
      participantId, municipalityId: DEN_HAAG, providerId: TAALPUNT, referralId: route === 'b1_language' ? b1 : participation, route, productCode, earnedOn, amountCents,
      vatCategory: 'E', vatRate: 0, contractId: 'westfriesland', contractVersion: westfriesland, factKind: 'schedule', factId: null,
    });
    await t.koers.db.transaction((tx) =>
      recordBillableEvents(tx, ctx, [earned('p1', '2023-03-01', 300000), earned('p2', '2023-08-10', 120000), earned('p3', '2024-02-05', 120000), earned('pvt', '2023-09-01', 21600), earned('p4', '2024-03-01', 180000), earned('p1', '2023-02-01', 150000, 'z_participation')]),
    );
    // The municipality changes the route in month 12 (month 12 of the first start ends 1 February 2024).
    await routeEvent('routeChanged', '2024-02-05', b1);
    // The Onderwijsroute's own reports are months 18, 24 and 30's; the result is reached at the end.
    await report('progress', '2024-08-08');
    await report('progress', '2025-02-03');
    await report('progress', '2025-08-04', { pvtCompletedMonth: '2025-06' }); // 002 §2.4 product 6 "+ PVT-kosten indien afgerond"
    await report('final', '2025-12-19', { goalsReached: true });
    await routeEvent('routeEnded', '2025-12-19', referralId);
    t.clock.setToday('2026-01-05');
  });
  afterAll(async () => {
    await t?.stop();
  });

  let result: Awaited<ReturnType<typeof run>>;

  it('deducts the € 5.400 paid on B1: products 4–7 as 3 × € 2.243,48 and € 1.869,56 (€ 8.600); a re-run adds nothing', async () => {
    result = await run();
    expect(result.skipped).toEqual([]);
    expect(result.recorded.filter((e) => e.route === 'education_hbo_wo' && e.productCode !== 'pvt').map((e) => [e.productCode, e.amountCents, e.earnedOn])).toEqual([
      ['p4', 224348, '2024-08-08'],
      ['p5', 224348, '2025-02-03'],
      ['p6', 224348, '2025-08-04'],
      ['p7', 186956, '2025-12-19'],
    ]);
    expect((await run()).recorded).toEqual([]);
  });

  it('bills the PVT completed in June 2025 with product 6, on the report that registers it: € 216 + 21% VAT; its evidence names the report', async () => {
    expect(result.recorded.filter((e) => e.productCode === 'pvt').map((e) => [e.amountCents, e.vatCategory, e.vatRate, e.earnedOn])).toEqual([[21600, 'S', 21, '2025-08-04']]);
    expect([result.invoice?.totalExclVatCents, result.invoice?.totalVatCents]).toEqual([1400000 - 540000 + 21600, 4536]);
    const line = result.invoice?.lines.find((l) => l.productCode === 'pvt');
    const evidence = await vjl.get(`/api/v1/invoices/${result.invoice?.id ?? ''}/lines/${line?.id ?? ''}/evidence`);
    expect(evidence.status).toBe(200);
    expect(evidence.body.facts).toContainEqual(expect.objectContaining({ kind: 'pvtCompleted', date: '2025-08-04', label: 'PVT afgerond in juni 2025 (gemeld in de rapportage)' }));
  });
});
