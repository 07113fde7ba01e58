// R-ESC-1: the participant-level ladder's rules — order, dates, the plan's weekly check-ins and when one
// is overdue, and from when the contract manager sees the case.
import { describe, expect, it } from 'vitest';
import { checkInDueDates, nextParticipantStep, overdueCheckIns, refuseJudgement, refuseParticipantStep, visibleToContractManager, type StepInput } from './participant-ladder.js';

const input = (over: Partial<StepInput>): StepInput => ({ step: 'signalAndAlignment', decidedOn: '2026-05-04', actors: 'Consulent en coördinator', decision: 'Afspraken gemaakt', planWeeks: null, ...over });
const first = [{ step: 'signalAndAlignment' as const, decidedOn: '2026-05-04' }];

describe('the participant-level ladder', () => {
  it('goes step by step, never skipping, and ends at the contract manager', () => {
    expect(nextParticipantStep([])).toBe('signalAndAlignment');
    expect(nextParticipantStep(first)).toBe('improvementPlan');
    expect(nextParticipantStep([...first, { step: 'improvementPlan', decidedOn: '2026-05-11' }, { step: 'localManagement', decidedOn: '2026-06-01' }, { step: 'contractManager', decidedOn: '2026-06-15' }])).toBeNull();
    expect(refuseParticipantStep([], false, input({}), '2026-06-01')).toBeNull();
    expect(refuseParticipantStep([], false, input({ step: 'improvementPlan', planWeeks: 4 }), '2026-06-01')).toEqual({ field: 'step', code: 'notNext' });
    expect(refuseParticipantStep(first, true, input({ step: 'improvementPlan', planWeeks: 4 }), '2026-06-01')).toEqual({ field: 'step', code: 'closed' });
  });
  it('dates a step today or before, not before the last step; with actors and a decision', () => {
    expect(refuseParticipantStep([], false, input({ decidedOn: '2026-06-02' }), '2026-06-01')).toEqual({ field: 'decidedOn', code: 'future' });
    expect(refuseParticipantStep(first, false, input({ step: 'improvementPlan', planWeeks: 4, decidedOn: '2026-05-03' }), '2026-06-01')).toEqual({ field: 'decidedOn', code: 'beforeLast' });
    expect(refuseParticipantStep(first, false, input({ step: 'improvementPlan', planWeeks: 4, decidedOn: '2026-05-04' }), '2026-06-01')).toBeNull();
    expect(refuseParticipantStep([], false, input({ actors: ' ' }), '2026-06-01')).toEqual({ field: 'actors', code: 'empty' });
    expect(refuseParticipantStep([], false, input({ decision: '' }), '2026-06-01')).toEqual({ field: 'decision', code: 'empty' });
  });
  it('sets the weeks on the improvement plan only, 1 to 26', () => {
    expect(refuseParticipantStep(first, false, input({ step: 'improvementPlan', planWeeks: null }), '2026-06-01')).toEqual({ field: 'planWeeks', code: 'planWeeks' });
    expect(refuseParticipantStep(first, false, input({ step: 'improvementPlan', planWeeks: 27 }), '2026-06-01')).toEqual({ field: 'planWeeks', code: 'planWeeks' });
    expect(refuseParticipantStep(first, false, input({ step: 'improvementPlan', planWeeks: 26 }), '2026-06-01')).toBeNull();
    expect(refuseParticipantStep([], false, input({ planWeeks: 2 }), '2026-06-01')).toEqual({ field: 'planWeeks', code: 'planWeeks' });
  });
  it('makes the weekly check-ins due dates, overdue the day after, not once held or after closing', () => {
    const due = checkInDueDates('2026-05-11', 3);
    expect(due).toEqual(['2026-05-18', '2026-05-25', '2026-06-01']);
    expect(overdueCheckIns(due, new Set(), '2026-05-18', null)).toEqual([]);
    expect(overdueCheckIns(due, new Set(), '2026-05-19', null)).toEqual(['2026-05-18']);
    expect(overdueCheckIns(due, new Set(['2026-05-18']), '2026-06-02', null)).toEqual(['2026-05-25', '2026-06-01']);
    expect(overdueCheckIns(due, new Set(), '2026-06-10', '2026-05-25')).toEqual(['2026-05-18']);
  });
  it('shows the case to the contract manager from the last step on', () => {
    expect(visibleToContractManager([...first, { step: 'improvementPlan', decidedOn: '2026-05-11' }, { step: 'localManagement', decidedOn: '2026-06-01' }])).toBe(false);
    expect(visibleToContractManager([...first, { step: 'contractManager', decidedOn: '2026-06-15' }])).toBe(true);
  });

  it("takes the contract manager's judgement once, at the last step of an open case, dated from that step to today, with grounds", () => {
    const all = [...first, { step: 'improvementPlan' as const, decidedOn: '2026-05-11' }, { step: 'localManagement' as const, decidedOn: '2026-05-28' }, { step: 'contractManager' as const, decidedOn: '2026-06-01' }];
    const j = (judgedOn: string, grounds = 'Afspraken nagekomen') => ({ judgedOn, grounds });
    expect(refuseJudgement(all, false, false, j('2026-06-01'), '2026-06-01')).toBeNull();
    expect(refuseJudgement(all.slice(0, 3), false, false, j('2026-06-01'), '2026-06-01')).toEqual({ field: 'decision', code: 'notCalledIn' });
    expect(refuseJudgement(all, true, false, j('2026-06-01'), '2026-06-01')).toEqual({ field: 'decision', code: 'closed' });
    expect(refuseJudgement(all, false, true, j('2026-06-01'), '2026-06-01')).toEqual({ field: 'decision', code: 'already' });
    expect(refuseJudgement(all, false, false, j('2026-06-02'), '2026-06-01')).toEqual({ field: 'judgedOn', code: 'future' });
    expect(refuseJudgement(all, false, false, j('2026-05-31'), '2026-06-01')).toEqual({ field: 'judgedOn', code: 'beforeStep' });
    expect(refuseJudgement(all, false, false, j('2026-06-01', '  '), '2026-06-01')).toEqual({ field: 'grounds', code: 'empty' });
  });
});
