// Isolation cases of issue #13: the quarterly management information (R-MI-1, R-SEC-1). The fixture is a
// Hoorn participant referred to Taalpunt for B1 language in 2026-Q4: it counts in the Hoorn × B1 cell of
// its own consultant and its own provider; Enkhuizen's consultant gets only Enkhuizen's cells. The other
// provider gets 200 with its own (other) figures — which of them are its own is asserted cell by cell in
// test/quarterly-mi.int.test.ts. The policy officer (Hoorn) and the contract manager (Westfriesland) get
// 200 with the one participant's count hidden (R-MI-6: 1 is below the threshold), so it is not in the
// answer — test/quarterly-mi-aggregate.int.test.ts has their cells.
import { everyone, type Case } from './matrix.js';

interface Cell {
  municipality: string;
  product: string;
  quarters: { quarter: string; registered: number }[];
}

const counted = (b: { cells?: Cell[] }): boolean =>
  (b.cells ?? []).some((c) => c.municipality === 'hoorn' && c.product === 'b1_language' && c.quarters.some((q) => q.quarter === '2026-Q4' && q.registered > 0));

export function reportCases(): Case[] {
  return [
    {
      name: 'GET /api/v1/reports/quarterly-mi',
      mutates: false,
      call: (c) => c.get('/api/v1/reports/quarterly-mi?contractId=westfriesland&quarter=2026-Q4'),
      contains: counted,
      expect: { ...everyone(404), ownConsultant: 'visible', otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 200, policyOfficer: 'hidden', contractManager: 'hidden' },
    },
  ];
}
