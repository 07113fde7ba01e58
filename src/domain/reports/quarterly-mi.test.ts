// R-MI-1: 001 Bijlage 5 items 1–17 for a small region built by hand — twelve participants in two
// municipalities and two products — with every cell computed on paper below (docs/reports.md has the
// definitions). Quarters: 2026-Q4 (1 Oct – 31 Dec) beside 2027-Q1 (1 Jan – 31 Mar).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContracts } from '../../platform/contracts.js';
import type { AttendanceQuarterFact, GroupMembershipFact, LadderStepFact, ReferralFact, ReportContract, RouteChangeFact } from './facts.js';
import { periodContaining } from './periods.js';
import { quarterlyManagementInformation, quartersUpTo, type QuarterlyMiFigures } from './quarterly-mi.js';

const CONTRACT: ReportContract = {
  municipalities: [
    { code: 'arnhem', products: ['b1_language', 'z_participation'] },
    { code: 'duiven', products: ['b1_language'] },
  ],
  products: [
    { code: 'b1_language', kind: 'language' },
    { code: 'z_participation', kind: 'participation' },
  ],
  versions: [
    {
      version: 1,
      validFrom: '2026-01-01',
      absenceProtocol: { normPercent: 80 },
      // As centraal-gelderland.yaml: milestone 1A paid after month 6, 1B after month 12.
      paymentSchedules: [{ product: 'b1_language', items: [{ trigger: { type: 'start' } }, { trigger: { type: 'progressReport', month: 6 } }, { trigger: { type: 'progressReport', month: 12 } }] }],
    },
  ],
};

const ref = (id: string, municipality: string, product: string, referredOn: string, over: Partial<ReferralFact> = {}): ReferralFact => ({
  id,
  participantId: id.replace(/^r/, 'p'),
  municipality,
  product,
  referredOn,
  intakeHeldOn: null,
  startClassStartedOn: null,
  startedOn: null,
  endedOn: null,
  ...over,
});
const B1 = 'b1_language';
const ZP = 'z_participation';
const referrals: ReferralFact[] = [
  // Arnhem, B1 language
  ref('r1', 'arnhem', B1, '2026-10-05', { intakeHeldOn: '2026-10-20', startedOn: '2026-11-02' }),
  ref('r2', 'arnhem', B1, '2026-09-10', { intakeHeldOn: '2026-09-25', startClassStartedOn: '2026-10-01', startedOn: '2026-12-01' }),
  ref('r3', 'arnhem', B1, '2026-11-15', { intakeHeldOn: '2027-01-10' }),
  ref('r4', 'arnhem', B1, '2026-03-01', { startedOn: '2026-04-01', endedOn: '2027-02-10' }),
  ref('r5', 'arnhem', B1, '2026-12-20', { intakeHeldOn: '2027-01-05', startedOn: '2027-01-15' }),
  // Arnhem, Z-route participation
  ref('r6', 'arnhem', ZP, '2026-10-10', { intakeHeldOn: '2026-10-25', startedOn: '2026-11-01' }),
  ref('r7', 'arnhem', ZP, '2026-06-01', { startedOn: '2026-07-01', endedOn: '2027-03-20' }),
  ref('r8', 'arnhem', ZP, '2027-02-01'),
  ref('r9', 'arnhem', ZP, '2026-11-01', { startedOn: '2026-12-01', endedOn: '2027-03-01' }),
  // Duiven, B1 language
  ref('r10', 'duiven', B1, '2026-12-01', { intakeHeldOn: '2026-12-10', startClassStartedOn: '2027-01-04', startedOn: '2027-02-01' }),
  ref('r11', 'duiven', B1, '2026-08-01', { startedOn: '2026-09-01', endedOn: '2026-11-15' }),
  ref('r12', 'duiven', B1, '2026-10-01', { endedOn: '2026-12-15' }),
];

// Per referral and quarter, as the reader sums them (src/features/reports/facts.ts): the months' figures
// in the comments, the quarter's sums in the facts.
const att = (referralId: string, quarter: string, offeredMinutes: number, attendedMinutes: number): AttendanceQuarterFact => ({ referralId, quarter, offeredMinutes, attendedMinutes });
const attendance: AttendanceQuarterFact[] = [
  att('r1', '2026-Q4', 960, 780), // Nov 480/480 + Dec 480/300: 780/960 = 81.25%
  att('r1', '2027-Q1', 1800, 1620), // Jan 600/600, Feb 600/420, Mar 600/600: 1620/1800 = 90%
  att('r2', '2026-Q4', 1800, 1800), // 3 × 600/600: 100%
  att('r2', '2027-Q1', 1800, 1400), // 600/500, 600/450, 600/450: 1400/1800 = 77.8%: below
  att('r4', '2026-Q4', 1440, 1152), // 3 × 480/384: 1152/1440 = exactly 80%: not below
  att('r4', '2027-Q1', 480, 480), // Jan only: 100%
  att('r5', '2027-Q1', 1500, 930), // 300/0, 600/450, 600/480: 930/1500 = 62%: below
  att('r10', '2027-Q1', 3000, 2390), // 1000/790, 1000/800, 1000/800: 2390/3000 = 79.67%: below
  att('r10', '2026-Q4', 0, 0), // nothing offered yet: no rate, not below
];

const member = (groupId: string, levelBand: GroupMembershipFact['levelBand'], referralId: string, from: string, to: string | null = null): GroupMembershipFact => ({ groupId, levelBand, referralId, from, to });
const groups: GroupMembershipFact[] = [
  member('g-a2b1', 'a2b1', 'r1', '2026-11-02'),
  member('g-alfa', 'fastAlfa', 'r2', '2026-10-01', '2026-11-30'),
  member('g-a2b1', 'a2b1', 'r2', '2026-12-01'),
  member('g-a2b1', 'a2b1', 'r4', '2026-04-01', '2027-02-10'),
  member('g-a1a2', 'a1a2', 'r5', '2027-01-15'),
  member('g-a0a1', 'a0a1', 'r10', '2027-01-04'),
  member('g-a2b1', 'a2b1', 'r11', '2026-09-01', '2026-11-15'), // the provider's group mixes municipalities
];

const routeChanges: RouteChangeFact[] = [
  { referralId: 'r4', on: '2027-02-10', from: 'b1', to: 'z' },
  { referralId: 'r9', on: '2027-03-01', from: 'z', to: null },
  { referralId: 'r11', on: '2026-11-15', from: 'b1', to: 'education_hbo_wo' },
];

const step = (referralId: string, moment: LadderStepFact['moment'], s: LadderStepFact['step'], recordedOn: string, recordedAt = `${recordedOn}T10:00:00Z`): LadderStepFact => ({ referralId, moment, step: s, recordedOn, recordedAt });
const ladder: LadderStepFact[] = [
  step('r6', 'atReferral', 2, '2026-10-25'),
  step('r6', 'during', 3, '2027-02-01'),
  step('r7', 'atReferral', 1, '2026-06-15'),
  step('r7', 'during', 1, '2026-11-10'), // not raised
  step('r7', 'atEnd', 2, '2027-03-20'),
  step('r8', 'atReferral', 3, '2027-02-05'),
  step('r8', 'atReferral', 4, '2027-02-06'), // a correction: the latest counts
  step('r9', 'atReferral', 2, '2026-11-05'),
  step('r9', 'during', 4, '2026-12-15'),
  step('r9', 'during', 5, '2027-04-02'), // after 2027-Q1: not in it
];

const zeroBands = { fastAlfa: 0, a0a1: 0, a1a2: 0, a2b1: 0, z: 0, exam: 0, map: 0 };
const zeroSteps = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0 };
function figures(quarter: string, language: boolean, over: Partial<QuarterlyMiFigures>): QuarterlyMiFigures {
  return {
    quarter,
    contractVersion: 1,
    registered: 0,
    intakeHeld: 0,
    startedRunning: 0,
    startedInStartClass: 0,
    belowAttendanceNorm: 0,
    runningGroups: zeroBands,
    waiting: 0,
    averageWaitingDays: null,
    inMilestone1A: language ? 0 : null,
    inMilestone1B: language ? 0 : null,
    transferredToB1: 0,
    transferredFromB1: 0,
    transferredToZ: 0,
    transferredFromZ: 0,
    transferredToEducation: 0,
    transferredFromEducation: 0,
    transferredToUnknown: 0,
    ladder: language ? null : { atReferral: zeroSteps, raisedDuring: zeroSteps, atEnd: zeroSteps },
    remarks: null,
    ...over,
  };
}

describe('quarterly management information (001 Bijlage 5)', () => {
  const q1 = periodContaining('quarter', '2027-01-01');
  const remarks = { 'arnhem/z_participation/2027-Q1': 'Wachtlijst door te weinig stageplekken.' };
  const mi = quarterlyManagementInformation({ referrals, attendance, groups, routeChanges, ladder, remarks }, q1, CONTRACT, 1);

  it('lists the quarter and the previous one, oldest first', () => {
    expect(mi.quarter).toBe('2027-Q1');
    expect(mi.quarters).toEqual(['2026-Q4', '2027-Q1']);
    expect(quartersUpTo(q1, 3).map((q) => q.id)).toEqual(['2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
  });

  it('computes every item per municipality × product, as on paper', () => {
    expect(mi.cells).toEqual([
      {
        municipality: 'arnhem',
        product: B1,
        quarters: [
          figures('2026-Q4', true, {
            registered: 3, // 1a: r1 (5 Oct), r3 (15 Nov), r5 (20 Dec)
            intakeHeld: 1, // 1b: r1 (20 Oct)
            startedRunning: 3, // 1c: r1 (2 Nov), r2 (start class 1 Oct), r4 (since April)
            startedInStartClass: 1, // 2: r2
            belowAttendanceNorm: 0, // 3: r1 81.25%, r2 100%, r4 exactly 80% (not below)
            runningGroups: { ...zeroBands, a2b1: 1, fastAlfa: 1 }, // 4: g-a2b1 (r1, r2, r4), g-alfa (r2 until 30 Nov)
            waiting: 2, // 5: on 31 Dec r3 and r5 are referred, not started
            averageWaitingDays: 24.5, // 6: r1 5 Oct→2 Nov 28 days, r2 10 Sep→1 Oct 21 days: 49/2
            inMilestone1A: 2, // 7: r1 (2 Nov + 6 months > 31 Dec), r2 (1 Oct + 6 > 31 Dec)
            inMilestone1B: 1, // 8: r4 (1 Apr + 6 = 1 Oct ≤ 31 Dec < 1 Apr + 12)
          }),
          figures('2027-Q1', true, {
            intakeHeld: 2, // 1b: r3 (10 Jan), r5 (5 Jan)
            startedRunning: 4, // 1c: r1, r2, r4 (ended 10 Feb, in the quarter), r5
            belowAttendanceNorm: 2, // 3: r2 77.8%, r5 62%; r1 90%, r4 100%
            runningGroups: { ...zeroBands, a2b1: 1, a1a2: 1 }, // 4: g-a2b1, g-a1a2 (r5); g-alfa ended in November
            waiting: 1, // 5: r3
            averageWaitingDays: 26, // 6: r5 20 Dec→15 Jan
            inMilestone1A: 3, // 7: r1 (until 2 May), r2 (until 1 Apr), r5 (until 15 Jul)
            inMilestone1B: 0, // 8: r4 ended on 10 Feb
            transferredFromB1: 1, // 10: r4 b1→z
            transferredToZ: 1, // 11: r4
          }),
        ],
      },
      {
        municipality: 'arnhem',
        product: ZP,
        quarters: [
          figures('2026-Q4', false, {
            registered: 2, // 1a: r6 (10 Oct), r9 (1 Nov)
            intakeHeld: 1, // 1b: r6
            startedRunning: 3, // 1c: r6, r7 (since July), r9
            averageWaitingDays: 26, // 6: r6 10 Oct→1 Nov 22 days, r9 1 Nov→1 Dec 30 days: 52/2
            // 16: a. r6 and r9 registered in Q4, both at step 2; b. r9 raised 2→4 on 15 Dec (r7 stayed at 1)
            ladder: { atReferral: { ...zeroSteps, 2: 2 }, raisedDuring: { ...zeroSteps, 4: 1 }, atEnd: zeroSteps },
          }),
          figures('2027-Q1', false, {
            registered: 1, // 1a: r8 (1 Feb)
            startedRunning: 3, // 1c: r6, r7 (ended 20 Mar), r9 (ended 1 Mar)
            waiting: 1, // 5: r8
            transferredFromZ: 1, // 12: r9
            transferredToUnknown: 1, // 15: r9, follow-up unknown
            // 16: a. r8 at step 4 (corrected from 3); b. r6 2→3 on 1 Feb (r9's step 5 of 2 Apr is after the
            // quarter, its step 4 was recorded in Q4); c. r7 ended at step 2
            ladder: { atReferral: { ...zeroSteps, 4: 1 }, raisedDuring: { ...zeroSteps, 3: 1 }, atEnd: { ...zeroSteps, 2: 1 } },
            remarks: 'Wachtlijst door te weinig stageplekken.', // 17
          }),
        ],
      },
      {
        municipality: 'duiven',
        product: B1,
        quarters: [
          figures('2026-Q4', true, {
            registered: 2, // 1a: r10 (1 Dec), r12 (1 Oct)
            intakeHeld: 1, // 1b: r10 (10 Dec)
            startedRunning: 1, // 1c: r11 (ended 15 Nov)
            runningGroups: { ...zeroBands, a2b1: 1 }, // 4: r11 in Arnhem's g-a2b1 until 15 Nov
            waiting: 1, // 5: r10; r12 left (15 Dec) before starting
            transferredFromB1: 1, // 10: r11 b1→hbo/wo
            transferredToEducation: 1, // 13: r11
          }),
          figures('2027-Q1', true, {
            startedRunning: 1, // 1c: r10
            startedInStartClass: 1, // 2: r10 (4 Jan)
            belowAttendanceNorm: 1, // 3: r10 2390/3000 = 79.67%
            runningGroups: { ...zeroBands, a0a1: 1 }, // 4: g-a0a1
            averageWaitingDays: 34, // 6: r10 1 Dec→4 Jan (the start class is the start)
            inMilestone1A: 1, // 7: r10 (4 Jan + 6 months = 4 Jul)
          }),
        ],
      },
    ]);
  });

  it('counts nothing outside every contract version, and a quarter of no facts as zero', () => {
    const empty = quarterlyManagementInformation({ referrals: [], attendance: [], groups: [], routeChanges: [], ladder: [] }, periodContaining('quarter', '2025-12-31'), CONTRACT, 0);
    expect(empty.cells.map((c) => c.quarters[0]?.contractVersion)).toEqual([0, 0, 0]);
    // Without a version the milestones are unknown; the attendance norm falls back to 80%.
    expect(empty.cells[0]?.quarters[0]).toEqual(figures('2025-Q4', true, { contractVersion: 0, inMilestone1A: null, inMilestone1B: null }));
  });
});

describe('on the shipped Centraal Gelderland contract', () => {
  it('has a cell per municipality × product it takes part in, with milestones 1A/1B only where the payment schedule has them', () => {
    const cg = loadContracts(path.resolve(import.meta.dirname, '../../../contracts')).byId('centraal-gelderland');
    if (cg === undefined) throw new Error('centraal-gelderland.yaml missing');
    const mi = quarterlyManagementInformation({ referrals: [], attendance: [], groups: [], routeChanges: [], ladder: [] }, periodContaining('quarter', '2026-03-31'), cg, 0);
    expect(mi.cells).toHaveLength(cg.municipalities.reduce((n, m) => n + m.products.length, 0));
    const arnhem = (product: string) => mi.cells.find((c) => c.municipality === 'arnhem' && c.product === product)?.quarters[0];
    // b1_language pays 1A after month 6 and 1B after month 12; map has no milestones; a language product has no ladder.
    expect([arnhem('b1_language')?.inMilestone1A, arnhem('b1_language')?.ladder]).toEqual([0, null]);
    expect([arnhem('map')?.inMilestone1A, arnhem('map')?.ladder?.atEnd[6]]).toEqual([null, 0]);
  });
});
