// The participant-level ladder's list and the complaint totals' chart series (issue #14, R-ESC-1, R-CM-3).
import { describe, expect, it } from 'vitest';
import type { ComplaintTotalsRow } from '../../api/complaints';
import type { EscalationItem } from '../../api/participantEscalation';
import { complaintSeries } from './complaintTotals';
import { caseLabel, escalationPage } from './escalationList';

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

describe('escalationPage', () => {
  it('sorts on the last step’s date, newest first, and on the step reached', () => {
    expect(escalationPage(cases, '', '-lastStepOn', 1, 25).rows.map((c) => c.pseudonym)).toEqual(['Casus 2026-bbbbbb', 'Casus 2026-aaaaaa', 'Casus 2026-cccccc']);
    expect(escalationPage(cases, '', '-step', 1, 25).rows[0]?.pseudonym).toBe('Casus 2026-bbbbbb');
  });
  it('names a case by its person, or by its pseudonym when the server sent none (the contract manager)', () => {
    expect(escalationPage(cases, '', 'case', 1, 25).rows.map(caseLabel)).toEqual(['Anna de Vries', 'Bram Bakker', 'Casus 2026-cccccc']);
  });
  it('searches name and pseudonym, and counts the whole answer while showing one page', () => {
    expect(escalationPage(cases, 'anna', 'case', 1, 25).rows.map(caseLabel)).toEqual(['Anna de Vries']);
    expect(escalationPage(cases, 'cccc', 'case', 1, 25).total).toBe(1);
    const second = escalationPage(cases, '', 'case', 2, 2);
    expect(second).toEqual({ total: 3, rows: [cases[2]] });
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
