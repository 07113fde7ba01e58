// R-MI-5 (002 eis 17): the Onderwijsroute quarterly report on hand-built facts for 2027-Q1 (1 Jan –
// 31 Mar), every figure computed on paper in the comments.
import { describe, expect, it } from 'vitest';
import { educationReport, type EducationFacts, type EducationReferralFact } from './education-report.js';
import { periodContaining } from './periods.js';

const Q1 = periodContaining('quarter', '2027-01-01');
const ref = (id: string, municipality: string, o: Partial<EducationReferralFact>): EducationReferralFact => ({
  id, participantId: `p-${id}`, municipality, referredOn: '2026-08-01', startedOn: '2026-09-01', end: null, ...o,
});
const FACTS: EducationFacts = {
  referrals: [
    ref('a', 'den-haag', {}), // running; latest report on or before 31 Mar: onTrack (5 Mar)
    ref('b', 'den-haag', {}), // running; its only report is of 2 April: noReport
    ref('c', 'den-haag', { referredOn: '2026-11-20', startedOn: '2027-02-01' }), // inflow; running, noReport
    ref('d', 'den-haag', { end: { on: '2027-03-01', reason: 'completed' }, goalsReached: true }), // 1 Sep → 1 Mar: 181 days
    ref('e', 'leiden', { startedOn: '2026-02-01', end: { on: '2027-01-15', reason: 'medical' } }), // 1 Feb 2026 → 15 Jan 2027: 348 days; no final report
    ref('f', 'leiden', { referredOn: '2027-01-10', startedOn: null }), // referred in Q1, not started: not running
    ref('g', 'leiden', {}), // running; behind (20 Jan); changed route to B1 on 10 Mar
  ],
  statuses: [
    { referralId: 'a', submittedOn: '2026-12-10', submittedAt: '2026-12-10T10:00:00Z', status: 'atRisk' },
    { referralId: 'a', submittedOn: '2027-03-05', submittedAt: '2027-03-05T10:00:00Z', status: 'onTrack' },
    { referralId: 'b', submittedOn: '2027-04-02', submittedAt: '2027-04-02T10:00:00Z', status: 'behind' },
    { referralId: 'e', submittedOn: '2026-12-01', submittedAt: '2026-12-01T10:00:00Z', status: 'behind' }, // e is not running at 31 Mar
    { referralId: 'g', submittedOn: '2027-01-20', submittedAt: '2027-01-20T10:00:00Z', status: 'behind' },
  ],
  transfers: [
    { referralId: 'g', on: '2027-03-10', to: 'b1', reason: 'Taalniveau nog te laag voor het hbo' },
    { referralId: 'g', on: '2026-12-20', to: 'z', reason: 'In Q4: niet in dit kwartaal' },
  ],
};
const zeroReasons = { completed: 0, medical: 0, death: 0, moved: 0, other: 0, movedAway: 0 };
const zeroResults = { goalsReached: 0, goalsNotReached: 0, noFinalReport: 0 };

describe('educationReport (002 eis 17)', () => {
  const [denHaag, leiden, region] = educationReport(FACTS, Q1, ['den-haag', 'leiden'], true);

  it('Den Haag: a on track, b and c without a report; three running; c came in; d completed with its goals in 181 days', () => {
    expect(denHaag).toEqual({
      municipality: 'den-haag',
      figures: {
        status: { onTrack: 1, atRisk: 0, behind: 0, noReport: 2 },
        running: 3, inflow: 1, referred: 0,
        throughput: { count: 1, meanDays: 181 },
        outflowByReason: { ...zeroReasons, completed: 1 },
        outflowByResult: { ...zeroResults, goalsReached: 1 },
        transfersByRoute: {}, transfers: [], complaints: null,
      },
    });
  });

  it('Leiden: g behind; f registered; e dropped out (medical) after 348 days without a final report; g to the B1-route', () => {
    expect(leiden).toEqual({
      municipality: 'leiden',
      figures: {
        status: { onTrack: 0, atRisk: 0, behind: 1, noReport: 0 },
        running: 1, inflow: 0, referred: 1,
        throughput: { count: 1, meanDays: 348 },
        outflowByReason: { ...zeroReasons, medical: 1 },
        outflowByResult: { ...zeroResults, noFinalReport: 1 },
        transfersByRoute: { b1: 1 }, transfers: [{ on: '2027-03-10', to: 'b1', reason: 'Taalniveau nog te laag voor het hbo' }], complaints: null,
      },
    });
  });

  it('the region: both together, the mean over both outflows (181 + 348) / 2 = 264.5', () => {
    expect(region?.municipality).toBeNull();
    expect(region?.figures).toEqual({
      status: { onTrack: 1, atRisk: 0, behind: 1, noReport: 2 },
      running: 4, inflow: 1, referred: 1,
      throughput: { count: 2, meanDays: 264.5 },
      outflowByReason: { ...zeroReasons, completed: 1, medical: 1 },
      outflowByResult: { ...zeroResults, goalsReached: 1, noFinalReport: 1 },
      transfersByRoute: { b1: 1 }, transfers: [{ on: '2027-03-10', to: 'b1', reason: 'Taalniveau nog te laag voor het hbo' }], complaints: null,
    });
  });

  it('a participant with two running referrals counts once, by the later report of either', () => {
    const two: EducationFacts = {
      referrals: [ref('x1', 'den-haag', { participantId: 'p' }), ref('x2', 'den-haag', { participantId: 'p' })],
      statuses: [
        { referralId: 'x1', submittedOn: '2027-02-01', submittedAt: '2027-02-01T09:00:00Z', status: 'behind' },
        { referralId: 'x2', submittedOn: '2027-02-01', submittedAt: '2027-02-01T11:00:00Z', status: 'atRisk' },
      ],
      transfers: [],
    };
    const [only] = educationReport(two, Q1, ['den-haag'], false);
    expect(only?.figures.status).toEqual({ onTrack: 0, atRisk: 1, behind: 0, noReport: 0 });
    expect(only?.figures.running).toBe(2); // trajectories, not people
  });
});
