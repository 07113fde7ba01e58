// R-QLT-2, R-QLT-3 (issue #14): the quality register's signals, reconciled on every scheduled run and
// after each change to a provider's record (in its transaction):
// - 'quality.markConcern' to the region's contract manager: the covenant provider's Blik op Werk mark is
//   younger than the contract's minimum without the conversation of 003 art. 5.2, expired, withdrawn, or
//   missing. One per (contract, concern, mark); resolved as no longer called for when the concern is gone.
// - 'quality.teacherNorm' to the contract manager: the current teachers breach the contract's norm
//   (003 art. 5.3, 002 eis 66). One per breach episode: its period is the day it was first seen, and no
//   new one is raised while one is unresolved; resolved when compliant again.
// - 'quality.providerExcluded' to the municipality, per participant with a running referral at a provider
//   excluded from the covenant (003 art. 4.4, 15: the consultant advises a switch). Its period is the
//   exclusion's id, so a second run, or a second exclusion read, raises nothing new: once per participant.
// Identity (cause, subject, period) makes every run idempotent (ARCHITECTURE §2.8). The facts come from
// the quality feature (src/features/quality/signals.ts), which owns them; this module owns the signals.
import type { IsoDate } from '../../../domain/iso-date.js';
import type { QualityMarkConcern } from '../../../domain/quality/quality-mark.js';
import type { Queryable } from '../../../platform/db.js';
import { raiseSignals, resolveSignals, type NewSignal } from '../store.js';

interface Result {
  raised: number;
  resolved: number;
  breached: number;
}

/** What the quality register says today about one provider under one contract. */
export interface ProviderQualityFacts {
  contractId: string;
  providerId: string;
  /** The municipality that carries the contract manager's signal (the signal's key needs one; the contract's first). */
  municipalityId: string;
  /** The mark concern and the mark it is about (null: no mark). Null: no concern. */
  concern: { concern: QualityMarkConcern; markId: string | null } | null;
  /** False: the teachers breach the contract's norm. Null: nothing to judge. */
  compliant: boolean | null;
  /** The membership row of a current exclusion, else null. */
  exclusionId: string | null;
}

/** Periods of a provider's unresolved signals of one cause under one contract (the teacher-norm episode in progress, the mark concerns). */
async function openPeriods(q: Queryable, providerId: string, cause: 'quality.teacherNorm' | 'quality.markConcern', contractId: string): Promise<string[]> {
  const rows = await q.query<{ period: string }>(`SELECT period FROM signal WHERE subject_type = 'provider' AND subject_id = $1 AND cause = $2 AND status <> 'resolved'`, [providerId, cause]);
  return rows.map((r) => r.period).filter((p) => p.startsWith(`${contractId}:`));
}

/** Raises and resolves the quality signals these facts call for. */
export async function reconcileQualitySignals(q: Queryable, facts: readonly ProviderQualityFacts[], today: IsoDate): Promise<Result> {
  const total: Result = { raised: 0, resolved: 0, breached: 0 };
  const raise: NewSignal[] = [];
  for (const f of facts) {
    const subject = { type: 'provider' as const, id: f.providerId };
    const base = { subject, addressee: 'contractManager' as const, dueDate: today, municipalityId: f.municipalityId, providerId: f.providerId, participantId: null, productCode: null };
    const markPeriod = f.concern === null ? null : `${f.contractId}:${f.concern.concern}:${f.concern.markId ?? 'none'}`;
    if (markPeriod !== null) raise.push({ cause: 'quality.markConcern', period: markPeriod, ...base });
    const stale = (await openPeriods(q, f.providerId, 'quality.markConcern', f.contractId)).filter((p) => p !== markPeriod);
    if (stale.length > 0) total.resolved += await resolveSignals(q, { subject, causes: ['quality.markConcern'], periods: stale }, 'noLongerCalledFor', today);
    const open = await openPeriods(q, f.providerId, 'quality.teacherNorm', f.contractId);
    if (f.compliant === false) {
      if (open.length === 0) raise.push({ cause: 'quality.teacherNorm', period: `${f.contractId}:${today}`, ...base });
    } else if (open.length > 0) {
      total.resolved += await resolveSignals(q, { subject, causes: ['quality.teacherNorm'], periods: open }, 'noLongerCalledFor', today);
    }
    if (f.exclusionId !== null) raise.push(...(await exclusionSignals(q, f.contractId, f.providerId, f.exclusionId, today)));
  }
  total.raised += await raiseSignals(q, raise, today);
  return total;
}

/** 003 art. 4.4, 15: one signal per participant whose referral at the excluded provider still runs. */
async function exclusionSignals(q: Queryable, contractId: string, providerId: string, exclusionId: string, today: IsoDate): Promise<NewSignal[]> {
  const rows = await q.query<{ participantId: string; municipalityId: string; productCode: string }>(
    `SELECT DISTINCT ON (r.participant_id) r.participant_id AS "participantId", r.municipality_id AS "municipalityId", r.product_code AS "productCode"
     FROM referral r WHERE r.contract_id = $1 AND r.provider_id = $2
       AND NOT EXISTS (SELECT 1 FROM route_event e WHERE e.participant_id = r.participant_id AND (e.referral_id IS NULL OR e.referral_id = r.id) AND e.type IN ('routeEnded', 'droppedOut', 'movedAway'))
     ORDER BY r.participant_id, r.referred_on`,
    [contractId, providerId],
  );
  return rows.map((r) => ({
    cause: 'quality.providerExcluded' as const,
    subject: { type: 'participant' as const, id: r.participantId },
    period: exclusionId,
    addressee: 'municipality' as const,
    dueDate: today,
    municipalityId: r.municipalityId,
    providerId,
    participantId: r.participantId,
    productCode: r.productCode,
  }));
}
