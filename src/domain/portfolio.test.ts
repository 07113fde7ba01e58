// R-MAP-3 (issue #12): the completeness of the 001 Bijlage 3 part and which portfolio a participant has.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MapThemes } from './participation.js';
import { annexCompleteness, emptyAnnex, missingItemNl, portfolioKind, ProfileAnswers, ProfileQuestions, type AnnexContent } from './portfolio.js';

function completeAnnex(): AnnexContent {
  const a = emptyAnnex();
  for (const q of ProfileQuestions) a.profile[q] = { answer: 'yes', note: null };
  for (const t of MapThemes) a.themes[t] = { learned: 'Geleerd', practised: 'Gedaan, leerdoel: op tijd komen' };
  return a;
}

describe('annexCompleteness (R-MAP-3, 001 Bijlage 3)', () => {
  it('names all 3 + 16 items of an empty part, the profile first, and of no part at all', () => {
    const c = annexCompleteness(emptyAnnex());
    expect(c.complete).toBe(false);
    expect(c.missing).toHaveLength(3 + 2 * MapThemes.length);
    expect(c.missing[0]).toEqual({ part: 'profile', question: 'canMakeCv' });
    expect(c.missing[3]).toEqual({ part: 'theme', theme: 'careerOrientation', field: 'learned' });
    expect(annexCompleteness(undefined)).toEqual(c);
  });

  it('is complete with three answers and both texts for every theme; "no" and "in progress" are answers', () => {
    const a = completeAnnex();
    expect(annexCompleteness(a)).toEqual({ complete: true, missing: [] });
    a.profile.canMakeCv = { answer: 'no', note: null };
    a.profile.workFit = { answer: 'inProgress', note: 'Werkt aan conditie' };
    expect(annexCompleteness(a).complete).toBe(true);
  });

  it('misses exactly the one blank text (whitespace is blank) and the one unanswered question', () => {
    const a = completeAnnex();
    a.themes.network = { learned: 'Netwerk in kaart', practised: '   ' };
    a.profile.diplomaValuation = { answer: null, note: 'Aangevraagd bij IDW' };
    const c = annexCompleteness(a);
    expect(c.complete).toBe(false);
    expect(c.missing).toEqual([
      { part: 'profile', question: 'diplomaValuation' },
      { part: 'theme', theme: 'network', field: 'practised' },
    ]);
    expect(c.missing.map(missingItemNl)).toEqual(['klantbeeld: diplomawaardering', 'Netwerk: wat in praktijk gebracht']);
  });

  it('property: complete exactly when nothing is missing, and each removed item is named once', () => {
    const item = fc.oneof(
      fc.record({ part: fc.constant('profile' as const), question: fc.constantFrom(...ProfileQuestions) }),
      fc.record({ part: fc.constant('theme' as const), theme: fc.constantFrom(...MapThemes), field: fc.constantFrom('learned' as const, 'practised' as const) }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(item, { selector: (m) => JSON.stringify(m) }), fc.constantFrom(...ProfileAnswers), (removed, answer) => {
        const a = completeAnnex();
        for (const q of ProfileQuestions) a.profile[q] = { answer, note: null };
        for (const m of removed) {
          if (m.part === 'profile') a.profile[m.question] = { answer: null, note: null };
          else a.themes[m.theme] = { ...a.themes[m.theme], [m.field]: '' };
        }
        const c = annexCompleteness(a);
        expect(c.complete).toBe(removed.length === 0);
        expect(new Set(c.missing.map((m) => JSON.stringify(m)))).toEqual(new Set(removed.map((m) => JSON.stringify(m))));
      }),
    );
  });
});

describe('portfolioKind (R-MAP-3)', () => {
  it('MAP or B1-route participation has the Bijlage 3 part; Z-route participation only evidence; language alone none', () => {
    expect(portfolioKind([{ kind: 'map', routes: [] }])).toBe('annex');
    expect(portfolioKind([{ kind: 'participation', routes: ['b1'] }])).toBe('annex');
    expect(portfolioKind([{ kind: 'participation', routes: ['z'] }])).toBe('evidenceOnly');
    expect(portfolioKind([{ kind: 'participation', routes: ['z'] }, { kind: 'map', routes: [] }])).toBe('annex');
    expect(portfolioKind([{ kind: 'language', routes: ['b1'] }])).toBe('none');
  });
});
