// Isolation cases of issue #13's report instances, drafts and submissions (R-SEC-1, R-MI-6). The instance
// is Westfriesland's content report for Hoorn over 2026-Q3, owed by Taalpunt (the own provider). The list:
// Hoorn's consultant, Hoorn's policy officer, Taalpunt and the contract manager see it; Enkhuizen's
// consultant sees only Enkhuizen's and the region's, Leerhuis Noord only its own. The instance: the same
// readers get 200, figures only for Taalpunt and Hoorn's consultant. Draft and submission: Taalpunt only
// (report.submit, its own instance); 2027-Q1 has not ended on the fixture's day, so the submission is
// 422. The export: nothing submitted yet, 422 for every reader of the instance.
import { everyone, onlyOwnProvider, type Case } from './matrix.js';

const Q3 = 'westfriesland~contentReport~2026-Q3~hoorn~taalpunt-westfriesland';
const Q1 = 'westfriesland~contentReport~2027-Q1~hoorn~taalpunt-westfriesland';
const READERS = { ownConsultant: 200, policyOfficer: 200, ownProvider: 200, contractManager: 200 } as const;

export function reportSubmissionCases(): Case[] {
  return [
    {
      name: 'GET /api/v1/reports/instances',
      mutates: false,
      call: (c) => c.get('/api/v1/reports/instances?contractId=westfriesland&period=2026-Q3&pageSize=100'),
      contains: (b: { items?: { id: string }[] }) => (b.items ?? []).some((i) => i.id === Q3),
      expect: { ...everyone(404), ownConsultant: 'visible', otherConsultant: 'hidden', policyOfficer: 'visible', ownProvider: 'visible', otherProvider: 'hidden', contractManager: 'visible' },
    },
    {
      name: 'GET /api/v1/reports/instances/:id',
      mutates: false,
      call: (c) => c.get(`/api/v1/reports/instances/${Q3}`),
      contains: (b: { instance?: { id: string }; figuresShown?: boolean }) => b.instance?.id === Q3 && b.figuresShown === true,
      expect: { ...everyone(404), ...READERS, ownConsultant: 'visible', ownProvider: 'visible' },
    },
    {
      name: 'PUT /api/v1/reports/instances/:id/draft',
      mutates: true,
      call: (c) => c.request('PUT', `/api/v1/reports/instances/${Q3}/draft`, { entered: {}, lockVersion: 0 }),
      expect: onlyOwnProvider(200),
    },
    {
      name: 'POST /api/v1/reports/instances/:id/submissions',
      mutates: true,
      call: (c) => c.post(`/api/v1/reports/instances/${Q1}/submissions`, { lockVersion: 0 }),
      expect: onlyOwnProvider(422),
    },
    {
      name: 'GET /api/v1/reports/instances/:id/export',
      mutates: false,
      call: (c) => c.get(`/api/v1/reports/instances/${Q3}/export?format=pdf`),
      expect: { ...everyone(404), ...READERS, ownConsultant: 422, policyOfficer: 422, ownProvider: 422, contractManager: 422 },
    },
  ];
}
