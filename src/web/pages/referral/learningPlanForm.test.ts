import { describe, it, expect } from 'vitest';
import { ApiError } from '../../api/client';
import type { LearningPlanContent } from '../../api/lifecycleTypes';
import { emptyPlan, planFields, planValuesFrom, toPlanContent, validatePlanField, withPlanFieldNames, type PlanValues } from './learningPlanForm';

const plan: LearningPlanContent = {
  route: 'b1',
  targetLevels: { reading: 'B1', writing: 'A2', listening: 'B1', speaking: 'B1' },
  weeklySchedule: { dayParts: 4, evening: false, weekend: false, online: true, blended: true },
  map: { included: true, practicalPart: 'Stage bij de bibliotheek', practicalHours: 40 },
  childCare: { needed: true, days: ['mon', 'wed'], times: '8.30 tot 12.30 uur', changes: '' },
  expectedDurationMonths: 12,
  notes: 'Werkt in de avond.',
};

function problems(values: PlanValues): Partial<Record<string, string>> {
  return Object.fromEntries(planFields.flatMap((name) => {
    const problem = validatePlanField(name, values);
    return problem ? [[name, problem]] : [];
  }));
}

describe('R-REF-6 learning-plan form', () => {
  it('R-REF-6 a returned plan pre-fills the form and comes back unchanged', () => {
    const values = planValuesFrom(plan);
    expect(problems(values)).toEqual({});
    expect(toPlanContent(values)).toEqual(plan);
  });

  it('R-REF-6 an empty form names every required field in Dutch', () => {
    expect(Object.keys(problems(emptyPlan)).sort()).toEqual(
      ['childCareNeeded', 'dayParts', 'expectedDurationMonths', 'levelListening', 'levelReading', 'levelSpeaking', 'levelWriting', 'mapIncluded', 'route'].sort(),
    );
    expect(validatePlanField('levelReading', emptyPlan)).toBe('Kies het streefniveau voor lezen.');
  });

  it('R-PAR-5 child-care days and times are asked only when child care is needed', () => {
    const noCare = { ...planValuesFrom(plan), childCareNeeded: 'nee', childCareDays: '', childCareTimes: '' };
    expect(problems(noCare)).toEqual({});
    expect(toPlanContent(noCare).childCare).toEqual({ needed: false, days: [], times: '', changes: '' });
    const care = { ...noCare, childCareNeeded: 'ja' };
    expect(Object.keys(problems(care)).sort()).toEqual(['childCareDays', 'childCareTimes']);
  });

  it('R-REF-6 day parts and duration stay within the ranges the server accepts', () => {
    const values = planValuesFrom(plan);
    for (const [field, bad, good] of [['dayParts', '11', '10'], ['dayParts', '0', '1'], ['expectedDurationMonths', '61', '60'], ['mapPracticalHours', '2001', '2000']] as const) {
      expect(validatePlanField(field, { ...values, [field]: bad })).toBeDefined();
      expect(validatePlanField(field, { ...values, [field]: good })).toBeUndefined();
    }
    expect(validatePlanField('dayParts', { ...values, dayParts: '4,5' })).toBeDefined();
  });

  it('R-REF-6 server field paths land next to the form fields', () => {
    const error = new ApiError(400, {
      invalidParams: [
        { name: 'content.weeklySchedule.dayParts', code: 'too_big', reason: 'Maximaal 10 dagdelen.' },
        { name: 'content.childCare.days.0', code: 'invalid_value', reason: 'Onbekende dag.' },
        { name: 'content.targetLevels.reading', code: 'invalid_value', reason: 'Kies een niveau.' },
      ],
    });
    const mapped = withPlanFieldNames(error) as ApiError;
    expect(mapped.problem.invalidParams?.map((p) => p.name)).toEqual(['dayParts', 'childCareDays', 'levelReading']);
  });

  it('R-MAP-1 a MAP plan keeps how each theme is dealt with, and the server names a missing theme next to its field', () => {
    const map = { ...plan, map: { ...plan.map, themes: [{ theme: 'network' as const, approach: 'Netwerkbijeenkomst bij het Werkplein' }, { theme: 'workCulture' as const, approach: 'Werkbezoeken' }] } };
    const values = planValuesFrom(map);
    expect(values.mapThemeNetwork).toBe('Netwerkbijeenkomst bij het Werkplein');
    expect(toPlanContent(values)).toEqual(map);
    expect(toPlanContent({ ...values, mapIncluded: 'nee' }).map).toEqual({ included: false, practicalPart: '', practicalHours: 0 });
    const error = new ApiError(422, { invalidParams: [{ name: 'content.map.themes.findingWork', code: 'required', reason: 'Beschrijf hoe het thema Werk vinden aan bod komt.' }] });
    expect((withPlanFieldNames(error) as ApiError).problem.invalidParams?.map((p) => p.name)).toEqual(['mapThemeFindingWork']);
  });
});
