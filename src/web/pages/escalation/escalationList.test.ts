// The participant-level ladder's list and the complaint totals' chart series (issue #14, R-ESC-1, R-CM-3).
import { describe, expect, it } from 'vitest';
import type { ComplaintTotalsRow } from '../../api/complaints';
import type { EscalationItem } from '../../api/participantEscalation';
import { complaintSeries } from './complaintTotals';
import { caseLabel } from './escalationList';

const step = (s: EscalationItem['steps'][number]['step'], decidedOn: string) => ({ step: s, name: s, decidedOn, actors: 'a', decision: 'd', planWeeks: null });
const item = (pseudonym: string, name: string | null, steps: EscalationItem['steps']): EscalationItem => ({
  id: pseudonym,
  pseudonym,
  contractId: 'c',
  providerCode: 'TP',
  person: name === null ? null : { participantId: `p-${pseudonym}`, name, referralId: `r-${pseudonym}` },
  reason: null,
  steps,
  nextStep: null,
  checkIns: [],
  closedOn: null,
  closureGrounds: null,
  judgement: null,
});

const cases = [
  item('Casus 2026-aaaaaa', 'Bram Bakker', [step('signalAndAlignment', '2026-10-01')]),
  item('Casus 2026-bbbbbb', 'Anna de Vries', [step('signalAndAlignment', '2026-09-01'), step('improvementPlan', '2026-11-01')]),
  item('Casus 2026-cccccc', null, [step('signalAndAlignment', '2026-08-01')]),
];

describe('caseLabel', () => {
  it('names a case by its person, or by its pseudonym when the server sent none (the contract manager)', () => {
    expect(cases.map(caseLabel)).toEqual(['Bram Bakker', 'Anna de Vries', 'Casus 2026-cccccc']);
  });
});

describe('complaintSeries', () => {
  const row = (providerCode: string, quarter: string, received: number, contractId = 'c1'): ComplaintTotalsRow => ({ contractId, contractName: contractId, providerCode, providerName: providerCode === 'TP' ? 'Taalpunt' : 'Alfa', quarter, received, fromParticipants: received, fromOrganisations: 0, closed: 0, upheld: 0 });
  it('puts every quarter on the axis, sums a provider’s contracts and gives a quiet quarter 0', () => {
    const { quarters, series } = complaintSeries([row('TP', '2026-Q3', 2), row('TP', '2026-Q3', 1, 'c2'), row('AL', '2026-Q2', 4)]);
    expect(quarters).toEqual(['2026-Q2', '2026-Q3']);
    expect(series).toEqual([
      { providerCode: 'AL', providerName: 'Alfa', received: [4, 0] },
      { providerCode: 'TP', providerName: 'Taalpunt', received: [0, 3] },
    ]);
  });
});
