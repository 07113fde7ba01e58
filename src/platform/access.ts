// The one access decision (R-SEC-1, ARCHITECTURE §2.6, STYLE 1-7).
// A verified session becomes a RequestContext once; every route declares a Permission; every query for
// personal data filters in SQL by the context's Scope. Deny by default: a role or scope this file does
// not know yields no permission and an empty result, never everything.

export const Roles = ['consultant', 'policyOfficer', 'privacyOfficer', 'providerCoordinator', 'teacher', 'contractManager', 'participant', 'admin', 'providerSystem'] as const;
export type Role = (typeof Roles)[number];

import type { RequestGuard } from './request-guard.js';
import type { Permission } from './permissions.js';

export type { Permission } from './permissions.js';

/** Declared on a route that needs no session (login, health, OpenAPI). */
export type RoutePermission = Permission | 'public';

const everyone: Permission[] = ['session.read', 'today.read', 'signal.list', 'signal.acknowledge'];
// Reading a referral with its timeline and documents, and taking a lifecycle step: the domain
// (src/domain/lifecycle.ts) then decides which party may take which step.
const referralWork: Permission[] = ['referral.read', 'referral.progress', 'document.list', 'document.download'];

// Which role may attempt what. The Scope below then decides on which rows.
const grants: Record<Role, readonly Permission[]> = {
  consultant: [
    ...everyone,
    'participant.list',
    'participant.read',
    'participant.create',
    'participant.searchByBsn',
    'participant.auditRead',
    'referral.options',
    'referral.create',
    'referral.list',
    ...referralWork,
    // R-ATT-2 / 001 §2.3.6: the municipality reads absence and classifies it.
    'attendance.read',
    'attendance.classify',
    'progress.read',
    'progress.decide',
    'route.record',
    'invoice.read',
    'invoice.check',
    'participation.read',
    'report.read',
    'report.participants',
    'complaint.read', 'escalation.read', 'escalation.record',
    'duo.read', 'duo.refresh',
  ],
  // SPEC §0: policy officers see aggregates only; participants only where also consultant.
  // Issue #13: report.read gives them the reports as suppressed aggregates (ReportRoom, R-MI-6).
  policyOfficer: [...everyone, 'figures.read', 'invoice.totals', 'report.read'],
  // Issue #17 (R-SEC-2): the controller's privacy officer answers access requests from the audit log of
  // its municipality's data subjects; no participant file, no work (auditSearchMunicipality below).
  privacyOfficer: [...everyone, 'audit.search'],
  providerCoordinator: [
    ...everyone,
    'participant.list',
    'participant.read',
    'participant.searchByBsn',
    'referral.list',
    'referral.acknowledge',
    ...referralWork,
    'document.upload',
    'group.manage',
    'group.read',
    'attendance.record',
    'attendance.read',
    'attendance.import',
    'progress.read',
    'progress.write',
    'route.record',
    'apiKey.manage',
    'invoice.read',
    'invoice.prepare',
    'participation.read',
    'participation.write',
    'report.read',
    'report.participants',
    'report.submit',
    'quality.read',
    'quality.respond',
    'meeting.read',
    'meeting.actionDone',
    'complaint.read', 'complaint.register', 'escalation.read', 'escalation.record',
    // Issue #17: the accounts of its own provider's teachers (userAdminRoom).
    'user.manage',
  ],
  // R-GRP-1 / R-ATT-1: a teacher works with the groups it teaches; its 'teacher' scope limits every row
  // to the members of those groups. No participant file, referral or learning plan: that is the
  // coordinator's (the roster shows the names a teacher needs).
  teacher: [...everyone, 'group.read', 'attendance.record', 'attendance.read'],
  // SPEC §0 / 001 §4.2: contract managers get aggregates, no personal data.
  // Issue #14: and the provider quality register of its region (providers, never participants).
  contractManager: [...everyone, 'figures.read', 'invoice.totals', 'report.read', 'quality.read', 'quality.manage', 'meeting.read', 'meeting.manage', 'meeting.actionDone', 'complaint.totals', 'escalation.read', 'escalation.judge'],
  // SPEC §0 / 001 §2.2: the participant reads its own file and attendance.
  participant: [...everyone, 'participant.read', 'attendance.read', 'progress.read', 'participation.read'],
  // Functional management: configuration, the mail outbox (which holds no BSN and no names), issue #17's online backup (BIO2 8.13) and the retention purge (R-SEC-4).
  // demo.clock (issue #9 hole 4): moving the date every deadline is judged by is the administrator's
  // alone; the route itself answers 404 outside demo mode.
  // Issue #15: the DUO delivery queue (status, times, DUO's reasons; no BSN, no name).
  admin: [...everyone, 'user.manage', 'contract.manage', 'organisation.manage', 'outbox.read', 'demo.clock', 'system.backup', 'retention.manage', 'duo.queue'],
  // R-EXC-1: a provider's own system, by API key: it pushes attendance and hours and reads its batches,
  // nothing else — no participant file, no work list.
  providerSystem: ['attendance.import'],
};

export function roleHasPermission(role: string, permission: Permission): boolean {
  return (Roles as readonly string[]).includes(role) && grants[role as Role].includes(permission);
}

export type OrganisationKind = 'municipality' | 'provider' | 'region' | 'operator' | 'participant';

/** The room an actor may see personal data in. */
export type Scope =
  | { kind: 'municipality'; municipalityId: string }
  | { kind: 'provider'; providerId: string }
  /** A provider's teacher: only the members of the groups it teaches (R-SEC-1, issue #4). */
  | { kind: 'teacher'; providerId: string; userId: string }
  | { kind: 'self'; participantId: string }
  | { kind: 'none' };

export interface Actor {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

export interface Organisation {
  kind: OrganisationKind;
  id: string;
  name: string;
}

export interface TraceInfo {
  traceId: string;
  operationId: string;
  /** W3C Trace Context of a calling system, kept as the foreign operation (R-SEC-2). */
  foreign?: { traceId: string; operationId: string };
  origin: string;
  startedAt: Date;
}

export interface RequestContext {
  actor: Actor;
  organisation: Organisation;
  scope: Scope;
  trace: TraceInfo;
  /** Issue #16: a read served from the session cache; its session's check (request-guard.ts). */
  check?: RequestGuard;
}

/** The verified user row a session resolves to. */
export interface VerifiedUser {
  id: string;
  name: string;
  email: string;
  role: string;
  municipalityId: string | null;
  providerId: string | null;
  regionId: string | null;
  participantId: string | null;
  organisationName: string;
}

/** Builds the request context once from the verified session (STYLE 3). Unknown roles are refused. */
export function contextFor(user: VerifiedUser, trace: TraceInfo): RequestContext | undefined {
  if (!(Roles as readonly string[]).includes(user.role)) return undefined;
  const role = user.role as Role;
  const actor: Actor = { userId: user.id, name: user.name, email: user.email, role };
  const org = (kind: OrganisationKind, id: string | null): Organisation | undefined =>
    id === null ? undefined : { kind, id, name: user.organisationName };
  let organisation: Organisation | undefined;
  let scope: Scope = { kind: 'none' };
  switch (role) {
    case 'consultant':
      organisation = org('municipality', user.municipalityId);
      if (user.municipalityId !== null) scope = { kind: 'municipality', municipalityId: user.municipalityId };
      break;
    case 'policyOfficer':
    case 'privacyOfficer':
      organisation = org('municipality', user.municipalityId);
      break;
    case 'providerCoordinator':
    case 'providerSystem':
      organisation = org('provider', user.providerId);
      if (user.providerId !== null) scope = { kind: 'provider', providerId: user.providerId };
      break;
    case 'teacher':
      organisation = org('provider', user.providerId);
      if (user.providerId !== null) scope = { kind: 'teacher', providerId: user.providerId, userId: user.id };
      break;
    case 'contractManager':
      organisation = org('region', user.regionId);
      break;
    case 'participant':
      organisation = org('participant', user.participantId);
      if (user.participantId !== null) scope = { kind: 'self', participantId: user.participantId };
      break;
    case 'admin':
      organisation = { kind: 'operator', id: user.id, name: user.organisationName };
      break;
  }
  if (organisation === undefined) return undefined;
  return { actor, organisation, scope, trace };
}

/**
 * Issue #17 (R-SEC-2): whose audit lines an actor may search: the privacy officer its own municipality's
 * (the lines whose data subject that municipality controls), nobody else.
 */
export function auditSearchMunicipality(ctx: RequestContext): string | undefined {
  return ctx.actor.role === 'privacyOfficer' && ctx.organisation.kind === 'municipality' ? ctx.organisation.id : undefined;
}

/**
 * Issue #17: whose accounts an actor manages. The administrator every staff account (no participant's,
 * which DigiD makes, and no provider system's, which an API key is); a provider's coordinator its own
 * provider's teachers, and sees its provider's coordinators beside them.
 */
export type UserAdminRoom = { kind: 'all' } | { kind: 'provider'; providerId: string };
export function userAdminRoom(ctx: RequestContext): UserAdminRoom | undefined {
  if (ctx.actor.role === 'admin') return { kind: 'all' };
  if (ctx.actor.role === 'providerCoordinator' && ctx.organisation.kind === 'provider') return { kind: 'provider', providerId: ctx.organisation.id };
  return undefined;
}

/** Collects positional parameters while a query is assembled. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// STYLE 1 + 5: one access filter per aggregate, used by every query on it.

/** SQL condition: participant row `p` lies in the scope. */
export function participantInScope(scope: Scope, p: SqlParams, alias = 'p'): string {
  switch (scope.kind) {
    case 'municipality':
      return `${alias}.municipality_id = ${p.add(scope.municipalityId)}`;
    case 'provider':
      // R-SEC-1: a provider sees only participants referred to it (while and after it serves them).
      return `EXISTS (SELECT 1 FROM referral scope_r WHERE scope_r.participant_id = ${alias}.id AND scope_r.provider_id = ${p.add(scope.providerId)})`;
    case 'teacher':
      // Members (now or before) of a group this teacher teaches at its own provider.
      return `EXISTS (SELECT 1 FROM group_member scope_gm JOIN class_group scope_g ON scope_g.id = scope_gm.group_id
        WHERE scope_gm.participant_id = ${alias}.id AND ${taughtBy(scope, p, 'scope_g')})`;
    case 'self':
      return `${alias}.id = ${p.add(scope.participantId)}`;
    case 'none':
      return 'false';
  }
}

/**
 * Issue #15 (R-EXC-4): participant row `p` is one whose DUO exchange the actor may see: DUO talks with the
 * municipality only, so only the municipality's own participants; every other scope sees none.
 */
export function duoInScope(scope: Scope, p: SqlParams, alias = 'p'): string {
  return scope.kind === 'municipality' ? participantInScope(scope, p, alias) : 'false';
}

/** SQL condition: referral row lies in the scope. */
export function referralInScope(scope: Scope, p: SqlParams, alias = 'r'): string {
  switch (scope.kind) {
    case 'municipality':
      return `${alias}.municipality_id = ${p.add(scope.municipalityId)}`;
    case 'provider':
      return `${alias}.provider_id = ${p.add(scope.providerId)}`;
    case 'self':
      return `${alias}.participant_id = ${p.add(scope.participantId)}`;
    // A teacher needs no referral or learning plan to teach: deny (data minimisation, R-SEC-1).
    case 'teacher':
    case 'none':
      return 'false';
  }
}

/**
 * Issue #13 (R-MI-6): the referrals behind the figures shown to those who see aggregates only — the
 * contract manager's region, the policy officer's municipality. Counts are computed over these rows and
 * suppressed before they leave the service (src/features/reports/room.ts); no row, name or id of a
 * participant is ever returned under this scope.
 */
export interface AggregateScope {
  kind: 'aggregate';
  municipalityIds: readonly string[];
}

/** SQL condition: referral row `r` lies behind the report figures of the scope (a personal Scope or an AggregateScope). */
export function referralInReportScope(scope: Scope | AggregateScope, p: SqlParams, alias = 'r'): string {
  if (scope.kind !== 'aggregate') return referralInScope(scope, p, alias);
  if (scope.municipalityIds.length === 0) return 'false';
  return `${alias}.municipality_id = ANY(${p.add([...scope.municipalityIds])}::uuid[])`;
}

/** SQL condition: a signal on the actor's work list. Signals are addressed to the party that must act. */
export function signalInScope(scope: Scope, p: SqlParams, alias = 's'): string {
  switch (scope.kind) {
    case 'municipality':
      // A consultant sees every signal about its municipality's participants: who waits for whom.
      // Issue #14: not the contract manager's (addressee 'contractManager', signalInRegion).
      return `(${alias}.municipality_id = ${p.add(scope.municipalityId)} AND ${alias}.addressee <> 'contractManager')`;
    case 'provider':
      return `(${alias}.provider_id = ${p.add(scope.providerId)} AND ${alias}.addressee = 'provider')`;
    // The provider's signals (first no-show talk, R-ATT-4) go to the coordinator, not to each teacher.
    case 'teacher':
    case 'self':
    case 'none':
      return 'false';
  }
}

/**
 * Issue #14 (R-QLT-2, R-QLT-3): the contract manager's signals — addressed to it, about a municipality of
 * its region (the quality register's; no participant is ever their subject).
 */
export function signalInRegion(regionId: string, p: SqlParams, alias = 's'): string {
  return `(${alias}.addressee = 'contractManager' AND ${alias}.municipality_id IN (SELECT scope_m.id FROM municipality scope_m WHERE scope_m.region_id = ${p.add(regionId)}))`;
}

function taughtBy(scope: { providerId: string; userId: string }, p: SqlParams, groupAlias: string): string {
  return `${groupAlias}.provider_id = ${p.add(scope.providerId)} AND ${groupAlias}.teacher_user_id = ${p.add(scope.userId)}`;
}

/** SQL condition: group row `g` lies in the scope (R-GRP-1). */
export function groupInScope(scope: Scope, p: SqlParams, alias = 'g'): string {
  switch (scope.kind) {
    case 'provider':
      return `${alias}.provider_id = ${p.add(scope.providerId)}`;
    case 'teacher':
      return taughtBy(scope, p, alias);
    case 'municipality':
      // Read only, to judge absence (R-ATT-2): groups with a member of this municipality. Member rows
      // shown from such a group are filtered again by participantInScope.
      return `EXISTS (SELECT 1 FROM group_member scope_gm WHERE scope_gm.group_id = ${alias}.id AND scope_gm.municipality_id = ${p.add(scope.municipalityId)})`;
    case 'self':
    case 'none':
      return 'false';
  }
}

/** SQL condition: lesson row `l` belongs to a group in the scope. */
export function lessonInScope(scope: Scope, p: SqlParams, alias = 'l'): string {
  return `EXISTS (SELECT 1 FROM class_group scope_lg WHERE scope_lg.id = ${alias}.group_id AND ${groupInScope(scope, p, 'scope_lg')})`;
}

/** SQL condition: attendance row `a` of lesson `l` lies in the scope (R-ATT-1, R-SEC-1). */
export function attendanceInScope(scope: Scope, p: SqlParams, alias = 'a', lessonAlias = 'l'): string {
  switch (scope.kind) {
    case 'municipality':
      return `${alias}.municipality_id = ${p.add(scope.municipalityId)}`;
    case 'provider':
    case 'teacher':
      // A provider sees the attendance of its own lessons only, never another provider's.
      return lessonInScope(scope, p, lessonAlias);
    case 'self':
      return `${alias}.participant_id = ${p.add(scope.participantId)}`;
    case 'none':
      return 'false';
  }
}
