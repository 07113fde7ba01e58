// Issue #13, R-MI-2: the content report (000 §4.1) through GET /api/v1/reports/content-report, read from
// the tables (src/features/reports/content-facts.ts), on PGlite and PostgreSQL, and the drill-down behind
// its figures and the quarterly management information's (R-MI-6). The region (aContentRegion in
// test/support/content-builders.ts), Westfriesland, 2027-Q2 asked on 10 July 2027 — columns 2027-Q1
// (1 Jan – 31 Mar), 2027-Q2 (1 Apr – 30 Jun), the year so far (1 Jan – 30 Jun):
//   Hoorn B1 (Taalpunt): A referred 5 Jan, started 25 Jan, in group g1 (lessons 2 Feb 09:00 120/120,
//     9 Feb 18:30 120/60, 6 Apr 09:00 120/120; g1's lesson of 3 Mar cancelled), scaled down B1 → A2 on
//     15 Mar; B referred 1 Feb, started 1 Apr; C referred 1 Dec 2026, started 4 Jan, on hold from 20 Mar;
//     D referred 10 Jan, waiting.
//   Enkhuizen B1 (Taalpunt): E referred 10 Feb, started 1 Mar, dropped out 5 May (medical); five more
//     referred 15 Feb, waiting.
//   Hoorn Z: F on z_language (Taalpunt) and z_participation (WerkWijs), both referred 1 Nov 2026, started
//     15 Nov 2026; route change Z → B1 on 10 May ("Taal gaat snel") on the language referral; a library
//     activity 1 Feb – 10 Mar of 600 minutes on the participation referral. G on z_language referred 1 Mar.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';
import { aContentRegion } from './support/content-builders.js';
import type { ReportRegion } from './support/report-builders.js';
import { ZERO_COUNTS, column, type Column } from './support/content-expect.js';

const WF = 'westfriesland';
const Q = `contractId=${WF}&quarter=2027-Q2`;
const Q1 = ['2027-Q1', '2027-01-01', '2027-03-31'] as const;
const Q2 = ['2027-Q2', '2027-04-01', '2027-06-30'] as const;
const YEAR = ['2027', '2027-01-01', '2027-06-30'] as const;

interface Report { periods: string[]; audience: string; routes: { route: string; columns: Column[] }[] }
const route = (body: Report, r: string): Column[] | undefined => body.routes.find((x) => x.route === r)?.columns;

describe(`content report on ${DB_KIND}`, () => {
  let t: TestKoers;
  let hoorn: Client;
  let enkhuizen: Client;
  let taalpunt: Client;
  let werkwijs: Client;
  let manager: Client;
  let officer: Client;
  let ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-07-10' });
    const user = await aUser(t, 'consultant', 'hoorn');
    const r: ReportRegion = { db: t.koers.db, userId: user.id, contractId: WF };
    hoorn = await Client.loggedIn(t, user);
    enkhuizen = await Client.loggedIn(t, await aUser(t, 'consultant', 'enkhuizen'));
    taalpunt = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    werkwijs = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'werkwijs-participatie'));
    manager = await Client.loggedIn(t, await aUser(t, 'contractManager', WF));
    officer = await Client.loggedIn(t, await aUser(t, 'policyOfficer', 'hoorn'));
    const built = await aContentRegion(r);
    ids = Object.fromEntries(Object.entries(built).map(([k, v]) => [k, v.participantId]));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the consultant of Hoorn, B1: every cell of Q1, Q2 and the year so far as computed on paper', async () => {
    const res = await hoorn.get(`/api/v1/reports/content-report?${Q}&scope=hoorn`);
    expect(res.status).toBe(200);
    expect(res.body.periods).toEqual(['2027-Q1', '2027-Q2', '2027']);
    expect(res.body.audience).toBe('personal');
    expect(route(res.body, 'b1')).toEqual([
      column(Q1, {
        // 1a A, B, D; 1b A, C; 1c waiting on 31 Mar B, D; 2a A, C; 3d A; 3h A (9 Feb 18:30); 4a C.
        counts: { ...ZERO_COUNTS, '1a': 3, '1b': 2, '1c': 2, '2a': 2, '3d': 1, '3h': 1, '4a': 1 },
        averageWaitingDays: 27, // A 20 days (5 → 25 Jan), C 34 (1 Dec → 4 Jan): 54 / 2
        cancelledLessonsPerGroup: 1, // g1 runs (A), one cancelled lesson on 3 Mar
        averageAbsencePercent: 25, // A: 180 of 240 minutes
        denominators: { started: 2, zParticipantsRunning: 0, runningGroups: 1, participantsWithLessons: 1 },
      }),
      column(Q2, {
        // 1b B; 1c D; 2a A, B, C; 4a C still on hold.
        counts: { ...ZERO_COUNTS, '1b': 1, '1c': 1, '2a': 3, '4a': 1 },
        averageWaitingDays: 59, // B: 1 Feb → 1 Apr
        cancelledLessonsPerGroup: 0,
        averageAbsencePercent: 0, // A: 120 of 120
        denominators: { started: 1, zParticipantsRunning: 0, runningGroups: 1, participantsWithLessons: 1 },
      }),
      column(YEAR, {
        // The year: flows over 1 Jan – 30 Jun (1a A, B, D; 1b A, C, B), stocks at 30 Jun.
        counts: { ...ZERO_COUNTS, '1a': 3, '1b': 3, '1c': 1, '2a': 3, '3d': 1, '3h': 1, '4a': 1 },
        averageWaitingDays: 37.7, // (20 + 34 + 59) / 3 = 37.67
        cancelledLessonsPerGroup: 1,
        averageAbsencePercent: 16.7, // A: 300 of 360 → 16.67
        denominators: { started: 3, zParticipantsRunning: 0, runningGroups: 1, participantsWithLessons: 1 },
      }),
    ]);
  });

  it('the consultant of Hoorn, Z: both providers’ referrals — route change, participation hours, local facility', async () => {
    const res = await hoorn.get(`/api/v1/reports/content-report?${Q}&scope=hoorn`);
    const z = { zParticipantsRunning: 1, started: 0, runningGroups: 0, participantsWithLessons: 0 };
    expect(route(res.body, 'z')).toEqual([
      // 1a G; 1c G; 2a F's two referrals; 3g F (library). 3f: F runs; 600 minutes = 10.0 h; no lessons.
      column(Q1, { counts: { ...ZERO_COUNTS, '1a': 1, '1c': 1, '2a': 2, '3g': 1 }, participationHoursPerParticipant: 10, languageHoursPerParticipant: 0, localFacilities: ['Bibliotheek Hoorn'], denominators: z }),
      // 3b F, Z → B1 on 10 May (counted in the Z cell: the referral it names).
      column(Q2, { counts: { ...ZERO_COUNTS, '1c': 1, '2a': 2, '3b': 1 }, changesZToB1Reasons: ['Taal gaat snel'], participationHoursPerParticipant: 0, languageHoursPerParticipant: 0, denominators: z }),
      column(YEAR, { counts: { ...ZERO_COUNTS, '1a': 1, '1c': 1, '2a': 2, '3b': 1, '3g': 1 }, changesZToB1Reasons: ['Taal gaat snel'], participationHoursPerParticipant: 10, languageHoursPerParticipant: 0, localFacilities: ['Bibliotheek Hoorn'], denominators: z }),
    ]);
  });

  it('a provider: the region and every municipality with its own referrals only', async () => {
    const region = await taalpunt.get(`/api/v1/reports/content-report?${Q}&scope=region`);
    expect(region.status).toBe(200);
    const b1 = route(region.body, 'b1');
    // B1: Hoorn's A, B, D and Enkhuizen's six in Q1 = 9; 4b E (medical) in Q2; 2a at 30 Jun A, B, C (E ended).
    expect(b1?.map((c) => c.counts['1a'])).toEqual([9, 0, 9]);
    expect(b1?.map((c) => [c.counts['4b'], c.counts['4b.medical']])).toEqual([[0, 0], [1, 1], [1, 1]]);
    expect(b1?.map((c) => c.counts['2a'])).toEqual([3, 3, 3]); // Q1 A, C, E; Q2 A, B, C
    expect(b1?.map((c) => c.averageWaitingDays)).toEqual([24.3, 59, 33]); // Q1 (20 + 34 + 19) / 3; year (20 + 34 + 19 + 59) / 4
    // Z: only F's language referral and G — not WerkWijs' participation referral, so no library, no hours.
    const z = route(region.body, 'z');
    expect(z?.map((c) => [c.counts['2a'], c.counts['3g'], c.participationHoursPerParticipant])).toEqual([[1, 0, 0], [1, 0, 0], [1, 0, 0]]);
    const own = await werkwijs.get(`/api/v1/reports/content-report?${Q}&scope=region`);
    expect(route(own.body, 'z')?.map((c) => [c.counts['1a'], c.counts['2a'], c.counts['3g'], c.participationHoursPerParticipant])).toEqual([[0, 1, 1, 10], [0, 1, 0, 0], [0, 1, 1, 10]]);
    expect(route(own.body, 'b1')?.every((c) => Object.values(c.counts).every((n) => n === 0))).toBe(true);
  });

  it('the contract manager: a municipality of three shows no count below the threshold, and no hidden count follows from the region', async () => {
    const region = await manager.get(`/api/v1/reports/content-report?${Q}&scope=region`);
    expect(region.status).toBe(200);
    expect(region.body.audience).toBe('aggregate');
    const byMunicipality: Record<string, Report> = {};
    for (const m of ['drechterland', 'enkhuizen', 'hoorn', 'koggenland', 'medemblik', 'opmeer', 'stede-broec']) {
      const res = await manager.get(`/api/v1/reports/content-report?${Q}&scope=${m}`);
      expect(res.status).toBe(200);
      byMunicipality[m] = res.body;
    }
    // Hoorn's three (1a Q1) and Enkhuizen's six with it are hidden; the region's 9 stays: 9 = h + e has many answers.
    expect(route(byMunicipality.hoorn as Report, 'b1')?.[0]?.counts['1a']).toBeNull();
    expect(route(byMunicipality.enkhuizen as Report, 'b1')?.[0]?.counts['1a']).toBeNull();
    expect(route(region.body, 'b1')?.[0]?.counts['1a']).toBe(9);
    for (const r of ['b1', 'z']) {
      (route(region.body, r) ?? []).forEach((regionColumn, p) => {
        for (const [item, total] of Object.entries(regionColumn.counts)) {
          const cells = Object.values(byMunicipality).map((m) => route(m, r)?.[p]?.counts[item] ?? null);
          for (const v of [...cells, total]) if (v !== null) expect(v === 0 || v >= 5, `${r} ${item} ${String(p)}`).toBe(true);
          // With the region shown, one hidden municipality would be the region minus the others: never one alone.
          if (total !== null) expect(cells.filter((c) => c === null).length === 1, `${r} ${item} ${String(p)}`).toBe(false);
          if (total !== null && cells.every((c) => c !== null)) expect(cells.reduce((a: number, b) => a + (b ?? 0), 0)).toBe(total);
        }
        expect(regionColumn.changesZToB1Reasons).toEqual([]);
        expect(regionColumn.denominators).toBeNull();
      });
    }
  });

  it('the policy officer of Hoorn: its municipality suppressed, not the region; other municipalities and consultants 404', async () => {
    const own = await officer.get(`/api/v1/reports/content-report?${Q}&scope=hoorn`);
    expect(own.status).toBe(200);
    expect(route(own.body, 'b1')?.map((c) => c.counts['1a'])).toEqual([null, 0, null]);
    for (const [c, scope] of [[officer, 'region'], [officer, 'enkhuizen'], [hoorn, 'region'], [hoorn, 'enkhuizen'], [enkhuizen, 'hoorn']] as const) {
      expect((await c.get(`/api/v1/reports/content-report?${Q}&scope=${scope}`)).status).toBe(404);
    }
    expect((await hoorn.get(`/api/v1/reports/content-report?${Q}&scope=atlantis`)).status).toBe(422);
    expect((await hoorn.get(`/api/v1/reports/content-report?contractId=${WF}&quarter=1999-Q1&scope=hoorn`)).status).toBe(422);
  });

  it('the drill-down: the participants behind a figure, as many as the figure, audited with them as subjects', async () => {
    const base = `/api/v1/reports/participants?report=contentReport&contractId=${WF}&period=2027-Q1&scope=hoorn&route=b1`;
    const res = await hoorn.get(`${base}&item=1a`);
    expect(res.status).toBe(200);
    expect(res.body.count).toBe(3);
    expect(res.body.participants.map((p: { id: string; on: string; name: string }) => [p.id, p.on, p.name])).toEqual([
      [ids.A, '2027-01-05', 'Test Deelnemer'],
      [ids.D, '2027-01-10', 'Test Deelnemer'],
      [ids.B, '2027-02-01', 'Test Deelnemer'],
    ]);
    const audited = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE object_type = 'reportParticipants' AND status = 'ok' AND data_subject_id_encrypted IS NOT NULL`);
    expect(audited[0]?.n).toBe(3);
    // Every other item asked: its list is as long as the report's figure (2a, 3d, 4a here; 1b, 4b in the region).
    const report = await hoorn.get(`/api/v1/reports/content-report?${Q}&scope=hoorn`);
    for (const item of ['1b', '1c', '2a', '3d', '3h', '4a']) {
      const list = await hoorn.get(`${base}&item=${item}`);
      expect(list.body.count, item).toBe(route(report.body, 'b1')?.[0]?.counts[item]);
      expect(list.body.participants.length, item).toBe(list.body.count);
    }
    expect((await hoorn.get(`${base}&item=4a`)).body.participants.map((p: { id: string; on: string }) => [p.id, p.on])).toEqual([[ids.C, '2027-03-20']]);
    const dropOut = await taalpunt.get(`/api/v1/reports/participants?report=contentReport&contractId=${WF}&period=2027-Q2&scope=region&route=b1&item=4b`);
    expect(dropOut.body.participants.map((p: { id: string; on: string }) => [p.id, p.on])).toEqual([[ids.E, '2027-05-05']]);
    // A whole year: 1a of 2027 (the year so far, nothing referred after June).
    expect((await hoorn.get(`/api/v1/reports/participants?report=contentReport&contractId=${WF}&period=2027&scope=hoorn&route=b1&item=1a`)).body.count).toBe(3);
  });

  it('the drill-down behind the quarterly management information (1a, 1b, 1c, 2, 3, 5) equals its figures', async () => {
    const mi = await hoorn.get(`/api/v1/reports/quarterly-mi?contractId=${WF}&quarter=2027-Q1`);
    const cell = mi.body.cells.find((c: { municipality: string; product: string }) => c.municipality === 'hoorn' && c.product === 'b1_language').quarters.at(-1);
    const figure: Record<string, number> = { '1a': cell.registered, '1b': cell.intakeHeld, '1c': cell.startedRunning, '2': cell.startedInStartClass, '3': cell.belowAttendanceNorm, '5': cell.waiting };
    // On paper: 1a A, B, D; 1b none (no intake dates); 1c A, C; 2 none; 3 A (180 of 240 = 75% < 80%); 5 B, D.
    expect(figure).toEqual({ '1a': 3, '1b': 0, '1c': 2, '2': 0, '3': 1, '5': 2 });
    for (const item of Object.keys(figure)) {
      const list = await hoorn.get(`/api/v1/reports/participants?report=quarterlyManagementInformation&contractId=${WF}&period=2027-Q1&scope=hoorn&product=b1_language&item=${item}`);
      expect(list.status, item).toBe(200);
      expect(list.body.participants.length, item).toBe(figure[item]);
    }
  });

  it('the drill-down: a provider only its own, aggregate readers and other municipalities 404, bad input 400/422', async () => {
    const base = `/api/v1/reports/participants?report=contentReport&contractId=${WF}&period=2027-Q1&route=z&item=3g`;
    expect((await werkwijs.get(`${base}&scope=hoorn`)).body.participants.map((p: { id: string }) => p.id)).toEqual([ids.Fz]);
    expect((await taalpunt.get(`${base}&scope=hoorn`)).body.count).toBe(0);
    for (const c of [manager, officer, enkhuizen]) expect((await c.get(`${base}&scope=hoorn`)).status).toBe(404);
    expect((await hoorn.get(`${base}&scope=hoorn`.replace('route=z&', ''))).status).toBe(422);
    expect((await hoorn.get(`${base}&scope=hoorn`.replace('item=3g', 'item=9z'))).status).toBe(400); // outside the schema's items
    expect((await hoorn.get(`${base}&scope=hoorn`.replace('item=3g', 'item=3'))).status).toBe(422); // an MI item, not the content report's
  });

  it('exports the same document as XLSX and PDF, for the consultant and the contract manager', async () => {
    for (const [c, scope] of [[hoorn, 'hoorn'], [manager, 'region']] as const) {
      for (const format of ['xlsx', 'pdf']) {
        const res = await c.bytes(`/api/v1/reports/content-report/export?${Q}&scope=${scope}&format=${format}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-disposition')).toMatch(new RegExp(`inhoudelijke-rapportage-2027-07-10\\.${format}`));
        expect(res.bytes.length).toBeGreaterThan(1000);
      }
    }
    expect((await enkhuizen.bytes(`/api/v1/reports/content-report/export?${Q}&scope=hoorn&format=pdf`)).status).toBe(404);
  });
});
