// The one module that writes the signal table (R-SIG-1, ARCHITECTURE §2.8): raise, mark a breach,
// resolve, acknowledge, and the reads the raisers and reports need. Every other module calls these;
// test/signal-sql.test.ts fails when SQL on `signal` appears anywhere else in src (the work list's reads
// in src/features/signals/ excepted).
//
// Idempotent by identity: (cause, subject_type, subject_id, period) is the unique key signal_identity,
// so raising what exists already is a no-op and every raiser may re-run after any change.
import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../../domain/contract.js';
import type { Addressee, ParticipantCause, ProviderCause, ReferralStepCause, SignalCause, SignalResolution, SignalSubjectType } from '../../domain/signal-cause.js';
import type { Queryable } from '../../platform/db.js';

export interface SignalSubject {
  type: SignalSubjectType;
  id: string;
}

type SubjectTypeOf<C extends SignalCause> = C extends ReferralStepCause ? 'referral' : C extends ProviderCause ? 'provider' : C extends ParticipantCause ? 'participant' : never;

interface SignalFields<C extends SignalCause> {
  cause: C;
  subject: { type: SubjectTypeOf<C>; id: string };
  period: string;
  addressee: Addressee;
  dueDate: IsoDate;
  /** The municipality the signal concerns (and the distribution key, ARCHITECTURE §2.10). */
  municipalityId: string;
  providerId: string | null;
  participantId: string | null;
  productCode: string | null;
}

/** A signal to raise: its subject type follows from its cause (SignalCause, src/domain/signal-cause.ts). */
export type NewSignal = { [C in SignalCause]: SignalFields<C> }[SignalCause];

/** The identity of one signal. */
export interface SignalKey {
  cause: SignalCause;
  subject: SignalSubject;
  period: string;
}

/** Raises the signals not raised yet, in one statement; returns how many are new. */
export async function raiseSignals(q: Queryable, signals: readonly NewSignal[], today: IsoDate): Promise<number> {
  if (signals.length === 0) return 0;
  const rows = await q.query(
    `INSERT INTO signal (id, cause, subject_type, subject_id, period, municipality_id, provider_id, participant_id, product_code, addressee, status, due_date, raised_on)
     SELECT u.id, u.cause, u.subject_type, u.subject_id, u.period, u.municipality_id, u.provider_id, u.participant_id, u.product_code, u.addressee, 'open', u.due, $1
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::uuid[], $8::uuid[], $9::uuid[], $10::text[], $11::text[], $12::date[])
       AS u(id, cause, subject_type, subject_id, period, municipality_id, provider_id, participant_id, product_code, addressee, due)
     ON CONFLICT ON CONSTRAINT signal_identity DO NOTHING RETURNING id`,
    [
      today,
      signals.map(() => randomUUID()),
      signals.map((s) => s.cause),
      signals.map((s) => s.subject.type),
      signals.map((s) => s.subject.id),
      signals.map((s) => s.period),
      signals.map((s) => s.municipalityId),
      signals.map((s) => s.providerId),
      signals.map((s) => s.participantId),
      signals.map((s) => s.productCode),
      signals.map((s) => s.addressee),
      signals.map((s) => s.dueDate),
    ],
  );
  return rows.length;
}

/** The first run that sees a signal's due date passed records the breach; true only for that run. */
export async function markBreached(q: Queryable, key: SignalKey, today: IsoDate): Promise<boolean> {
  const hit = await q.query(
    `UPDATE signal SET breached_on = $5 WHERE cause = $1 AND subject_type = $2 AND subject_id = $3 AND period = $4
       AND breached_on IS NULL AND status <> 'resolved' RETURNING id`,
    [key.cause, key.subject.type, key.subject.id, key.period, today],
  );
  return hit.length > 0;
}

/** Which of a subject's unresolved signals to resolve; every given condition must hold. */
export interface ResolveFilter {
  subject: SignalSubject;
  /** Only these causes. */
  causes?: readonly SignalCause[];
  /** Only these periods (an empty list resolves nothing). */
  periods?: readonly string[];
  /** All but these identities: what the facts still call for stays open. */
  keep?: readonly { cause: SignalCause; period: string }[];
}

/**
 * Resolves a subject's unresolved signals that match; returns how many. The resolution says why and is
 * kept on the signal (migration 0016), so the history tells "answered" from "no longer called for".
 */
export async function resolveSignals(q: Queryable, filter: ResolveFilter, resolution: SignalResolution, today: IsoDate): Promise<number> {
  const params: unknown[] = [filter.subject.type, filter.subject.id, today, resolution];
  const where = [`subject_type = $1`, `subject_id = $2`, `status <> 'resolved'`];
  if (filter.causes !== undefined) where.push(`cause = ANY($${params.push([...filter.causes])}::text[])`);
  if (filter.periods !== undefined) where.push(`period = ANY($${params.push([...filter.periods])}::text[])`);
  if (filter.keep !== undefined) where.push(`NOT ((cause || '|' || period) = ANY($${params.push(filter.keep.map((k) => `${k.cause}|${k.period}`))}::text[]))`);
  const rows = await q.query(`UPDATE signal SET status = 'resolved', resolved_on = $3, resolution = $4 WHERE ${where.join(' AND ')} RETURNING id`, params);
  return rows.length;
}

/** R-SIG-1: open → acknowledged ("gezien") by this user. The caller has found the signal in the actor's scope. */
export async function acknowledgeSignal(q: Queryable, id: string, userId: string, today: IsoDate): Promise<void> {
  await q.query(`UPDATE signal SET status = 'acknowledged', acknowledged_on = $2, acknowledged_by = $3 WHERE id = $1 AND status = 'open'`, [id, today, userId]);
}

/** The earliest due date among a subject's unresolved signals of these causes, if any. */
export async function earliestOpenDueDate(q: Queryable, subject: SignalSubject, causes: readonly SignalCause[]): Promise<IsoDate | null> {
  const rows = await q.query<{ due: string | null }>(
    `SELECT min(due_date)::text AS due FROM signal WHERE subject_type = $1 AND subject_id = $2 AND cause = ANY($3::text[]) AND status <> 'resolved'`,
    [subject.type, subject.id, [...causes]],
  );
  return rows[0]?.due ?? null;
}

/** The subjects of this type that still have an unresolved signal (the scheduled run reconciles them). */
export async function subjectsWithUnresolvedSignals(q: Queryable, type: SignalSubjectType): Promise<string[]> {
  const rows = await q.query<{ id: string }>(`SELECT DISTINCT subject_id AS id FROM signal WHERE subject_type = $1 AND status <> 'resolved'`, [type]);
  return rows.map((r) => r.id);
}

/**
 * Issue #16: resolveSignals for many participants at once — each subject's unresolved signals of this
 * cause whose period is not kept for it, in one statement; returns how many.
 */
export async function resolveParticipantSignalsNotKept(
  q: Queryable,
  cause: SignalCause,
  subjectIds: readonly string[],
  keep: readonly { subjectId: string; period: string }[],
  resolution: SignalResolution,
  today: IsoDate,
): Promise<number> {
  if (subjectIds.length === 0) return 0;
  const rows = await q.query(
    `UPDATE signal SET status = 'resolved', resolved_on = $3, resolution = $4
     WHERE subject_type = 'participant' AND subject_id = ANY($1::uuid[]) AND cause = $2 AND status <> 'resolved'
       AND NOT ((subject_id::text || '|' || period) = ANY($5::text[])) RETURNING id`,
    [[...subjectIds], cause, today, resolution, keep.map((k) => `${k.subjectId}|${k.period}`)],
  );
  return rows.length;
}

/** The periods of the signals of this cause that the participants have, resolved or not (issue #16). */
export async function participantSignalPeriods(q: Queryable, cause: SignalCause, subjectIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (subjectIds.length === 0) return out;
  const rows = await q.query<{ id: string; period: string }>(
    `SELECT subject_id AS id, period FROM signal WHERE cause = $1 AND subject_type = 'participant' AND subject_id = ANY($2::uuid[])`,
    [cause, [...subjectIds]],
  );
  for (const r of rows) out.set(r.id, (out.get(r.id) ?? new Set()).add(r.period));
  return out;
}
