// R-CM-1: meeting due dates (000 §3) over year ends, and the proposed agenda.
import { describe, expect, it } from 'vitest';
import { periodContaining } from '../reports/periods.js';
import { actionOverdue, meetingDueDate, plannedLate, proposeAgenda, type AgendaInputs } from './meetings.js';

const q = (d: string) => periodContaining('quarter', d);
const contractRule = { due: { kind: 'weekAfterQuarter' as const, week: 3 } };

describe('meetingDueDate', () => {
  it('the contract management meeting: the Sunday of the third full week after the quarter', () => {
    // 2026-Q3 ends Wednesday 30 September; the first full week is 5–11 October; the third ends Sunday 25 October.
    expect(meetingDueDate(contractRule, q('2026-08-01'))).toBe('2026-10-25');
    // 2027-Q1 ends Wednesday 31 March: weeks from Monday 5 April, the third ends Sunday 25 April.
    expect(meetingDueDate(contractRule, q('2027-02-01'))).toBe('2027-04-25');
  });
  it('over the year end: 2026-Q4 (ends Thursday 31 December) is due Sunday 24 January 2027', () => {
    expect(meetingDueDate(contractRule, q('2026-11-15'))).toBe('2027-01-24');
  });
  it('a quarter ending on a Sunday: the next day starts the first week', () => {
    // 2029-Q3 ends Sunday 30 September 2029 → weeks from 1 October, third ends 21 October.
    expect(meetingDueDate(contractRule, q('2029-08-01'))).toBe('2029-10-21');
  });
  it('the execution meeting by the quarter\'s last day; the progress meeting has none', () => {
    expect(meetingDueDate({ due: { kind: 'inQuarter' } }, q('2026-11-15'))).toBe('2026-12-31');
    expect(meetingDueDate({ due: undefined }, q('2026-11-15'))).toBeNull();
  });
  it('planned late after the due date only; an action is overdue from the day after its due date', () => {
    expect(plannedLate('2027-01-24', '2027-01-24')).toBe(false);
    expect(plannedLate('2027-01-24', '2027-01-25')).toBe(true);
    expect(plannedLate(null, '2099-01-01')).toBe(false);
    expect(actionOverdue('2027-01-31', false, '2027-01-31')).toBe(false);
    expect(actionOverdue('2027-01-31', false, '2027-02-01')).toBe(true);
    expect(actionOverdue('2027-01-31', true, '2027-03-01')).toBe(false);
  });
});

const none: AgendaInputs = { reports: [], kpis: [], compliance: [], complianceNorm: 0.9, openCases: [], overdueActions: [] };
const report = (id: string, status: 'due' | 'submitted' | 'submittedLate' | 'late') => ({ id, kindName: 'Managementrapportage', scopeName: 'Regio Westfriesland', providerName: 'Taalpunt', periodId: '2026-Q4', dueOn: '2027-01-17', status });

describe('proposeAgenda', () => {
  it('nothing to discuss: an empty proposal', () => {
    expect(proposeAgenda(none)).toEqual([]);
  });
  it('each late report, one line for the submitted and one for the due', () => {
    const items = proposeAgenda({ ...none, reports: [report('a', 'late'), report('b', 'submitted'), report('c', 'submittedLate'), report('d', 'due'), report('e', 'late')] });
    expect(items.map((i) => i.sourceKey)).toEqual(['report-late:a', 'report-late:e', 'reports-submitted', 'reports-due']);
    expect(items[2]?.title).toBe('Ingediende rapportages bespreken (2)');
    expect(items[2]?.detail).toContain('1 na de uiterste datum');
  });
  it('KPIs off target only, never a hidden or target-less one', () => {
    const kpis = [
      { key: 'participationRate:b1', label: 'KPI 1 B1', share: 0.7, target: 0.8, meetsTarget: false },
      { key: 'participationRate:z', label: 'KPI 1 Z', share: 0.85, target: 0.8, meetsTarget: true },
      { key: 'dutyMetWithinTerm:b1', label: 'KPI 2 B1', share: null, target: 0.75, meetsTarget: null },
      { key: 'downscalingB1:b1', label: 'KPI 3', share: 0.1, target: null, meetsTarget: null },
    ];
    const items = proposeAgenda({ ...none, kpis });
    expect(items.map((i) => i.sourceKey)).toEqual(['kpi:participationRate:b1']);
    expect(items[0]?.detail).toBe('70% tegen een streefwaarde van 80%.');
  });
  it('deadline compliance below the norm (the norm itself is met); no norm, no item', () => {
    const compliance = [
      { provider: 'taalpunt', providerName: 'Taalpunt', deadline: 'acknowledgement', label: 'Ontvangstbevestiging', share: 0.899, denominator: 10 },
      { provider: 'leerhuis', providerName: 'Leerhuis', deadline: 'acknowledgement', label: 'Ontvangstbevestiging', share: 0.9, denominator: 10 },
      { provider: 'werkwijs', providerName: 'WerkWijs', deadline: 'invoice', label: 'Facturen', share: null, denominator: null },
    ];
    expect(proposeAgenda({ ...none, compliance }).map((i) => i.sourceKey)).toEqual(['compliance:taalpunt:acknowledgement']);
    expect(proposeAgenda({ ...none, compliance, complianceNorm: null })).toEqual([]);
  });
  it('open contract-level cases and overdue actions, after the figures', () => {
    const items = proposeAgenda({
      ...none,
      kpis: [{ key: 'k', label: 'KPI', share: 0.5, target: 0.8, meetsTarget: false }],
      openCases: [{ id: 'c1', providerName: 'Taalpunt', stepName: 'Formele waarschuwing', termUntil: '2027-03-31' }],
      overdueActions: [{ id: 'a1', description: 'Plan van aanpak intake', dueOn: '2027-01-10' }],
    });
    expect(items.map((i) => i.source)).toEqual(['kpi', 'ladder', 'action']);
    expect(items[1]?.detail).toBe('Stap: Formele waarschuwing; termijn tot 2027-03-31.');
  });
});
