// Issue #5 as the web app reads it: a participant's progress (status with reasons and forecast, levels,
// tests, reports, scaling, exams, route) and the progress and final reports. Shapes follow
// src/features/progress/schemas.ts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export type ProgressStatus = 'onTrack' | 'atRisk' | 'behind';
export type Skill = 'reading' | 'writing' | 'listening' | 'speaking';
export type Level = 'A0' | 'A1' | 'A2' | 'B1' | 'B2';
export type ReportKind = 'progress' | 'final';
export type RouteState = 'running' | 'onHold' | 'droppedOut' | 'movedAway' | 'ended';

export interface Milestone {
  hours: number;
  projectedOn: string | null;
  beforeTermEnd: boolean;
}

export interface ReportContent {
  attendancePercentage: number | null;
  attendanceReasons: string;
  wellbeing: string;
  scaling: string;
  status: ProgressStatus;
  statusReasons: string[];
  hoursMade: number;
  testResults: Record<Skill, Level | null>;
  expectedExamDate: string | null;
  expectedEndLevel: Level | null;
  risks: string;
  interventions: string;
  participation: string;
  selfReliance: string;
  functionalLanguage: string;
  // Onderwijsroute indicators and MAP (R-OND-2, R-HRS-4); absent from reports made before they existed.
  hoursByKind?: Record<string, number>;
  examSummary?: string[];
  pvtCompletedMonth?: string;
  deficiencySubjects?: string;
  onwardFlow?: string;
  mapProgress?: string;
  goalsReached: boolean | null;
  explanation: string;
  advice: string;
}

export interface ReportSummary {
  id: string;
  participantId: string;
  providerName: string;
  kind: ReportKind;
  status: 'draft' | 'submitted';
  computedStatus: ProgressStatus;
  dueOn: string | null;
  lockVersion: number;
  createdAt: string;
  submittedOn: string | null;
  invoiceDecision: 'mayInvoice' | 'mayNotInvoice' | null;
  invoiceDecisionReason: string | null;
  invoiceTalkHeldOn: string | null;
}

export interface Report extends ReportSummary {
  content: ReportContent;
  /** The report in plain Dutch (A2), sentence by sentence, for the participant. */
  plainDutch: string[];
}

export interface ScalingCheck {
  id: string;
  passed: boolean;
  reason: string;
}

export interface Scaling {
  id: string;
  skill: Skill;
  direction: 'down' | 'up';
  fromLevel: string;
  toLevel: string;
  reason: string;
  checks: ScalingCheck[];
  allChecksPassed: boolean;
  requestedOn: string;
  status: 'requested' | 'approved' | 'refused';
  decidedOn: string | null;
  decisionReason: string | null;
  newLevelDueOn: string | null;
}

export interface Exam {
  id: string;
  part: string;
  level: string;
  registeredOn: string;
  takenOn: string | null;
  result: 'pending' | 'passed' | 'failed';
  attemptNumber: number;
  stateFunded: boolean;
  providerName: string;
}

export interface RouteEvent {
  id: string;
  type: string;
  onDate: string;
  details: Record<string, unknown>;
  recordedByName: string;
}

export interface Overview {
  participant: { id: string; givenName: string; familyName: string; route: string; termEndsOn: string; termAssumed: boolean };
  provider: { name: string; referralId: string } | null;
  hours: { made: number; nt2Lessons: number; target: number };
  attendancePercentage: number | null;
  status: {
    status: ProgressStatus;
    /** False before the route starts (R-BYD-1): the status is then never "behind". */
    started: boolean;
    computedStatus: ProgressStatus;
    overrideReason: string | null;
    reasons: string[];
    pacePerWeek: number | null;
    targetReachedOn: string | null;
    milestones: Milestone[];
  };
  levels: { skill: string; target: string | null; current: string | null; recordedOn: string }[];
  tests: { id: string; milestoneHours: number | null; takenOn: string; results: Record<string, string | null> }[];
  reports: ReportSummary[];
  scaling: Scaling[];
  exams: Exam[];
  routeEvents: RouteEvent[];
  routeState: RouteState;
}

export interface ProgressTestInput {
  takenOn: string;
  milestoneHours: number | null;
  results: Record<Skill, Level | null>;
}

export interface ScalingInput {
  skill: Skill;
  direction: 'down' | 'up';
  toLevel: Level;
  reason: string;
}

export interface ExamInput {
  part: string;
  level: string;
  registeredOn: string;
  takenOn: string | null;
  result: 'pending' | 'passed' | 'failed';
}

/** The body of POST /participants/:id/route-events: `type` and `on`, then the fields of that type. */
export type RouteEventInput = { type: string; on: string } & Record<string, unknown>;

export const progressKey = (participantId: string) => ['participant', participantId, 'progress'] as const;
export const reportKey = (id: string) => ['progress-report', id] as const;

const enc = encodeURIComponent;

export const progressDownloads = {
  reportPdf: (id: string) => `/api/v1/progress-reports/${enc(id)}/pdf`,
  hoursStatementPdf: (participantId: string) => `/api/v1/participants/${enc(participantId)}/hours-statement.pdf`,
};

export function useProgress(participantId: string, enabled = true) {
  return useQuery({
    queryKey: progressKey(participantId),
    queryFn: ({ signal }) => api<Overview>(`/participants/${enc(participantId)}/progress`, { signal }),
    enabled: enabled && participantId !== '',
  });
}

export function useReport(id: string, enabled = true) {
  return useQuery({
    queryKey: reportKey(id),
    queryFn: ({ signal }) => api<Report>(`/progress-reports/${enc(id)}`, { signal }),
    enabled,
  });
}

/** A POST about one participant; afterwards the overview is fetched again. */
function useParticipantCommand<In, Out>(participantId: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: In) => api<Out>(`/participants/${enc(participantId)}/${path}`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressKey(participantId) }),
  });
}

export const useRecordTest = (participantId: string) => useParticipantCommand<ProgressTestInput, { id: string }>(participantId, 'progress-tests');
export const useOverrideStatus = (participantId: string) =>
  useParticipantCommand<{ status: ProgressStatus | null; reason: string }, Overview['status']>(participantId, 'status-override');
export const useCreateReport = (participantId: string) => useParticipantCommand<{ kind: ReportKind }, Report>(participantId, 'progress-reports');
export const useRequestScaling = (participantId: string) => useParticipantCommand<ScalingInput, Scaling>(participantId, 'scaling-requests');
export const useRecordExam = (participantId: string) => useParticipantCommand<ExamInput, { id: string }>(participantId, 'exam-attempts');
export const useRecordRouteEvent = (participantId: string) => useParticipantCommand<RouteEventInput, { id: string }>(participantId, 'route-events');

export function useDecideScaling(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; decision: 'approved' | 'refused'; reason: string }) =>
      api<Scaling>(`/scaling-requests/${enc(id)}/decision`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressKey(participantId) }),
  });
}

/** Save, submit and the invoice decision answer the whole report: the cache takes it as it is. */
function useReportCommand<In>(id: string, method: 'PUT' | 'POST', path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: In) => api<Report>(`/progress-reports/${enc(id)}${path}`, { method, body }),
    onSuccess: (report) => {
      queryClient.setQueryData(reportKey(id), report);
      return queryClient.invalidateQueries({ queryKey: progressKey(report.participantId) });
    },
  });
}

export const useSaveReport = (id: string) => useReportCommand<{ lockVersion: number; content: ReportContent }>(id, 'PUT', '');
export const useSubmitReport = (id: string) => useReportCommand<{ lockVersion: number }>(id, 'POST', '/submission');
export const useInvoiceDecision = (id: string) =>
  useReportCommand<{ talkHeldOn: string | null; decision: 'mayInvoice' | 'mayNotInvoice'; reason: string }>(id, 'POST', '/invoice-decision');

export type ComponentName = 'knm' | 'map' | 'pvt';
export type ComponentStatus = 'notStarted' | 'inProgress' | 'passed' | 'exempt';

/** The body of POST /participants/:id/levels: only the skills and components that change. */
export interface LevelsInput {
  skills: { skill: Skill; target: Level; current: Level | null }[];
  components: { component: ComponentName; status: ComponentStatus }[];
}

export const useRecordLevels = (participantId: string) => useParticipantCommand<LevelsInput, Overview['levels']>(participantId, 'levels');

/** PATCH /exam-attempts/:id: the result of a registered attempt; afterwards the overview is fetched again. */
export function useRecordExamResult(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; takenOn: string; result: 'passed' | 'failed' }) =>
      api<{ id: string }>(`/exam-attempts/${enc(id)}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressKey(participantId) }),
  });
}
