// Request and response schemas of issue #5: levels, progress tests, status and forecast, progress and
// final reports, scaling, exams and route events (R-HRS-4, R-HRS-5, R-LVL-1, R-LVL-2, R-LVL-3, R-LVL-4,
// R-RTE-1, R-RTE-2, R-RTE-3, R-RTE-4, R-END-1, R-END-2, R-BYD-1).
import { z } from 'zod';
import { CefrLevels, ComponentStatuses } from '../../domain/levels.js';
import { ProgressStatuses } from '../../domain/progress-status.js';
import { Route } from '../../domain/contract.js';
import { ROUTE_CODES_DOC } from '../../domain/route-names.js';
import { RouteStates } from '../../domain/route-state.js';
import { int, IsoDate, str } from '../../platform/http/input.js';

const Level = z.enum(CefrLevels, 'Kies een niveau: A0, A1, A2, B1 of B2.');
const SkillName = z.enum(['reading', 'writing', 'listening', 'speaking'], 'Kies een vaardigheid.');
const Status = z.enum(ProgressStatuses);
const text = (max: number, label = 'Deze tekst') => str().trim().max(max, `${label} is hoogstens ${max} tekens.`);

export const LevelsBody = z.object({
  skills: z
    .array(z.object({ skill: SkillName, target: Level, current: Level.nullable() }))
    .max(4)
    .default([]),
  components: z
    .array(z.object({ component: z.enum(['knm', 'map', 'pvt']), status: z.enum(ComponentStatuses) }))
    .max(3)
    .default([]),
});
export type LevelsBody = z.infer<typeof LevelsBody>;

export const ProgressTestBody = z.object({
  takenOn: IsoDate,
  milestoneHours: int().positive().nullable().default(null),
  results: z.object({ reading: Level.nullable(), writing: Level.nullable(), listening: Level.nullable(), speaking: Level.nullable() }),
});
export type ProgressTestBody = z.infer<typeof ProgressTestBody>;

export const OverrideBody = z.object({
  status: Status.nullable().describe('null withdraws the override: the computed status holds again'),
  reason: text(2000, 'De reden').min(1, 'Schrijf op waarom u de status aanpast.'),
});
export type OverrideBody = z.infer<typeof OverrideBody>;

const SkillResults = z.object({ reading: Level.nullable(), writing: Level.nullable(), listening: Level.nullable(), speaking: Level.nullable() });

/** R-HRS-4 (001 §2.3.1, 000 §4.4) and R-END-1 (000 §4.5): what a report holds. Pre-filled by Koers where it knows. */
export const ReportContent = z.object({
  attendancePercentage: z.number().nullable().describe('Pre-filled: attended / offered minutes over the last three months (R-ATT-3)'),
  attendanceReasons: text(2000),
  wellbeing: text(2000).describe('Wellbeing where it affects progress'),
  scaling: text(2000).describe('Scaling requested or decided, per skill'),
  status: Status.describe('Pre-filled: the status rule (R-HRS-5), or the override'),
  statusReasons: z.array(str()).describe('Pre-filled: the reasons in plain Dutch'),
  hoursMade: z.number().describe('Pre-filled: hours made (R-HRS-1)'),
  testResults: SkillResults.describe('Pre-filled: the latest progress test per skill'),
  expectedExamDate: IsoDate.nullable(),
  expectedEndLevel: Level.nullable().describe('Expected end level within the term'),
  risks: text(2000).describe('Risks of stagnation'),
  interventions: text(2000),
  // Z-route (001 §2.3.2)
  participation: text(2000).describe('Z-route: participation activities (participation, development, load capacity)'),
  selfReliance: text(2000).describe('Z-route: self-reliance'),
  functionalLanguage: text(2000).describe('Z-route: functional language A1-A2'),
  // Onderwijsroute indicators (R-OND-2, 002 eis 27) and MAP (R-HRS-4): pre-filled where Koers knows.
  hoursByKind: z
    .record(str(), z.number())
    .default({})
    .describe('Pre-filled: hours per kind (language incl. KNM, participation, MAP practice, deficiency subjects, study skills, internship)'),
  examSummary: z.array(str()).default([]).describe('Pre-filled: exam attempts per part with result'),
  pvtCompletedMonth: z
    .string()
    .regex(/^(\d{4}-(0[1-9]|1[0-2]))?$/, 'Vul een maand in als JJJJ-MM.')
    .default('')
    .describe('Onderwijsroute: the month the PVT was completed'),
  deficiencySubjects: text(2000).default('').describe('Onderwijsroute: deficiency subjects followed / completed'),
  onwardFlow: text(2000).default('').describe('Onderwijsroute: onward flow to a follow-up study'),
  mapProgress: text(2000).default('').describe('MAP: progress on the parts and the practical hours'),
  // Final report (R-END-1, R-END-2)
  goalsReached: z.boolean().nullable(),
  explanation: text(4000).describe('When goals are not reached: why (R-END-2)'),
  advice: text(2000).describe('Advice for what follows'),
});
export type ReportContent = z.infer<typeof ReportContent>;

export const ReportCreate = z.object({ kind: z.enum(['progress', 'final']).default('progress') });
export const ReportUpdate = z.object({ lockVersion: int().nonnegative(), content: ReportContent });
export type ReportUpdate = z.infer<typeof ReportUpdate>;
export const ReportSubmit = z.object({ lockVersion: int().nonnegative() });

export const Report = z.object({
  id: z.uuid(),
  participantId: z.uuid(),
  providerName: z.string(),
  kind: z.enum(['progress', 'final']),
  status: z.enum(['draft', 'submitted']),
  content: ReportContent,
  computedStatus: Status,
  dueOn: z.string().nullable(),
  lockVersion: z.number().int(),
  createdAt: z.string(),
  submittedOn: z.string().nullable(),
  invoiceDecision: z.enum(['mayInvoice', 'mayNotInvoice']).nullable(),
  invoiceDecisionReason: z.string().nullable(),
  invoiceTalkHeldOn: z.string().nullable(),
  plainDutch: z.array(z.string()).describe('The report in plain Dutch (A2) for the participant'),
});
export type Report = z.infer<typeof Report>;

export const InvoiceDecisionBody = z.object({
  talkHeldOn: IsoDate.nullable().default(null).describe('The talk with the municipality; required when the goals were not reached (R-END-2)'),
  decision: z.enum(['mayInvoice', 'mayNotInvoice'], 'Kies of het eindproduct gefactureerd mag worden.'),
  reason: text(2000, 'De toelichting').min(1, 'Schrijf de beslissing toe.'),
});

export const ScalingCreate = z.object({
  skill: SkillName,
  direction: z.enum(['down', 'up'], 'Kies afschalen of opschalen.'),
  toLevel: Level,
  reason: text(4000, 'De reden').min(1, 'Schrijf op waarom u af- of opschaling vraagt.'),
});
export type ScalingCreate = z.infer<typeof ScalingCreate>;

export const ScalingDecision = z.object({
  decision: z.enum(['approved', 'refused'], 'Kies goedkeuren of afwijzen.'),
  reason: text(2000, 'De toelichting').default(''),
});
export type ScalingDecision = z.infer<typeof ScalingDecision>;

const Check = z.object({ id: z.string(), passed: z.boolean(), reason: z.string() });
export const Scaling = z.object({
  id: z.uuid(),
  skill: SkillName,
  direction: z.enum(['down', 'up']),
  fromLevel: z.string(),
  toLevel: z.string(),
  reason: z.string(),
  checks: z.array(Check),
  allChecksPassed: z.boolean(),
  requestedOn: z.string(),
  status: z.enum(['requested', 'approved', 'refused']),
  decidedOn: z.string().nullable(),
  decisionReason: z.string().nullable(),
  newLevelDueOn: z.string().nullable(),
});

export const ExamCreate = z.object({
  part: z.enum(['reading', 'writing', 'listening', 'speaking', 'knm'], 'Kies een examenonderdeel.'),
  level: z.enum(['A1', 'A2', 'B1', 'B2'], 'Kies een niveau.'),
  registeredOn: IsoDate,
  takenOn: IsoDate.nullable().default(null),
  result: z.enum(['pending', 'passed', 'failed']).default('pending'),
});
export type ExamCreate = z.infer<typeof ExamCreate>;
export const ExamUpdate = z.object({ takenOn: IsoDate, result: z.enum(['passed', 'failed'], 'Kies geslaagd of gezakt.') });
export const Exam = z.object({
  id: z.uuid(),
  part: z.string(),
  level: z.string(),
  registeredOn: z.string(),
  takenOn: z.string().nullable(),
  result: z.enum(['pending', 'passed', 'failed']),
  attemptNumber: z.number().int(),
  stateFunded: z.boolean(),
  providerName: z.string(),
});

export const RouteEventBody = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('routeChanged'),
    on: IsoDate,
    toRoute: z.enum(Route.options, 'Kies de nieuwe leerroute.').describe(ROUTE_CODES_DOC),
    reason: text(2000, 'De reden').min(1, 'Schrijf op waarom de leerroute verandert.'),
    exceptionReason: text(2000, 'De reden voor de uitzondering').default('').describe('Required after the first 18 months of the term (R-RTE-1)'),
  }),
  z.object({ type: z.literal('onHold'), on: IsoDate, reason: z.enum(['pregnancy', 'illness', 'other']), expectedEndOn: IsoDate, note: text(2000).default('') }),
  z.object({ type: z.literal('resumed'), on: IsoDate, note: text(2000).default('') }),
  z.object({ type: z.literal('droppedOut'), on: IsoDate, reason: z.enum(['medical', 'death', 'moved', 'other']), note: text(2000).default('') }),
  z.object({ type: z.literal('movedAway'), on: IsoDate, toMunicipality: text(200, 'De gemeente').min(1, 'Vul de nieuwe gemeente in.') }),
  z.object({ type: z.literal('providerSwitched'), on: IsoDate, note: text(2000).default('') }),
  z.object({
    type: z.literal('handOverHeld'),
    on: IsoDate,
    attendees: z.array(z.enum(['participant', 'oldProvider', 'newProvider', 'municipality'])).min(2, 'Een warme overdracht is een gesprek met minstens twee partijen.'),
    note: text(2000).default(''),
  }),
  z.object({ type: z.literal('routeEnded'), on: IsoDate, note: text(2000).default('') }),
]);
export type RouteEventBody = z.infer<typeof RouteEventBody>;

export const Contact = z.object({
  role: z.enum(['municipality', 'provider']),
  organisation: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  hours: z.string().nullable(),
});

export const Overview = z.object({
  participant: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string(), route: z.string(), termEndsOn: z.string(), termAssumed: z.boolean() }),
  provider: z
    .object({ name: z.string(), referralId: z.uuid(), work: z.boolean().describe('R-PRT-1: the referral is for participation or MAP, so the provider is no language school (the participant\'s home names it so)') })
    .nullable(),
  /** R-PRT-1 (001 Bijlage 1 guideline 5): whom to call — the participant's municipality and the provider of the latest referral in scope. */
  contacts: z.array(Contact).describe("The participant's own municipality, and the provider of their latest referral; a value the contract gives none of is null"),
  hours: z.object({ made: z.number(), nt2Lessons: z.number(), target: z.number() }),
  attendancePercentage: z.number().nullable(),
  status: z.object({
    status: Status,
    started: z.boolean().describe('False before the route starts: the status then judges no pace and is never behind (R-BYD-1)'),
    computedStatus: Status,
    overrideReason: z.string().nullable(),
    reasons: z.array(z.string()),
    pacePerWeek: z.number().nullable(),
    targetReachedOn: z.string().nullable(),
    milestones: z.array(z.object({ hours: z.number(), projectedOn: z.string().nullable(), beforeTermEnd: z.boolean() })),
  }),
  levels: z.array(z.object({ skill: z.string(), target: z.string().nullable(), current: z.string().nullable(), recordedOn: z.string() })),
  tests: z.array(z.object({ id: z.uuid(), milestoneHours: z.number().nullable(), takenOn: z.string(), results: z.record(z.string(), z.string().nullable()) })),
  reports: z.array(Report.omit({ content: true, plainDutch: true })),
  scaling: z.array(Scaling),
  exams: z.array(Exam),
  routeEvents: z.array(z.object({ id: z.uuid(), type: z.string(), onDate: z.string(), details: z.record(z.string(), z.unknown()), recordedByName: z.string() })),
  routeState: z.enum(RouteStates),
});
export type Overview = z.infer<typeof Overview>;
