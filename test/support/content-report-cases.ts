// Isolation cases of issue #13: the content report, the management report, the year report (000 §4.1–4.3,
// R-MI-2) and the drill-down behind a figure (R-MI-6, R-SEC-1). The fixture is a Hoorn participant
// referred to Taalpunt for B1 language on 1 December 2026: it counts in Hoorn's 1a of 2026-Q4 and of the
// year 2026 for its own consultant and its own provider; the other consultant (another municipality)
// cannot ask for Hoorn (404); the other provider gets 200 with its own (other) figures; the policy officer
// of Hoorn and the contract manager get suppressed counts (200; other cases add Hoorn referrals to the same
// quarter, so whether a count is small is not the fixture's to say).
// The drill-down is the consultant's and the coordinator's only: everyone else 404. The figures behind
// these answers are checked cell by cell in test/content-report.int.test.ts and
// test/management-year-report.int.test.ts.
import { everyone, type Case } from './matrix.js';

interface Column {
  period: string;
  counts: Record<string, number | null>;
}
const counted = (period: string) => (b: { routes?: { route: string; columns: Column[] }[] }): boolean =>
  (b.routes ?? []).some((r) => r.route === 'b1' && r.columns.some((c) => c.period === period && (c.counts['1a'] ?? 0) > 0));

const WF = 'contractId=westfriesland';
const rooms = { ...everyone(404), ownConsultant: 200, otherConsultant: 200, policyOfficer: 200, ownProvider: 200, otherProvider: 200, contractManager: 200 } as const;
const hoornOnly = { ...rooms, otherConsultant: 404 } as const;

export function contentReportCases(): Case[] {
  return [
    {
      name: 'GET /api/v1/reports/content-report',
      mutates: false,
      call: (c) => c.get(`/api/v1/reports/content-report?${WF}&quarter=2026-Q4&scope=hoorn`),
      contains: counted('2026-Q4'),
      expect: { ...hoornOnly, ownConsultant: 'visible', ownProvider: 'visible' },
    },
    { name: 'GET /api/v1/reports/content-report/export', mutates: false, call: (c) => c.get(`/api/v1/reports/content-report/export?${WF}&quarter=2026-Q4&scope=hoorn&format=xlsx`), expect: hoornOnly },
    { name: 'GET /api/v1/reports/management-report', mutates: false, call: (c) => c.get(`/api/v1/reports/management-report?${WF}&quarter=2026-Q4`), expect: rooms },
    { name: 'GET /api/v1/reports/management-report/export', mutates: false, call: (c) => c.get(`/api/v1/reports/management-report/export?${WF}&quarter=2026-Q4&format=xlsx`), expect: rooms },
    {
      name: 'GET /api/v1/reports/year-report',
      mutates: false,
      call: (c) => c.get(`/api/v1/reports/year-report?${WF}&year=2026&scope=hoorn`),
      contains: counted('2026'),
      expect: { ...hoornOnly, ownConsultant: 'visible', ownProvider: 'visible' },
    },
    { name: 'GET /api/v1/reports/year-report/export', mutates: false, call: (c) => c.get(`/api/v1/reports/year-report/export?${WF}&year=2026&scope=hoorn&format=xlsx`), expect: hoornOnly },
    {
      name: 'GET /api/v1/reports/participants',
      mutates: false,
      call: (c) => c.get(`/api/v1/reports/participants?report=contentReport&${WF}&period=2026-Q4&scope=hoorn&route=b1&item=1a`),
      contains: (b: { participants?: { id: string }[] }, f) => (b.participants ?? []).some((p) => p.id === f.participantId),
      expect: { ...everyone(404), ownConsultant: 'visible', ownProvider: 'visible', otherProvider: 'hidden' },
    },
  ];
}
