// R-MAP-1 (001 §3): a MAP referral's own learning plan holds the MAP part — every theme, and a proposal
// for the practical part of at least 40 hours.
import { describe, expect, it } from 'vitest';
import { mapPlanIssues } from './map-learning-plan.js';
import { MapThemes } from './participation.js';

const themes = MapThemes.map((theme) => ({ theme, approach: 'In de groepsles en met een opdracht.' }));
const complete = { included: true, practicalPart: 'Werkervaringsplek bij de kringloop', practicalHours: 40, themes };

describe('the learning plan of a MAP referral', () => {
  it('is complete with all eight themes and 40 planned practical hours; 39 hours is refused', () => {
    expect(mapPlanIssues(complete)).toEqual([]);
    expect(mapPlanIssues({ ...complete, practicalHours: 39 })).toEqual([{ name: 'content.map.practicalHours', code: 'belowMinimum', reason: 'Het praktijkdeel van de MAP is minstens 40 uur.' }]);
  });

  it('must include the MAP', () => {
    expect(mapPlanIssues({ ...complete, included: false }).map((i) => i.code)).toEqual(['mapRequired']);
  });

  it('names each theme whose approach is missing or blank, and a missing practical proposal', () => {
    const issues = mapPlanIssues({ ...complete, practicalPart: ' ', themes: themes.filter((t) => t.theme !== 'network').map((t) => (t.theme === 'workCulture' ? { ...t, approach: '  ' } : t)) });
    expect(issues.map((i) => i.name)).toEqual(['content.map.practicalPart', 'content.map.themes.network', 'content.map.themes.workCulture']);
    expect(issues[1]?.reason).toBe('Beschrijf hoe het thema Netwerk opbouwen aan bod komt.');
    expect(mapPlanIssues({ ...complete, themes: undefined })).toHaveLength(8);
  });
});
