// R-MAP-1, R-MAP-3 (issue #12): the MAP end conversation's format (001 Bijlage 2) and its outcome rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOutcome, checkPreparation, END_CONVERSATION_FORMAT, END_QUESTION_IDS, endConversationToPlan, preparationProgress, type EndPreparation } from './map-end-conversation.js';

const none: EndPreparation = { answers: {}, choices: { professionalCompetences: [], employeeCompetences: [] } };
const outcome = (over: Partial<Parameters<typeof checkOutcome>[0]> = {}) =>
  checkOutcome({ heldOn: '2027-05-01', outcome: 'sufficient', reason: null, themesDone: 8, practicalMinutes: 40 * 60, today: '2027-05-03', ...over });

describe('the format of 001 Bijlage 2', () => {
  it('has its five parts in order, with the two multiple-choice lists of 7 and 13 options', () => {
    expect(END_CONVERSATION_FORMAT.map((p) => p.title)).toEqual(['Realistisch beroepsbeeld', 'Beroepskansen', 'Beroepscompetenties', 'Werknemerscompetenties', 'Netwerk opbouwen']);
    const lists = END_CONVERSATION_FORMAT.flatMap((p) => p.items.flatMap((i) => (i.kind === 'choices' ? [i.options.length] : [])));
    expect(lists).toEqual([7, 13]);
    expect(new Set(END_QUESTION_IDS).size).toBe(END_QUESTION_IDS.length);
    expect(END_QUESTION_IDS).toHaveLength(8 + 4 + 5 + 3 + 6);
  });

  it('refuses a question or a competence the format does not have, and a competence chosen twice', () => {
    expect(checkPreparation({ answers: { 'rjb.formerJob': 'Kok' }, choices: { professionalCompetences: ['travel'], employeeCompetences: ['vaktaal'] } })).toEqual([
      { name: 'choices.employeeCompetences', code: 'unknownChoice', reason: 'Kies uit de lijst van het format.' },
    ]);
    expect(checkPreparation({ ...none, answers: { 'x.y': 'a' } })[0]?.code).toBe('unknownQuestion');
    expect(checkPreparation({ ...none, answers: { 'nw.now': 'a'.repeat(2001) } })[0]?.code).toBe('tooLong');
    expect(checkPreparation({ answers: {}, choices: { professionalCompetences: ['travel', 'travel'], employeeCompetences: [] } })[0]?.code).toBe('duplicateChoice');
    expect(checkPreparation(none)).toEqual([]);
  });

  it('a part is prepared when every question is answered and, where it has a list, something is chosen', () => {
    const answers = Object.fromEntries(END_QUESTION_IDS.map((id) => [id, 'antwoord']));
    expect(preparationProgress({ answers, choices: { professionalCompetences: ['travel'], employeeCompetences: [] } }).map((p) => p.complete)).toEqual([true, true, true, false, true]);
    expect(preparationProgress({ ...none, answers: { 'jc.ways': '  ' } })[1]).toEqual({ part: 'jobChances', answered: 0, questions: 4, complete: false });
  });
});

describe('the outcome of the end conversation (001 §3)', () => {
  it('sufficient at 40 practical hours, refused at 39 h 59 min and at 39 h', () => {
    expect(outcome()).toEqual([]);
    expect(outcome({ practicalMinutes: 40 * 60 - 1 }).map((i) => i.code)).toEqual(['hoursNotMet']);
    expect(outcome({ practicalMinutes: 39 * 60 })[0]?.reason).toBe('Voldoende kan pas als het praktijkdeel minstens 40 uur heeft (nu 39 uur).');
  });

  it('sufficient is refused while a theme is not done; both reasons when both fall short', () => {
    expect(outcome({ themesDone: 7 }).map((i) => i.code)).toEqual(['themesNotDone']);
    expect(outcome({ themesDone: 0, practicalMinutes: 0 }).map((i) => i.code)).toEqual(['themesNotDone', 'hoursNotMet']);
  });

  it('not yet needs a reason, and is allowed below the norms', () => {
    expect(outcome({ outcome: 'notYet', themesDone: 3, practicalMinutes: 0 }).map((i) => i.name)).toEqual(['reason']);
    expect(outcome({ outcome: 'notYet', reason: 'Thema werk vinden nog oefenen.', themesDone: 3, practicalMinutes: 0 })).toEqual([]);
  });

  it('a conversation in the future has not been held', () => {
    expect(outcome({ heldOn: '2027-05-04' }).map((i) => i.code)).toEqual(['future']);
    expect(outcome({ heldOn: '2027-05-03' })).toEqual([]);
  });

  it('property: sufficient is allowed exactly when all eight themes are done and the minutes reach 2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6000 }), (themesDone, practicalMinutes) => {
        const ok = outcome({ themesDone, practicalMinutes }).length === 0;
        expect(ok).toBe(themesDone === 8 && practicalMinutes >= 2400);
      }),
    );
  });
});

describe('the signal "Eindgesprek MAP plannen"', () => {
  it('only when the MAP is ready and nothing is planned or held', () => {
    expect(endConversationToPlan({ readyForEndConversation: true, planned: false, held: false })).toBe(true);
    expect(endConversationToPlan({ readyForEndConversation: false, planned: false, held: false })).toBe(false);
    expect(endConversationToPlan({ readyForEndConversation: true, planned: true, held: false })).toBe(false);
    expect(endConversationToPlan({ readyForEndConversation: true, planned: false, held: true })).toBe(false);
  });
});
