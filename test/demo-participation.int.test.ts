// The demo region has WerkWijs Participatie's day (issue #12): participants referred for Z-route
// participation or MAP with activities of several kinds, a Z-route participant past 200 hours (the
// meeting signal), MAP participants at 39 and 42 practical hours, themes in several states and ladder
// steps at referral and during; loaded with the application's own rules and read through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapPlanIssues } from '../src/domain/map-learning-plan.js';
import { Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

interface Summary {
  totalMinutes: number;
  mapPractical: { minutes: number; met: boolean };
  meetingsDue: { n: number }[];
  byActivityKind: Record<string, number>;
}

describe(`demo participation on ${DB_KIND}`, () => {
  let t: TestKoers;
  let werkwijs: Client;
  let ids: string[];
  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-23', config: { demo: true, demoSize: 120 } });
    werkwijs = new Client(t.url);
    expect((await werkwijs.post('/api/v1/sessions', { email: 'coordinator.werkwijs@koers.demo', password: 'koers-demo' })).status).toBe(201);
    ids = (
      await t.koers.db.query<{ id: string }>(
        `SELECT DISTINCT r.participant_id AS id FROM referral r JOIN provider p ON p.id = r.provider_id WHERE p.code = 'werkwijs-participatie' AND r.status = 'running'`,
      )
    ).map((r) => r.id);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('gives the participation provider 6–10 running participants with activities of several kinds, 39 and ≥ 40 MAP hours, and a 200-hour meeting', async () => {
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(ids.length).toBeLessThanOrEqual(10);
    const summaries: Summary[] = [];
    for (const id of ids) {
      const res = await werkwijs.get(`/api/v1/participants/${id}/participation-summary`);
      expect(res.status).toBe(200);
      summaries.push(res.body as Summary);
    }
    const kinds = new Set(summaries.flatMap((s) => Object.entries(s.byActivityKind).filter(([, m]) => m > 0).map(([k]) => k)));
    expect(kinds.size).toBeGreaterThanOrEqual(5);
    expect(summaries.filter((s) => s.meetingsDue.length > 0).map((s) => s.meetingsDue.map((m) => m.n))).toEqual([[1]]);
    const practical = summaries.map((s) => s.mapPractical.minutes);
    expect(practical).toContain(39 * 60);
    expect(summaries.some((s) => s.mapPractical.met)).toBe(true);
    const signals = await t.koers.db.query(`SELECT 1 FROM signal WHERE cause = 'participation.meetingDue' AND status = 'open'`);
    expect(signals).toHaveLength(1);
  });

  it('has MAP themes in every state, one MAP ready for the end conversation, and ladder steps at referral and during', async () => {
    const statuses = new Set<string>();
    let ready = 0;
    let raised = 0;
    for (const id of ids) {
      const map = await werkwijs.get(`/api/v1/participants/${id}/map-themes`);
      for (const th of map.body.themes as { status: string }[]) statuses.add(th.status);
      if (map.body.readyForEndConversation === true) ready++;
      const ladder = await werkwijs.get(`/api/v1/participants/${id}/participation-ladder`);
      expect(ladder.body.latest.atReferral).not.toBeNull();
      if (ladder.body.raisedDuring === true) raised++;
    }
    expect(statuses).toEqual(new Set(['notStarted', 'inProgress', 'done']));
    expect(ready).toBe(1);
    expect(raised).toBeGreaterThanOrEqual(2);
  });

  it('has the end conversation of the MAP participant at 42 hours: prepared per Bijlage 2, the date proposed, held as sufficient', async () => {
    const ends = [];
    for (const id of ids) {
      const end = await werkwijs.get(`/api/v1/participants/${id}/map-end-conversation`);
      expect(end.status).toBe(200);
      if (end.body.held !== null) ends.push(end.body);
    }
    expect(ends).toHaveLength(1);
    expect(ends[0]).toMatchObject({ preparation: { version: 1 }, planned: { version: 1 }, held: { outcome: 'sufficient', themesDone: 8, practicalMinutes: 42 * 60, recordedByOrganisation: 'Enkhuizen' } });
    expect(ends[0].held.heldOn).toBe(ends[0].planned.plannedOn);
    expect(ends[0].preparation.parts.every((p: { answered: number }) => p.answered > 0)).toBe(true);
    // Each demo MAP referral has its own approved learning plan with the MAP part (001 §3).
    const plans = await t.koers.db.query<{ content: { map: Parameters<typeof mapPlanIssues>[0] } }>(
      `SELECT l.content FROM learning_plan l JOIN referral r ON r.id = l.referral_id WHERE r.product_code = 'map' AND l.status = 'approved'`,
    );
    expect(plans.length).toBeGreaterThanOrEqual(4);
    expect(plans.map((p) => mapPlanIssues(p.content.map))).toEqual(plans.map(() => []));
  });

  it('lets the language provider of a Z-route participant read the activities but not add one', async () => {
    // Under its own (language) referral: Taalpunt sees the participant, it may not write its activities.
    const [shared] = await t.koers.db.query<{ id: string; referralId: string }>(
      `SELECT w.participant_id AS id, l.id AS "referralId" FROM referral w JOIN referral l ON l.participant_id = w.participant_id
       JOIN provider pw ON pw.id = w.provider_id JOIN provider pl ON pl.id = l.provider_id
       WHERE pw.code = 'werkwijs-participatie' AND pl.code = 'taalpunt-westfriesland' LIMIT 1`,
    );
    if (shared === undefined) throw new Error('no participant shared by WerkWijs and Taalpunt');
    const taalpunt = new Client(t.url);
    expect((await taalpunt.post('/api/v1/sessions', { email: 'coordinator.taalpunt@koers.demo', password: 'koers-demo' })).status).toBe(201);
    expect((await taalpunt.get(`/api/v1/participants/${shared.id}/participation-activities`)).body.items.length).toBeGreaterThan(0);
    const add = await taalpunt.post(`/api/v1/participants/${shared.id}/participation-activities`, {
      referralId: shared.referralId, kind: 'volunteering', organisation: 'X', startDate: '2026-12-01', endDate: '2026-12-01', minutes: 60,
    });
    expect(add.status).toBe(403);
  });

  it("lists the provider's day: all its participants for WerkWijs, the Z-route ones for Taalpunt, with hours, practical part, next meeting and step", async () => {
    const mine = await werkwijs.get('/api/v1/participation/participants?sort=-hours&pageSize=100');
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(ids.length);
    const [top] = mine.body.items as { totalMinutes: number; meetingsDue: number; nextMeetingAtHours: number | null; ladderStep: number | null; productKind: string }[];
    expect(top).toMatchObject({ totalMinutes: 212 * 60, meetingsDue: 1, nextMeetingAtHours: 400, ladderStep: 3, productKind: 'participation' });
    const map = (mine.body.items as { productKind: string; nextMeetingAtHours: number | null }[]).filter((r) => r.productKind === 'map');
    expect(map.length).toBeGreaterThan(0);
    expect(map.every((r) => r.nextMeetingAtHours === null)).toBe(true);
    const taalpunt = new Client(t.url);
    await taalpunt.post('/api/v1/sessions', { email: 'coordinator.taalpunt@koers.demo', password: 'koers-demo' });
    const theirs = await taalpunt.get('/api/v1/participation/participants?pageSize=100');
    expect(theirs.body.items.map((r: { productKind: string }) => r.productKind)).toEqual(theirs.body.items.map(() => 'participation'));
    expect(theirs.body.total).toBeGreaterThan(0);
    expect(theirs.body.total).toBeLessThan(ids.length);
    const one = await werkwijs.get(`/api/v1/participation/participants?participantId=${ids[0] ?? ''}`);
    expect(one.body.items.map((r: { participantId: string }) => r.participantId)).toEqual([ids[0]]);
    const csv = await werkwijs.get('/api/v1/participation/participants/export?format=csv');
    expect(String(csv.body).split('\r\n').filter((l) => l !== '')).toHaveLength(ids.length + 1);
  });

  it('has portfolios (R-MAP-3): one MAP portfolio complete, others not, Z-route ones without completeness; the complete one as a PDF', async () => {
    const rows = (await werkwijs.get('/api/v1/participation/participants?pageSize=100')).body.items as { participantId: string; productKind: string; portfolioComplete: boolean | null }[];
    const map = rows.filter((r) => r.productKind === 'map');
    expect(map.filter((r) => r.portfolioComplete === true)).toHaveLength(1);
    expect(map.filter((r) => r.portfolioComplete === false).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((r) => r.productKind === 'participation').every((r) => r.portfolioComplete === null)).toBe(true);
    const complete = map.find((r) => r.portfolioComplete === true)?.participantId ?? '';
    const items = await werkwijs.get(`/api/v1/participants/${complete}/portfolio-items`);
    expect(items.body.items.map((i: { kind: string }) => i.kind).sort()).toEqual(['assignment', 'evidence', 'reflection']);
    const pdf = await werkwijs.bytes(`/api/v1/participants/${complete}/portfolio.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('lists the WerkWijs coordinator among the demo logins', async () => {
    const res = await new Client(t.url).get('/api/v1/demo-accounts');
    expect(res.body.items.map((a: { email: string }) => a.email)).toContain('coordinator.werkwijs@koers.demo');
  });
});
