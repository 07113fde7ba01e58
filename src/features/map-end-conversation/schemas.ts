// Request and response schemas of the MAP end conversation (issue #12: R-MAP-1, R-MAP-3). The questions
// and the competence lists are src/domain/map-end-conversation.ts; the ids checked against them in the
// service (checkPreparation), so that its Dutch reason names the field.
import { z } from 'zod';
import { EndOutcomes, MAX_ANSWER_LENGTH } from '../../domain/map-end-conversation.js';
import { int, IsoDate, str } from '../../platform/http/input.js';

const seen = int('Geef de versie mee die u heeft gezien.').min(0).describe('The version read (0: none yet): a save over a newer version is refused (409), so nothing registered is lost unseen');

export const PreparationInput = z.object({
  referralId: z.uuid('Kies de aanmelding waarvoor deze voorbereiding is.').describe('The participation or MAP referral of the participant to the own provider'),
  version: seen,
  answers: z.record(z.string().max(40), str('Vul een antwoord in of laat het veld leeg.').max(MAX_ANSWER_LENGTH, `Hoogstens ${MAX_ANSWER_LENGTH} tekens.`)).describe('The answers per question id of 001 Bijlage 2'),
  choices: z.object({
    professionalCompetences: z.array(z.string().max(40)).max(20).default([]),
    employeeCompetences: z.array(z.string().max(40)).max(20).default([]),
  }).describe('The competences chosen from the two multiple-choice lists of 001 Bijlage 2'),
});
export type PreparationInput = z.infer<typeof PreparationInput>;

export const PlanningInput = z.object({
  referralId: z.uuid('Kies de aanmelding waarvoor dit eindgesprek is.'),
  version: seen,
  plannedOn: IsoDate.describe('The date the provider proposes for the end conversation'),
});
export type PlanningInput = z.infer<typeof PlanningInput>;

export const OutcomeInput = z.object({
  version: seen,
  heldOn: IsoDate.describe('The date the end conversation was held (a plain date; DUO receives it later, issue #15)'),
  outcome: z.enum(EndOutcomes, 'Kies de uitkomst: voldoende of nog niet voldoende.'),
  reason: str('Vul een toelichting in of laat het veld leeg.').trim().max(2000, 'Hoogstens 2000 tekens.').nullable().default(null),
});
export type OutcomeInput = z.infer<typeof OutcomeInput>;

const Recorded = { version: z.number().int(), recordedBy: z.string().describe('The name of who recorded this version'), recordedByOrganisation: z.string().nullable(), recordedAt: z.string() };

export const EndConversation = z.object({
  preparation: z
    .object({
      ...Recorded,
      referralId: z.uuid(),
      answers: z.record(z.string(), z.string()),
      choices: z.object({ professionalCompetences: z.array(z.string()), employeeCompetences: z.array(z.string()) }),
      parts: z.array(z.object({ part: z.string(), answered: z.number().int(), questions: z.number().int(), complete: z.boolean() })).describe('Per part of 001 Bijlage 2 whether it is prepared'),
    })
    .nullable(),
  planned: z.object({ ...Recorded, referralId: z.uuid(), plannedOn: z.string() }).nullable(),
  held: z
    .object({
      ...Recorded,
      heldOn: z.string(),
      outcome: z.enum(EndOutcomes),
      reason: z.string().nullable(),
      themesDone: z.number().int().describe('The MAP themes done when the outcome was recorded'),
      practicalMinutes: z.number().int().describe('The MAP practical minutes when the outcome was recorded'),
    })
    .nullable(),
  readiness: z.object({ themesDone: z.number().int(), practicalMinutes: z.number().int(), requiredMinutes: z.number().int(), readyForEndConversation: z.boolean() }).describe('Now: all eight themes done and 40 practical hours (001 §3)'),
  history: z.array(z.object({ kind: z.enum(['preparation', 'planned', 'held']), version: z.number().int(), recordedBy: z.string(), recordedAt: z.string() })).describe('Every save, oldest first: append-only'),
});
export type EndConversation = z.infer<typeof EndConversation>;
