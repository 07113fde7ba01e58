// R-KPI-1, R-KPI-2, R-KPI-3, R-KPI-4: the four KPIs of 000 §2.2 on hand-built facts, computed on paper
// in the comments, for 2027-Q1 (1 Jan – 31 Mar) and the trend from 2026-Q4.
import { describe, expect, it } from 'vitest';
import type { KpiTarget } from './kpi-data.js';
import { completedWithinRoutePrice, downscalingB1, dutyMetWithinTerm, kpiTrend, participationRate, type KpiReferralFact } from './kpis.js';
import { periodContaining } from './periods.js';

const Q1 = periodContaining('quarter', '2027-01-01');
const Q4 = periodContaining('quarter', '2026-10-01');
// As westfriesland.yaml (000 §2.2): KPI 1 80%, KPI 2 75% (B1) and 80% (Z); none for KPI 3 and 4.
const TARGETS: KpiTarget[] = [
  { kpi: 'participationRate', targetShare: 0.8, source: '000 §2.2 KPI 1' },
  { kpi: 'dutyMetWithinTerm', route: 'b1', targetShare: 0.75, source: '000 §2.2 KPI 2' },
  { kpi: 'dutyMetWithinTerm', route: 'z', targetShare: 0.8, source: '000 §2.2 KPI 2' },
];

const ref = (id: string, participantId: string, route: 'b1' | 'z', startedOn: string | null, endedOn: string | null = null): KpiReferralFact => ({ id, participantId, route, startedOn, endedOn });
const referrals = [
  ref('k1', 'p1', 'b1', '2026-02-15'), // first year ends 14 Feb 2027: in Q1
  ref('k2', 'p2', 'b1', '2026-03-31'), // ends 30 Mar 2027: in Q1
  ref('k3', 'p3', 'b1', '2026-01-01', '2026-12-31'), // ends 31 Dec 2026: Q4, not Q1
  ref('k4', 'p4', 'b1', '2026-04-01'), // ends 31 Mar 2027: the quarter's last day
  ref('k5a', 'p5', 'b1', '2026-05-01'),
  ref('k5b', 'p5', 'b1', '2026-01-20'), // p5's earliest start: the year ends 19 Jan 2027
  ref('k6', 'p6', 'z', '2026-03-10'), // ends 9 Mar 2027
];

describe('KPI 1 — participation rate (R-KPI-1)', () => {
  const activities = [
    { participantId: 'p1', kind: 'workExperience' as const, startDate: '2026-06-01' }, // in p1's year
    { participantId: 'p2', kind: 'localActivity' as const, startDate: '2026-05-01' }, // not a form of work
    { participantId: 'p2', kind: 'internship' as const, startDate: '2027-04-01' }, // after p2's year
    { participantId: 'p4', kind: 'volunteering' as const, startDate: '2027-03-31' }, // p4's year's last day
    { participantId: 'p5', kind: 'companyVisit' as const, startDate: '2026-01-10' }, // before p5's start
    { participantId: 'p6', kind: 'workOrientation' as const, startDate: '2026-09-01' },
  ];

  it('counts, of the participants whose first year ended in the quarter, those in contact with work in it', () => {
    // B1: cohort p1, p2, p4, p5 (p3's year ended in Q4); with work p1, p4: 2/4 = 50% < 80%.
    expect(participationRate(referrals, activities, 'b1', Q1, TARGETS)).toEqual({ kpi: 'participationRate', route: 'b1', quarter: '2027-Q1', numerator: 2, denominator: 4, share: 0.5, target: 0.8, meetsTarget: false });
    // Z: p6 with work: 1/1 = 100% ≥ 80%.
    expect(participationRate(referrals, activities, 'z', Q1, TARGETS)).toMatchObject({ numerator: 1, denominator: 1, share: 1, meetsTarget: true });
    // Q4 2026: only p3, without work: 0/1.
    expect(participationRate(referrals, activities, 'b1', Q4, TARGETS)).toMatchObject({ numerator: 0, denominator: 1, share: 0 });
  });
});

describe('KPI 2 — duty met within the term (R-KPI-2)', () => {
  const duties = [
    { participantId: 'd1', route: 'b1' as const, dutyEndsOn: '2027-02-01', dutyMetOn: '2027-01-15' }, // met
    { participantId: 'd2', route: 'b1' as const, dutyEndsOn: '2027-03-31', dutyMetOn: '2027-03-31' }, // met on the last day
    { participantId: 'd3', route: 'b1' as const, dutyEndsOn: '2027-03-01', dutyMetOn: '2027-03-02' }, // a day late
    { participantId: 'd4', route: 'b1' as const, dutyEndsOn: '2027-03-15', dutyMetOn: null }, // not met
    { participantId: 'd5', route: 'b1' as const, dutyEndsOn: '2027-04-01', dutyMetOn: null }, // term ends in Q2
    { participantId: 'd6', route: 'z' as const, dutyEndsOn: '2027-01-10', dutyMetOn: '2026-12-01' },
  ];

  it('counts, of the terms ended in the quarter, those met on or before the term end, against 75% (B1) and 80% (Z)', () => {
    // B1: d1, d2 of d1–d4: 2/4 = 50% < 75%.
    expect(dutyMetWithinTerm(duties, 'b1', Q1, TARGETS)).toMatchObject({ numerator: 2, denominator: 4, share: 0.5, target: 0.75, meetsTarget: false });
    // Z: 1/1 ≥ 80%.
    expect(dutyMetWithinTerm(duties, 'z', Q1, TARGETS)).toMatchObject({ numerator: 1, denominator: 1, share: 1, target: 0.8, meetsTarget: true });
  });
});

describe('KPI 3 — down-scaling in the B1-route (R-KPI-3)', () => {
  const decisions = [
    { participantId: 'p1', direction: 'down' as const, fromLevel: 'B1', toLevel: 'A2', decidedOn: '2027-02-01' },
    { participantId: 'p1', direction: 'down' as const, fromLevel: 'B1', toLevel: 'A2', decidedOn: '2027-03-01' }, // a second skill: p1 once
    { participantId: 'p2', direction: 'up' as const, fromLevel: 'B1', toLevel: 'B2', decidedOn: '2027-02-10' }, // up, not down
    { participantId: 'p4', direction: 'down' as const, fromLevel: 'B1', toLevel: 'A2', decidedOn: '2026-12-15' }, // in Q4
    { participantId: 'p3', direction: 'down' as const, fromLevel: 'B1', toLevel: 'A2', decidedOn: '2027-01-10' }, // p3 ended 31 Dec
  ];

  it('counts the participants scaled down B1 → A2 over the running B1 participants, without a target, with its trend', () => {
    // Q1: running B1 p1, p2, p4, p5 (p3 ended 31 Dec); scaled p1: 1/4.
    expect(downscalingB1(referrals, decisions, Q1, TARGETS)).toEqual({ kpi: 'downscalingB1', route: 'b1', quarter: '2027-Q1', numerator: 1, denominator: 4, share: 0.25, target: null, meetsTarget: null });
    // Q4: running p1–p5 (p3 until 31 Dec); scaled p4: 1/5 = 20%. The trend: +5 points.
    const trend = kpiTrend([Q4, Q1], (q) => downscalingB1(referrals, decisions, q, TARGETS));
    expect(trend.values.map((v) => [v.quarter, v.numerator, v.denominator, v.share])).toEqual([
      ['2026-Q4', 1, 5, 0.2],
      ['2027-Q1', 1, 4, 0.25],
    ]);
    expect(trend.changes[0]).toBeNull();
    expect(trend.changes[1]).toBeCloseTo(0.05, 10);
  });
});

describe('KPI 4 — completed within the route price (R-KPI-4)', () => {
  const routes = [
    { referralId: 'c1', route: 'b1' as const, endedOn: '2027-02-01', invoicedCents: 1_000_000, routePriceCents: 1_000_000 }, // exactly the price
    { referralId: 'c2', route: 'b1' as const, endedOn: '2027-03-01', invoicedCents: 1_030_000, routePriceCents: 1_000_000 }, // € 300 beyond
    { referralId: 'c3', route: 'b1' as const, endedOn: '2026-12-31', invoicedCents: 900_000, routePriceCents: 1_000_000 }, // Q4
  ];

  it('counts the routes completed in the quarter invoiced within the price; no target in 000', () => {
    expect(completedWithinRoutePrice(routes, 'b1', Q1, TARGETS)).toMatchObject({ numerator: 1, denominator: 2, share: 0.5, target: null, meetsTarget: null });
    // No Z-route completed: no share.
    expect(completedWithinRoutePrice(routes, 'z', Q1, TARGETS)).toMatchObject({ numerator: 0, denominator: 0, share: null, meetsTarget: null });
  });
});
