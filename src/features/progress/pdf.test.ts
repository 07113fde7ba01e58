// R-HRS-4: the report PDF's route part is chosen by the route code (issue #10: never by its label).
import { describe, expect, it } from 'vitest';
import { Route } from '../../domain/contract.js';
import { routeSection } from './pdf.js';

const content = { pvtCompletedMonth: '2027-01', deficiencySubjects: 'wiskunde', onwardFlow: '', participation: 'vrijwilligerswerk', selfReliance: '', functionalLanguage: '' };
const heading = (route: Route, part: 'education' | 'z') => routeSection(route, content, part).map((c) => (c as { text?: string }).text).filter(Boolean);

describe('routeSection', () => {
  it('the Onderwijsroute part for both education routes, headed by the route\'s name', () => {
    expect(heading('education_mbo', 'education')).toEqual(['Onderwijsroute mbo']);
    expect(heading('education_hbo_wo', 'education')).toEqual(['Onderwijsroute hbo/wo']);
  });
  it('the Z-route part for the Z-route only', () => {
    expect(heading('z', 'z')).toEqual(['Z-route']);
    expect(Route.options.filter((r) => routeSection(r, content, 'z').length > 0)).toEqual(['z']);
    expect(Route.options.filter((r) => routeSection(r, content, 'education').length > 0)).toEqual(['education_mbo', 'education_hbo_wo']);
  });
});
