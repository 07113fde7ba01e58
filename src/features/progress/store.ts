// SQL of issue #5 (R-HRS-4, R-HRS-5, R-LVL-1, R-LVL-2, R-LVL-3, R-LVL-4, R-RTE-1, R-RTE-2, R-RTE-3,
// R-RTE-4, R-END-1, R-END-2). Every read of a participant's file filters by the actor's scope in SQL
// (STYLE 1, 5); the other tables are reached only through a participant, report or request found that
// way.
import { participantInScope, referralInScope, SqlParams, type Scope } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';

export interface ParticipantFile {
  id: string;
  municipalityId: string;
  municipalityName: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  clientNumber: string | null;
  bsnLastFour: string;
  route: 'b1' | 'z' | 'education_mbo' | 'education_hbo_wo' | 'b1_entree';
  /** The end of the inburgeringstermijn, registered or assumed (see termAssumed). */
  termEndsOn: string;
  /** The start of the term (duty_start_date, or assumed like the end). */
  termStartsOn: string;
  termAssumed: boolean;
}

export async function findParticipantFile(q: Queryable, scope: Scope, id: string, forUpdate = false): Promise<ParticipantFile | undefined> {
  const p = new SqlParams();
  // Wi 2021 art. 7: a three-year term. Without a registered end, three years from the duty's start or
  // the first referral, and the caller says it is assumed.
  const rows = await q.query<ParticipantFile>(
    `SELECT p.id, p.municipality_id AS "municipalityId", m.name AS "municipalityName", p.given_name AS "givenName", p.family_name AS "familyName",
       p.date_of_birth::text AS "dateOfBirth", p.client_number AS "clientNumber", p.bsn_last_four AS "bsnLastFour", p.route,
       COALESCE(p.duty_end_date, p.duty_start_date + interval '3 years',
         (SELECT min(r.referred_on) FROM referral r WHERE r.participant_id = p.id) + interval '3 years', p.created_at + interval '3 years')::date::text AS "termEndsOn",
       COALESCE(p.duty_start_date, p.duty_end_date - interval '3 years',
         (SELECT min(r.referred_on) FROM referral r WHERE r.participant_id = p.id), p.created_at)::date::text AS "termStartsOn",
       (p.duty_end_date IS NULL) AS "termAssumed"
     FROM participant p JOIN municipality m ON m.id = p.municipality_id
     WHERE p.id = ${p.add(id)} AND ${participantInScope(scope, p)}${forUpdate ? ' FOR UPDATE OF p' : ''}`,
    p.values,
  );
  return rows[0];
}

export interface ReferralRef {
  id: string;
  providerId: string;
  providerName: string;
  productCode: string;
  contractId: string;
  contractVersion: number;
  startedOn: string | null;
  referredOn: string;
}

/** The participant's latest referral in the actor's scope (a provider: its own; the municipality: any). */
export async function latestReferral(q: Queryable, scope: Scope, participantId: string): Promise<ReferralRef | undefined> {
  const p = new SqlParams();
  const rows = await q.query<ReferralRef>(
    `SELECT r.id, r.provider_id AS "providerId", pr.name AS "providerName", r.product_code AS "productCode", r.contract_id AS "contractId",
       r.contract_version AS "contractVersion", r.started_on::text AS "startedOn", r.referred_on::text AS "referredOn"
     FROM referral r JOIN provider pr ON pr.id = r.provider_id
     WHERE r.participant_id = ${p.add(participantId)} AND ${scope.kind === 'self' || scope.kind === 'municipality' || scope.kind === 'provider' ? referralInScope(scope, p) : 'false'}
     ORDER BY r.referred_at DESC LIMIT 1`,
    p.values,
  );
  return rows[0];
}

export interface LevelRow {
  skill: string;
  target: string | null;
  current: string | null;
  source: string;
  recordedOn: string;
}

/** R-LVL-1: the latest record per skill or component. */
export async function currentLevels(q: Queryable, participantId: string): Promise<LevelRow[]> {
  return q.query<LevelRow>(
    `SELECT DISTINCT ON (skill) skill, target, current, source, recorded_on::text AS "recordedOn"
     FROM level_record WHERE participant_id = $1 ORDER BY skill, recorded_at DESC, id`,
    [participantId],
  );
}

export interface NewLevel {
  participantId: string;
  municipalityId: string;
  skill: string;
  target: string | null;
  current: string | null;
  source: 'intake' | 'progressTest' | 'scaling' | 'exam' | 'provider';
  sourceId: string | null;
  recordedOn: string;
  recordedBy: string;
}

export async function insertLevels(q: Queryable, rows: readonly NewLevel[], at: Date): Promise<void> {
  for (const r of rows) {
    await q.query(
      `INSERT INTO level_record (id, participant_id, municipality_id, skill, target, current, source, source_id, recorded_on, recorded_by, recorded_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [r.participantId, r.municipalityId, r.skill, r.target, r.current, r.source, r.sourceId, r.recordedOn, r.recordedBy, at],
    );
  }
}

export interface TestRow {
  id: string;
  milestoneHours: number | null;
  takenOn: string;
  results: Record<string, string>;
}

export async function progressTests(q: Queryable, participantId: string): Promise<TestRow[]> {
  return q.query<TestRow>(
    `SELECT id, milestone_hours AS "milestoneHours", taken_on::text AS "takenOn", results FROM progress_test WHERE participant_id = $1 ORDER BY taken_on, recorded_at`,
    [participantId],
  );
}

export interface OverrideRow {
  status: 'onTrack' | 'atRisk' | 'behind' | null;
  reason: string;
  setAt: Date;
  setByName: string;
}

export async function latestOverride(q: Queryable, participantId: string): Promise<OverrideRow | undefined> {
  const rows = await q.query<OverrideRow>(
    `SELECT o.status, o.reason, o.set_at AS "setAt", u.name AS "setByName" FROM status_override o JOIN app_user u ON u.id = o.set_by
     WHERE o.participant_id = $1 ORDER BY o.set_at DESC, o.id DESC LIMIT 1`,
    [participantId],
  );
  return rows[0];
}

export interface ReportRow {
  id: string;
  participantId: string;
  referralId: string;
  municipalityId: string;
  providerId: string;
  providerName: string;
  kind: 'progress' | 'final';
  status: 'draft' | 'submitted';
  content: Record<string, unknown>;
  computedStatus: 'onTrack' | 'atRisk' | 'behind';
  dueOn: string | null;
  lockVersion: number;
  createdAt: Date;
  submittedAt: Date | null;
  submittedOn: string | null;
  invoiceDecision: 'mayInvoice' | 'mayNotInvoice' | null;
  invoiceDecisionReason: string | null;
  invoiceTalkHeldOn: string | null;
}

const REPORT_COLUMNS = `pr.id, pr.participant_id AS "participantId", pr.referral_id AS "referralId", pr.municipality_id AS "municipalityId",
  pr.provider_id AS "providerId", prov.name AS "providerName", pr.kind, pr.status, pr.content, pr.computed_status AS "computedStatus",
  pr.due_on::text AS "dueOn", pr.lock_version AS "lockVersion", pr.created_at AS "createdAt", pr.submitted_at AS "submittedAt",
  pr.submitted_on::text AS "submittedOn", pr.invoice_decision AS "invoiceDecision", pr.invoice_decision_reason AS "invoiceDecisionReason",
  pr.invoice_talk_held_on::text AS "invoiceTalkHeldOn"`;

/**
 * Reports a scope may see: the provider that wrote them (drafts included); the municipality and the
 * participant only once submitted (R-HRS-4: a draft is the provider's working copy).
 */
function reportVisible(scope: Scope, p: SqlParams): string {
  switch (scope.kind) {
    case 'provider':
      return `pr.provider_id = ${p.add(scope.providerId)} AND EXISTS (SELECT 1 FROM referral scope_r WHERE scope_r.id = pr.referral_id AND scope_r.provider_id = pr.provider_id)`;
    case 'municipality':
      return `pr.municipality_id = ${p.add(scope.municipalityId)} AND pr.status = 'submitted'`;
    case 'self':
      return `pr.participant_id = ${p.add(scope.participantId)} AND pr.status = 'submitted'`;
    case 'teacher':
    case 'none':
      return 'false';
  }
}

export async function listReports(q: Queryable, scope: Scope, participantId: string): Promise<ReportRow[]> {
  const p = new SqlParams();
  return q.query<ReportRow>(
    `SELECT ${REPORT_COLUMNS} FROM progress_report pr JOIN provider prov ON prov.id = pr.provider_id
     WHERE pr.participant_id = ${p.add(participantId)} AND ${reportVisible(scope, p)} ORDER BY pr.created_at, pr.id`,
    p.values,
  );
}

export async function findReport(q: Queryable, scope: Scope, id: string, forUpdate = false): Promise<ReportRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<ReportRow>(
    `SELECT ${REPORT_COLUMNS} FROM progress_report pr JOIN provider prov ON prov.id = pr.provider_id
     WHERE pr.id = ${p.add(id)} AND ${reportVisible(scope, p)}${forUpdate ? ' FOR UPDATE OF pr' : ''}`,
    p.values,
  );
  return rows[0];
}

export interface ScalingRow {
  id: string;
  participantId: string;
  municipalityId: string;
  providerId: string;
  referralId: string;
  skill: 'reading' | 'writing' | 'listening' | 'speaking';
  direction: 'down' | 'up';
  fromLevel: string;
  toLevel: string;
  reason: string;
  checks: { id: string; passed: boolean; reason: string }[];
  allChecksPassed: boolean;
  requestedOn: string;
  status: 'requested' | 'approved' | 'refused';
  decidedOn: string | null;
  decisionReason: string | null;
  newLevelDueOn: string | null;
}

const SCALING_COLUMNS = `s.id, s.participant_id AS "participantId", s.municipality_id AS "municipalityId", s.provider_id AS "providerId",
  s.referral_id AS "referralId", s.skill, s.direction, s.from_level AS "fromLevel", s.to_level AS "toLevel", s.reason, s.checks,
  s.all_checks_passed AS "allChecksPassed", s.requested_on::text AS "requestedOn", s.status, s.decided_on::text AS "decidedOn",
  s.decision_reason AS "decisionReason", s.new_level_due_on::text AS "newLevelDueOn"`;

function scalingVisible(scope: Scope, p: SqlParams): string {
  switch (scope.kind) {
    case 'provider':
      return `s.provider_id = ${p.add(scope.providerId)}`;
    case 'municipality':
      return `s.municipality_id = ${p.add(scope.municipalityId)}`;
    case 'self':
      return `s.participant_id = ${p.add(scope.participantId)}`;
    case 'teacher':
    case 'none':
      return 'false';
  }
}

export async function listScaling(q: Queryable, scope: Scope, participantId: string): Promise<ScalingRow[]> {
  const p = new SqlParams();
  return q.query<ScalingRow>(`SELECT ${SCALING_COLUMNS} FROM scaling_request s WHERE s.participant_id = ${p.add(participantId)} AND ${scalingVisible(scope, p)} ORDER BY s.requested_on, s.id`, p.values);
}

export async function findScaling(q: Queryable, scope: Scope, id: string): Promise<ScalingRow | undefined> {
  const p = new SqlParams();
  const rows = await q.query<ScalingRow>(`SELECT ${SCALING_COLUMNS} FROM scaling_request s WHERE s.id = ${p.add(id)} AND ${scalingVisible(scope, p)} FOR UPDATE OF s`, p.values);
  return rows[0];
}

export interface ExamRow {
  id: string;
  part: string;
  level: string;
  registeredOn: string;
  takenOn: string | null;
  result: 'pending' | 'passed' | 'failed';
  providerName: string;
}

/** All attempts of the participant, at whichever provider: attempts carry over on a route change (R-RTE-2). */
export async function examAttempts(q: Queryable, participantId: string): Promise<(ExamRow & { providerId: string })[]> {
  return q.query(
    `SELECT e.id, e.part, e.level, e.registered_on::text AS "registeredOn", e.taken_on::text AS "takenOn", e.result, e.provider_id AS "providerId", pr.name AS "providerName"
     FROM exam_attempt e JOIN provider pr ON pr.id = e.provider_id WHERE e.participant_id = $1 ORDER BY e.registered_on, e.recorded_at, e.id`,
    [participantId],
  );
}

export interface RouteEventRow {
  id: string;
  type: string;
  onDate: string;
  details: Record<string, unknown>;
  recordedByName: string;
  recordedAt: Date;
}

export async function routeEvents(q: Queryable, participantId: string): Promise<RouteEventRow[]> {
  return q.query<RouteEventRow>(
    `SELECT e.id, e.type, e.on_date::text AS "onDate", e.details, u.name AS "recordedByName", e.recorded_at AS "recordedAt"
     FROM route_event e JOIN app_user u ON u.id = e.recorded_by WHERE e.participant_id = $1 ORDER BY e.on_date, e.recorded_at, e.id`,
    [participantId],
  );
}
