// Issue #5 as the web app reads it: a participant's progress (status with reasons and forecast, levels,
// tests, reports, scaling, exams, route) and the progress and final reports. Shapes follow
// src/features/progress/schemas.ts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, Body, ItemOf } from './wire';

export type Overview = Answer<'/api/v1/participants/{id}/progress', 'get'>;
export type ProgressStatus = Overview['status']['status'];
export type RouteState = Overview['routeState'];
export type Milestone = ItemOf<Overview['status']['milestones']>;
export type Scaling = ItemOf<Overview['scaling']>;
export type ScalingCheck = ItemOf<Scaling['checks']>;
export type Exam = ItemOf<Overview['exams']>;
export type RouteEvent = ItemOf<Overview['routeEvents']>;
export type ReportSummary = ItemOf<Overview['reports']>;
export type ReportKind = ReportSummary['kind'];

/** A report with its content and, for the participant, the report in plain Dutch (A2) sentence by sentence. */
export type Report = Answer<'/api/v1/progress-reports/{id}', 'get'>;
export type ReportContent = Report['content'];
export type Skill = keyof ReportContent['testResults'];
export type Level = NonNullable<ReportContent['testResults'][Skill]>;

export type ProgressTestInput = Body<'/api/v1/participants/{id}/progress-tests', 'post'>;
export type ScalingInput = Body<'/api/v1/participants/{id}/scaling-requests', 'post'>;
export type ExamInput = Body<'/api/v1/participants/{id}/exam-attempts', 'post'>;
/**
 * The body of POST /participants/:id/route-events as the form builds it: `type` and `on`, then the
 * fields of that type one by one. The server's schema (a union by type) decides, and names a wrong field.
 */
export type RouteEventInput = { type: string; on: string } & Record<string, unknown>;
type RouteEventBody = Body<'/api/v1/participants/{id}/route-events', 'post'>;
/** The body of POST /participants/:id/levels: only the skills and components that change (both lists always sent). */
export type LevelsInput = Required<Body<'/api/v1/participants/{id}/levels', 'post'>>;
export type ComponentName = ItemOf<LevelsInput['components']>['component'];
export type ComponentStatus = ItemOf<LevelsInput['components']>['status'];

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
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/participants/{id}/progress', { params: { path: { id: participantId } }, signal })),
    enabled: enabled && participantId !== '',
  });
}

export function useReport(id: string, enabled = true) {
  return useQuery({
    queryKey: reportKey(id),
    queryFn: ({ signal }) => fetchReport(id, signal),
    enabled,
  });
}

/** One report; the participant's own page reads each of theirs with it too. */
export function fetchReport(id: string, signal?: AbortSignal): Promise<Report> {
  return ok(koers.GET('/api/v1/progress-reports/{id}', { params: { path: { id } }, ...(signal ? { signal } : {}) }));
}

/** After a command about one participant the overview is fetched again. */
function useParticipantCommand<In, Out>(participantId: string, send: (id: string, body: In) => Promise<Out>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: In) => send(participantId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressKey(participantId) }),
  });
}

const onParticipant = (id: string) => ({ path: { id } });

export const useRecordTest = (participantId: string) =>
  useParticipantCommand(participantId, (id, body: ProgressTestInput) => ok(koers.POST('/api/v1/participants/{id}/progress-tests', { params: onParticipant(id), body })));
export const useOverrideStatus = (participantId: string) =>
  useParticipantCommand(participantId, (id, body: Body<'/api/v1/participants/{id}/status-override', 'post'>) =>
    ok(koers.POST('/api/v1/participants/{id}/status-override', { params: onParticipant(id), body })),
  );
export const useCreateReport = (participantId: string) =>
  useParticipantCommand(participantId, (id, body: Body<'/api/v1/participants/{id}/progress-reports', 'post'>) =>
    ok(koers.POST('/api/v1/participants/{id}/progress-reports', { params: onParticipant(id), body })),
  );
export const useRequestScaling = (participantId: string) =>
  useParticipantCommand(participantId, (id, body: ScalingInput) => ok(koers.POST('/api/v1/participants/{id}/scaling-requests', { params: onParticipant(id), body })));
export const useRecordExam = (participantId: string) =>
  useParticipantCommand(participantId, (id, body: ExamInput) => ok(koers.POST('/api/v1/participants/{id}/exam-attempts', { params: onParticipant(id), body })));
export const useRecordRouteEvent = (participantId: string) =>
  useParticipantCommand(participantId, (id, body: RouteEventInput) =>
    ok(koers.POST('/api/v1/participants/{id}/route-events', { params: onParticipant(id), body: body as RouteEventBody })),
  );

export function useDecideScaling(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; decision: 'approved' | 'refused'; reason: string }) =>
      ok(koers.POST('/api/v1/scaling-requests/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressKey(participantId) }),
  });
}

/** Save, submit and the invoice decision answer the whole report: the cache takes it as it is. */
function useReportCommand<In>(id: string, send: (id: string, body: In) => Promise<Report>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: In) => send(id, body),
    onSuccess: (report) => {
      queryClient.setQueryData(reportKey(id), report);
      return queryClient.invalidateQueries({ queryKey: progressKey(report.participantId) });
    },
  });
}

const onReport = (id: string) => ({ path: { id } });

export const useSaveReport = (id: string) =>
  useReportCommand(id, (rid, body: Body<'/api/v1/progress-reports/{id}', 'put'>) => ok(koers.PUT('/api/v1/progress-reports/{id}', { params: onReport(rid), body })));
export const useSubmitReport = (id: string) =>
  useReportCommand(id, (rid, body: Body<'/api/v1/progress-reports/{id}/submission', 'post'>) =>
    ok(koers.POST('/api/v1/progress-reports/{id}/submission', { params: onReport(rid), body })),
  );
export const useInvoiceDecision = (id: string) =>
  useReportCommand(id, (rid, body: Body<'/api/v1/progress-reports/{id}/invoice-decision', 'post'>) =>
    ok(koers.POST('/api/v1/progress-reports/{id}/invoice-decision', { params: onReport(rid), body })),
  );

export const useRecordLevels = (participantId: string) =>
  useParticipantCommand(participantId, (id, body: LevelsInput) => ok(koers.POST('/api/v1/participants/{id}/levels', { params: onParticipant(id), body })));

/** PATCH /exam-attempts/:id: the result of a registered attempt; afterwards the overview is fetched again. */
export function useRecordExamResult(participantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; takenOn: string; result: 'passed' | 'failed' }) =>
      ok(koers.PATCH('/api/v1/exam-attempts/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressKey(participantId) }),
  });
}
