// R-ESC-2 (000 §5): the contract-level ladder — steps in order, no skipping, date, decision and grounds;
// proposed from patterns only, never from one participant.
import { describe, expect, it } from 'vitest';
import type { EscalationPattern, LadderStep } from './contract-data.js';
import { nextStep, patternsFor, proposeStep, refuseClose, refuseStep, triggeredPatterns, type KpiSeries, type LadderCase, type OpenStepInput } from './ladder.js';

const LADDER: LadderStep[] = [
  { step: 'intensifiedMeetings', name: 'Geïntensiveerde gesprekken', requiresTerm: true, source: '000 §5' },
  { step: 'formalWarning', name: 'Formele waarschuwing', requiresTerm: true, source: '000 §5' },
  { step: 'legalSteps', name: 'Juridische stappen', requiresTerm: false, source: '000 §5' },
];
const PATTERNS: EscalationPattern[] = [
  { kind: 'kpiBelowTarget', quartersRunning: 2, minCases: 5, source: 's' },
  { kind: 'deadlineComplianceBelowNorm', normShare: 0.9, minCases: 5, source: 's' },
  { kind: 'complaintsRising', source: 's' },
];
const input = (over: Partial<OpenStepInput> = {}): OpenStepInput => ({ step: 'intensifiedMeetings', decidedOn: '2027-01-20', decision: 'Verbeterafspraken over de intaketermijn', grounds: 'Twee kwartalen onder de norm voor ontvangstbevestigingen', termUntil: '2027-03-31', ...over });
const record = (step: OpenStepInput['step'], decidedOn: string) => ({ ...input({ step, decidedOn }), patterns: [] });
const caseOf = (...steps: ReturnType<typeof record>[]): LadderCase => ({ steps, closedOn: null });

describe('the ladder state machine', () => {
  it('starts at the first step and walks the steps in order to the top', () => {
    expect(nextStep(LADDER, undefined)?.step).toBe('intensifiedMeetings');
    expect(nextStep(LADDER, caseOf(record('intensifiedMeetings', '2027-01-20')))?.step).toBe('formalWarning');
    expect(nextStep(LADDER, caseOf(record('intensifiedMeetings', '2027-01-20'), record('formalWarning', '2027-04-20')))?.step).toBe('legalSteps');
    expect(nextStep(LADDER, caseOf(record('intensifiedMeetings', '2027-01-20'), record('formalWarning', '2027-04-20'), record('legalSteps', '2027-07-20')))).toBeNull();
    expect(nextStep(LADDER, { ...caseOf(record('intensifiedMeetings', '2027-01-20')), closedOn: '2027-03-01' })?.step).toBe('intensifiedMeetings');
  });
  it('cannot skip a step, nor open one at the top', () => {
    expect(refuseStep(LADDER, undefined, input({ step: 'formalWarning' }), '2027-02-01')).toMatchObject({ field: 'step', code: 'notNext' });
    expect(refuseStep(LADDER, caseOf(record('intensifiedMeetings', '2027-01-20')), input({ step: 'legalSteps' }), '2027-02-01')).toMatchObject({ field: 'step', code: 'notNext' });
    const top = caseOf(record('intensifiedMeetings', '2027-01-20'), record('formalWarning', '2027-04-20'), record('legalSteps', '2027-07-20'));
    expect(refuseStep(LADDER, top, input({ step: 'legalSteps', decidedOn: '2027-08-01', termUntil: null }), '2027-09-01')).toMatchObject({ code: 'ladderEnd' });
  });
  it('requires grounds and a decision of some substance, and the term where the step has one', () => {
    expect(refuseStep(LADDER, undefined, input({ grounds: '   ' }), '2027-02-01')).toMatchObject({ field: 'grounds', code: 'required' });
    expect(refuseStep(LADDER, undefined, input({ grounds: '123456789' }), '2027-02-01')).toMatchObject({ field: 'grounds' });
    expect(refuseStep(LADDER, undefined, input({ grounds: '1234567890' }), '2027-02-01')).toBeNull();
    expect(refuseStep(LADDER, undefined, input({ decision: '' }), '2027-02-01')).toMatchObject({ field: 'decision' });
    expect(refuseStep(LADDER, undefined, input({ termUntil: null }), '2027-02-01')).toMatchObject({ field: 'termUntil', code: 'required' });
    expect(refuseStep(LADDER, undefined, input({ termUntil: '2027-01-20' }), '2027-02-01')).toMatchObject({ field: 'termUntil', code: 'notAfter' });
    const two = caseOf(record('intensifiedMeetings', '2027-01-20'), record('formalWarning', '2027-04-20'));
    expect(refuseStep(LADDER, two, input({ step: 'legalSteps', decidedOn: '2027-07-01', termUntil: null }), '2027-07-01')).toBeNull();
  });
  it('a decision is not in the future, nor before the previous step', () => {
    expect(refuseStep(LADDER, undefined, input({ decidedOn: '2027-02-02' }), '2027-02-01')).toMatchObject({ field: 'decidedOn', code: 'future' });
    expect(refuseStep(LADDER, caseOf(record('intensifiedMeetings', '2027-01-20')), input({ step: 'formalWarning', decidedOn: '2027-01-19' }), '2027-02-01')).toMatchObject({ field: 'decidedOn', code: 'beforeLast' });
    expect(refuseStep(LADDER, caseOf(record('intensifiedMeetings', '2027-01-20')), input({ step: 'formalWarning', decidedOn: '2027-01-20' }), '2027-02-01')).toBeNull();
  });
  it('closing needs an open case, a date from the last step to today and grounds', () => {
    const open = caseOf(record('intensifiedMeetings', '2027-01-20'));
    expect(refuseClose(undefined, '2027-02-01', 'Verbetering zichtbaar in Q1', '2027-02-01')).toMatchObject({ code: 'notOpen' });
    expect(refuseClose(open, '2027-01-19', 'Verbetering zichtbaar in Q1', '2027-02-01')).toMatchObject({ field: 'decidedOn' });
    expect(refuseClose(open, '2027-02-01', 'kort', '2027-02-01')).toMatchObject({ field: 'grounds' });
    expect(refuseClose(open, '2027-02-01', 'Verbetering zichtbaar in Q1', '2027-02-01')).toBeNull();
  });
});

const kpi = (shares: [number | null, number | null][], route = 'b1'): KpiSeries => ({
  key: `participationRate:${route}`,
  label: `KPI 1 ${route}`,
  route,
  values: shares.map(([share, denominator], i) => ({ quarter: `2026-Q${String(i + 1)}`, share, denominator, meetsTarget: share === null ? null : share >= 0.8 })),
});

describe('the patterns and the proposal', () => {
  it('a KPI below target two quarters running proposes; one quarter does not', () => {
    expect(triggeredPatterns(PATTERNS, { quarter: '2026-Q3', kpis: [kpi([[0.9, 10], [0.7, 10], [0.6, 10]])], compliance: [] })).toEqual([
      { kind: 'kpiBelowTarget', provider: null, route: 'b1', quarters: ['2026-Q2', '2026-Q3'], detail: 'KPI 1 b1: onder de streefwaarde in 2026-Q2 (70%) en 2026-Q3 (60%).' },
    ]);
    expect(triggeredPatterns(PATTERNS, { quarter: '2026-Q3', kpis: [kpi([[0.7, 10], [0.9, 10], [0.6, 10]])], compliance: [] })).toEqual([]);
    expect(triggeredPatterns(PATTERNS, { quarter: '2026-Q1', kpis: [kpi([[0.6, 10]])], compliance: [] })).toEqual([]);
  });
  it('never from one participant: a quarter counts only with minCases, and a hidden figure never', () => {
    // One participant who did not find work, two quarters running: 0 of 1 — no pattern.
    expect(triggeredPatterns(PATTERNS, { quarter: '2026-Q2', kpis: [kpi([[0, 1], [0, 1]])], compliance: [] })).toEqual([]);
    expect(triggeredPatterns(PATTERNS, { quarter: '2026-Q2', kpis: [kpi([[0.5, 4], [0.5, 10]])], compliance: [] })).toEqual([]);
    expect(triggeredPatterns(PATTERNS, { quarter: '2026-Q2', kpis: [kpi([[null, null], [0.5, 10]])], compliance: [] })).toEqual([]);
    expect(triggeredPatterns(PATTERNS, { quarter: '2026-Q2', kpis: [], compliance: [{ provider: 't', label: 'Ontvangstbevestiging', share: 0, denominator: 1 }] })).toEqual([]);
  });
  it('deadline compliance below the norm per provider; at the norm not', () => {
    const compliance = [
      { provider: 't', label: 'Ontvangstbevestiging', share: 0.8, denominator: 10 },
      { provider: 'l', label: 'Ontvangstbevestiging', share: 0.9, denominator: 10 },
    ];
    const hits = triggeredPatterns(PATTERNS, { quarter: '2026-Q4', kpis: [], compliance });
    expect(hits).toEqual([{ kind: 'deadlineComplianceBelowNorm', provider: 't', route: null, quarters: ['2026-Q4'], detail: 'Ontvangstbevestiging: 80% op tijd in 2026-Q4, norm 90%.' }]);
  });
  it('the proposal lists the patterns that triggered it, for the providers they bear on', () => {
    const triggered = triggeredPatterns(PATTERNS, {
      quarter: '2026-Q2',
      kpis: [kpi([[0.5, 10], [0.5, 10]], 'z')],
      compliance: [{ provider: 't', label: 'Facturen', share: 0.5, denominator: 6 }],
    });
    const forT = patternsFor(triggered, 't', new Set(['b1', 'z']));
    const forL = patternsFor(triggered, 'l', new Set(['b1']));
    expect(forT.map((p) => p.kind)).toEqual(['kpiBelowTarget', 'deadlineComplianceBelowNorm']);
    expect(forL).toEqual([]);
    expect(proposeStep(LADDER, undefined, forT)).toEqual({ step: LADDER[0], patterns: forT });
    expect(proposeStep(LADDER, undefined, forL)).toBeNull();
    expect(proposeStep(LADDER, caseOf(record('intensifiedMeetings', '2027-01-20')), forT)?.step.step).toBe('formalWarning');
  });
  it('complaints: no complaint figures, no pattern', () => {
    expect(triggeredPatterns([{ kind: 'complaintsRising', source: 's' }], { quarter: '2026-Q2', kpis: [kpi([[0, 100], [0, 100]])], compliance: [{ provider: 't', label: 'x', share: 0, denominator: 100 }] })).toEqual([]);
  });
  it('complaints rising: more distinct complainants than the quarter before and at least the minimum (3 by default)', () => {
    const series = (before: number, now: number) => [{ provider: 't', label: 'Taalpunt', values: [{ quarter: '2026-Q1', complainants: before }, { quarter: '2026-Q2', complainants: now }] }];
    const run = (before: number, now: number, min?: number) =>
      triggeredPatterns([{ kind: 'complaintsRising', source: 's', ...(min === undefined ? {} : { minComplainants: min }) }], { quarter: '2026-Q2', kpis: [], compliance: [], complaints: series(before, now) });
    expect(run(2, 3)).toEqual([{ kind: 'complaintsRising', provider: 't', route: null, quarters: ['2026-Q1', '2026-Q2'], detail: 'Taalpunt: 3 klagers in 2026-Q2, 2 in 2026-Q1.' }]);
    expect(run(0, 2)).toEqual([]); // below the default minimum
    expect(run(3, 3)).toEqual([]); // no rise
    expect(run(0, 2, 2)).toHaveLength(1);
    // Only the quarter looked at counts: a series ending in another quarter proposes nothing.
    expect(triggeredPatterns([{ kind: 'complaintsRising', source: 's' }], { quarter: '2026-Q3', kpis: [], compliance: [], complaints: series(0, 9) })).toEqual([]);
  });
});
