// Isolation cases of issue #13's management information page (helper H5): the MI export — the same room
// as GET /api/v1/reports/quarterly-mi, as a file — and the contracts the actor's reports reach.
import { everyone, type Case } from './matrix.js';

const readers = { ownConsultant: 200, otherConsultant: 200, ownProvider: 200, otherProvider: 200, policyOfficer: 200, contractManager: 200 } as const;

export function miViewCases(): Case[] {
  return [
    {
      name: 'GET /api/v1/reports/quarterly-mi/export',
      mutates: false,
      call: (c) => c.get('/api/v1/reports/quarterly-mi/export?contractId=westfriesland&quarter=2026-Q4&format=xlsx'),
      expect: { ...everyone(404), ...readers },
    },
    {
      name: 'GET /api/v1/reports/contracts',
      mutates: false,
      call: (c) => c.get('/api/v1/reports/contracts'),
      // The contract is in every reader's room; the fixture's participant is in no answer of this route.
      contains: (b: { contracts?: { id: string }[] }) => (b.contracts ?? []).some((x) => x.id === 'westfriesland'),
      expect: { ...everyone(404), ownConsultant: 'visible', otherConsultant: 'visible', ownProvider: 'visible', otherProvider: 'visible', policyOfficer: 'visible', contractManager: 'visible' },
    },
  ];
}
