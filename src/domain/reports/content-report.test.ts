// R-MI-2: the content report (000 §4.1) on hand-built facts — every number below is worked out on paper
// from the definitions of docs/reports.md §2.
import { describe, expect, it } from 'vitest';
import { contentMembers, contentReport, contentRouteOf, cellReferrals, runningYearWindows, type ContentContract, type ContentReportFacts } from './content-report.js';
import { quarterIdsOf, type ReferralFact } from './facts.js';
import { periodContaining } from './periods.js';
import { yearReport } from './year-report.js';

const CONTRACT: ContentContract = {
  municipalities: [{ code: 'hoorn' }, { code: 'enkhuizen' }],
  products: [
    { code: 'b1_language', kind: 'language', routes: ['b1'] },
    { code: 'z_language', kind: 'language', routes: ['z'] },
    { code: 'z_participation', kind: 'participation', routes: ['z'] },
    { code: 'map', kind: 'map', routes: [] },
  ],
  versions: [{ version: 1, validFrom: '2026-01-01' }],
};

const ref = (id: string, participantId: string, municipality: string, product: string, d: Partial<ReferralFact> & { referredOn: string }): ReferralFact => ({
  id, participantId, municipality, product, intakeHeldOn: null, startClassStartedOn: null, startedOn: null, endedOn: null, ...d,
});

const EMPTY: ContentReportFacts = { referrals: [], attendance: [], routeEvents: [], scalings: [], activities: [], hours: [], groups: [], cancelledLessons: [] };

/** Hoorn: P1 (B1), P2 (B1), P3 (Z, two referrals); Enkhuizen: P4 (B1); P5 has a B1 referral in both municipalities. */
const FACTS: ContentReportFacts = {
  ...EMPTY,
  referrals: [
    ref('r1', 'P1', 'hoorn', 'b1_language', { referredOn: '2027-01-10', startedOn: '2027-02-01' }),
    ref('r2', 'P2', 'hoorn', 'b1_language', { referredOn: '2027-02-15', startedOn: '2027-04-15' }),
    ref('r3', 'P3', 'hoorn', 'z_language', { referredOn: '2026-11-01', startedOn: '2026-12-01' }),
    ref('r4', 'P3', 'hoorn', 'z_participation', { referredOn: '2026-11-01', startedOn: '2026-12-01' }),
    ref('r5', 'P4', 'enkhuizen', 'b1_language', { referredOn: '2027-03-01', startClassStartedOn: '2027-03-05', endedOn: '2027-05-10' }),
    ref('r6', 'P5', 'hoorn', 'b1_language', { referredOn: '2027-01-20' }),
    ref('r7', 'P5', 'enkhuizen', 'b1_language', { referredOn: '2027-04-02' }),
    ref('r8', 'P6', 'hoorn', 'map', { referredOn: '2027-01-05', startedOn: '2027-01-06' }),
  ],
  routeEvents: [
    { referralId: 'r3', type: 'onHold', on: '2027-03-01', fromRoute: null, toRoute: null, reason: 'illness' },
    { referralId: 'r3', type: 'resumed', on: '2027-04-10', fromRoute: null, toRoute: null, reason: null },
    { referralId: 'r1', type: 'routeChanged', on: '2027-05-01', fromRoute: 'b1', toRoute: 'z', reason: 'Te zwaar' },
    { referralId: 'r5', type: 'droppedOut', on: '2027-05-10', fromRoute: null, toRoute: null, reason: 'medical' },
  ],
  scalings: [
    { referralId: 'r1', direction: 'down', fromLevel: 'B1', toLevel: 'A2', decidedOn: '2027-03-10' },
    { referralId: 'r1', direction: 'down', fromLevel: 'B1', toLevel: 'A2', decidedOn: '2027-03-12' }, // a second skill: P1 counts once
    { referralId: 'r2', direction: 'up', fromLevel: 'B1', toLevel: 'B2', decidedOn: '2027-03-20' }, // not yet started, still counts (a decision)
  ],
  activities: [
    { referralId: 'r4', productKind: 'participation', startDate: '2027-02-01', endDate: '2027-03-20', minutes: 600, localFacility: 'Bibliotheek Hoorn', isLocalFacility: true },
    { referralId: 'r4', productKind: 'participation', startDate: '2027-03-25', endDate: '2027-04-05', minutes: 120, localFacility: null, isLocalFacility: false },
  ],
  hours: [{ referralId: 'r4', month: '2027-01', kind: 'participation', minutes: 60 }],
  // Per referral and quarter (each of these the one month that had lessons: January, February, April).
  attendance: [
    { referralId: 'r3', quarter: '2027-Q1', offeredMinutes: 1200, attendedMinutes: 900, languageMinutes: 900, firstEveningOn: '2027-01-12' },
    { referralId: 'r1', quarter: '2027-Q1', offeredMinutes: 400, attendedMinutes: 400, languageMinutes: 400, firstEveningOn: null },
    { referralId: 'r1', quarter: '2027-Q2', offeredMinutes: 400, attendedMinutes: 200, languageMinutes: 200, firstEveningOn: null },
  ],
  groups: [
    { groupId: 'g1', levelBand: 'a2b1', referralId: 'r1', from: '2027-02-01', to: null },
    { groupId: 'g2', levelBand: 'z', referralId: 'r3', from: '2026-12-01', to: '2027-02-28' },
  ],
  cancelledLessons: [
    { groupId: 'g1', month: '2027-03', lessons: 2 },
    { groupId: 'g2', month: '2027-02', lessons: 1 },
    { groupId: 'g2', month: '2027-04', lessons: 5 }, // after P3 left g2: g2 is not running in Q2
  ],
};

const Q1 = periodContaining('quarter', '2027-01-01');
const Q2 = periodContaining('quarter', '2027-04-01');

describe('content report (R-MI-2, 000 §4.1)', () => {
  it('a product serves its route: B1-entree is B1, MAP is in no cell', () => {
    expect(contentRouteOf(CONTRACT, 'b1_language')).toBe('b1');
    expect(contentRouteOf(CONTRACT, 'z_participation')).toBe('z');
    expect(contentRouteOf(CONTRACT, 'map')).toBeNull();
    expect(contentRouteOf({ products: [{ code: 'x', kind: 'language', routes: ['b1_entree'] }] }, 'x')).toBe('b1');
  });

  it('the running year: the quarters so far and the year from 1 January to the quarter’s end', () => {
    expect(runningYearWindows(Q2).map((w) => [w.id, w.start, w.end])).toEqual([['2027-Q1', '2027-01-01', '2027-03-31'], ['2027-Q2', '2027-04-01', '2027-06-30'], ['2027', '2027-01-01', '2027-06-30']]);
  });

  it('Hoorn B1, 2027-Q2: every count of Q1, Q2 and the year so far', () => {
    const b1 = contentReport(FACTS, Q2, CONTRACT, 'hoorn').routes.find((r) => r.route === 'b1');
    const [q1, q2, year] = b1?.columns ?? [];
    // 1a: Q1 P1 (10 Jan), P2 (15 Feb), P5 (20 Jan) = 3; Q2 none; year 3.
    expect([q1?.counts['1a'], q2?.counts['1a'], year?.counts['1a']]).toEqual([3, 0, 3]);
    // 1b (referrals): Q1 r1; Q2 r2; year 2 (the sum).
    expect([q1?.counts['1b'], q2?.counts['1b'], year?.counts['1b']]).toEqual([1, 1, 2]);
    // 1c waiting at the end: 31 Mar P2 and P5; 30 Jun P5 (r6); the year's is 30 Jun's.
    expect([q1?.counts['1c'], q2?.counts['1c'], year?.counts['1c']]).toEqual([2, 1, 1]);
    // 1c average: Q1 r1 22 days (10 Jan → 1 Feb); Q2 r2 59 days (15 Feb → 15 Apr); year (22 + 59) / 2 = 40.5.
    expect([q1?.averageWaitingDays, q2?.averageWaitingDays, year?.averageWaitingDays]).toEqual([22, 59, 40.5]);
    // 2a running at the end: 31 Mar r1; 30 Jun r1, r2.
    expect([q1?.counts['2a'], q2?.counts['2a'], year?.counts['2a']]).toEqual([1, 2, 2]);
    // 3c B1 → Z: P1 on 1 May. 3d: P1 once (two skills). 3e: P2.
    expect([q1?.counts['3c'], q2?.counts['3c'], year?.counts['3c']]).toEqual([0, 1, 1]);
    expect(q2?.changesB1ToZReasons).toEqual(['Te zwaar']);
    expect([q1?.counts['3d'], q1?.counts['3e'], q2?.counts['3d']]).toEqual([1, 1, 0]);
    // 3j: g1 runs in Q1 and Q2 (P1); 2 cancelled in March → Q1 2.0, Q2 0.0.
    expect([q1?.cancelledLessonsPerGroup, q2?.cancelledLessonsPerGroup]).toEqual([2, 0]);
    // 5b: P1 Q1 400/400 → 0%; Q2 200/400 → 50%; year 600/800 → 25%.
    expect([q1?.averageAbsencePercent, q2?.averageAbsencePercent, year?.averageAbsencePercent]).toEqual([0, 50, 25]);
    // 3f is the Z-route's only; not registered items are null.
    expect([q1?.participationHoursPerParticipant, q1?.completedPvt, q1?.homeworkClassAverage]).toEqual([null, null, null]);
    // 5a: no complaint among these facts.
    expect(q1?.complaints).toBe(0);
  });

  it('Hoorn Z, 2027-Q2: on hold, resumed, participation and language hours, local facilities, evening education', () => {
    const z = contentReport(FACTS, Q2, CONTRACT, 'hoorn').routes.find((r) => r.route === 'z');
    const [q1, q2, year] = z?.columns ?? [];
    // 4a: r3 on hold from 1 Mar: on hold at 31 Mar, resumed 10 Apr. 4c: r3 resumed in Q2.
    expect([q1?.counts['4a'], q2?.counts['4a'], year?.counts['4a']]).toEqual([1, 0, 0]);
    expect([q1?.counts['4c'], q2?.counts['4c'], year?.counts['4c']]).toEqual([0, 1, 1]);
    // 3f Q1: P3 running (r3, r4). Participation: activity ending 20 Mar 600 + hours Jan 60 = 660 min = 11.0 h; language 900 min = 15.0 h.
    expect([q1?.participationHoursPerParticipant, q1?.languageHoursPerParticipant]).toEqual([11, 15]);
    // Q2: the activity ending 5 Apr, 120 min = 2.0 h; no language.
    expect([q2?.participationHoursPerParticipant, q2?.languageHoursPerParticipant]).toEqual([2, 0]);
    // Year: 780 min = 13.0 h; 15.0 h.
    expect([year?.participationHoursPerParticipant, year?.languageHoursPerParticipant]).toEqual([13, 15]);
    // 3g: the library activity (1 Feb – 20 Mar) overlaps Q1 only.
    expect([q1?.counts['3g'], q2?.counts['3g'], year?.counts['3g']]).toEqual([1, 0, 1]);
    expect(q1?.localFacilities).toEqual(['Bibliotheek Hoorn']);
    // 3h: P3's evening lesson of 12 Jan.
    expect([q1?.counts['3h'], q2?.counts['3h']]).toEqual([1, 0]);
    // 3j: g2 runs in Q1 (P3 to 28 Feb): 1 cancelled in Feb; not in Q2 → null.
    expect([q1?.cancelledLessonsPerGroup, q2?.cancelledLessonsPerGroup]).toEqual([1, null]);
  });

  it('Enkhuizen B1: drop-out by reason; P5 referred in both municipalities counts in each', () => {
    const b1 = contentReport(FACTS, Q2, CONTRACT, 'enkhuizen').routes.find((r) => r.route === 'b1');
    const [q1, q2] = b1?.columns ?? [];
    expect([q1?.counts['1a'], q2?.counts['1a']]).toEqual([1, 1]); // P4 1 Mar; P5 2 Apr
    expect([q2?.counts['4b'], q2?.counts['4b.medical'], q2?.counts['4b.moved']]).toEqual([1, 1, 0]);
    expect(q1?.counts['1b']).toBe(1); // r5 started in a start class on 5 Mar
  });

  it('the region is computed from the facts: P5 counts once, not once per municipality', () => {
    const region = contentReport(FACTS, Q2, CONTRACT, 'region').routes.find((r) => r.route === 'b1');
    // 1a year: P1, P2, P5, P4 = 4 (Hoorn 3 + Enkhuizen 2 = 5 would count P5 twice).
    expect(region?.columns.at(-1)?.counts['1a']).toBe(4);
  });

  it('every count is the length of its drill-down list, with the date that counted', () => {
    const refs = cellReferrals(FACTS, CONTRACT, 'hoorn', 'b1');
    expect(contentMembers(FACTS, refs, Q1, '1a')).toEqual([
      { participantId: 'P1', referralId: 'r1', on: '2027-01-10' },
      { participantId: 'P5', referralId: 'r6', on: '2027-01-20' },
      { participantId: 'P2', referralId: 'r2', on: '2027-02-15' },
    ]);
    expect(contentMembers(FACTS, refs, Q1, '3d')).toEqual([{ participantId: 'P1', referralId: 'r1', on: '2027-03-10' }]);
  });

  it('the year report: every item per whole year, with the two years before it', () => {
    const y = yearReport(FACTS, 2027, CONTRACT, 'hoorn');
    expect(y.periods).toEqual(['2025', '2026', '2027']);
    const z = y.routes.find((r) => r.route === 'z')?.columns ?? [];
    // 1a Z: P3 referred 1 Nov 2026 (two referrals, one participant).
    expect(z.map((c) => c.counts['1a'])).toEqual([0, 1, 0]);
    // 2a at 31 Dec: 2026 r3, r4 running; 2027 r3, r4 still running.
    expect(z.map((c) => c.counts['2a'])).toEqual([0, 2, 2]);
  });

  it('reads the quarter facts of a window of whole quarters only', () => {
    expect([...quarterIdsOf(runningYearWindows(periodContaining('quarter', '2027-08-15')).at(-1) as { start: string; end: string })]).toEqual(['2027-Q1', '2027-Q2', '2027-Q3']);
    expect([...quarterIdsOf({ start: '2026-01-01', end: '2026-12-31' })]).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    // A window cut inside a quarter would count days outside it: refused.
    expect(() => quarterIdsOf({ start: '2027-01-15', end: '2027-03-31' })).toThrow('not a window of whole quarters');
    expect(() => quarterIdsOf({ start: '2027-01-01', end: '2027-05-31' })).toThrow('not a window of whole quarters');
  });
});
