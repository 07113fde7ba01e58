// The signal engine (R-SIG-1, ARCHITECTURE §2.8): derives the signals that should exist from the
// facts and today's date with pure rules, and stores them idempotently. It runs inside the
// transaction of every change and on a schedule for time-based breaches; the unique key
// (cause, subject_type, subject_id, period) makes every run after the first a no-op.
import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../../domain/contract.js';
import { acknowledgementSignals, resolvedAcknowledgementSubjects, type ReferralFacts } from '../../domain/signals.js';
import type { Db, Queryable } from '../../platform/db.js';

const ENGINE_LOCK = 7_260_002;

export interface EngineResult {
  raised: number;
  resolved: number;
}

export async function runSignalEngineInTx(tx: Queryable, today: IsoDate): Promise<EngineResult> {
  // Only referrals whose state could change a signal: overdue and unacknowledged, or acknowledged with an open signal.
  const facts = await tx.query<ReferralFacts & { municipalityId: string; providerId: string; participantId: string }>(
    `SELECT r.id, r.status, r.acknowledgement_due_date AS "acknowledgementDueDate", r.municipality_id AS "municipalityId",
            r.provider_id AS "providerId", r.participant_id AS "participantId"
     FROM referral r
     WHERE (r.status = 'referred' AND r.acknowledgement_due_date < $1)
        OR (r.status = 'acknowledged' AND EXISTS (SELECT 1 FROM signal s WHERE s.subject_type = 'referral' AND s.subject_id = r.id AND s.status <> 'resolved'))`,
    [today],
  );
  const byId = new Map(facts.map((f) => [f.id, f]));
  let raised = 0;
  for (const s of acknowledgementSignals(facts, today)) {
    const f = byId.get(s.subjectId);
    if (f === undefined) continue;
    const rows = await tx.query(
      `INSERT INTO signal (id, cause, subject_type, subject_id, period, municipality_id, provider_id, participant_id, addressee, status, due_date, raised_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10, $11)
       ON CONFLICT ON CONSTRAINT signal_identity DO NOTHING RETURNING id`,
      [randomUUID(), s.cause, s.subjectType, s.subjectId, s.period, f.municipalityId, f.providerId, f.participantId, s.addressee, s.dueDate, today],
    );
    raised += rows.length;
  }
  const done = resolvedAcknowledgementSubjects(facts);
  let resolved = 0;
  if (done.length > 0) {
    const rows = await tx.query(
      `UPDATE signal SET status = 'resolved', resolved_on = $2
       WHERE cause = 'referral.acknowledgementOverdue' AND subject_type = 'referral' AND subject_id = ANY($1) AND status <> 'resolved' RETURNING id`,
      [done, today],
    );
    resolved = rows.length;
  }
  return { raised, resolved };
}

/**
 * The scheduled run. Several app instances on one PostgreSQL: whoever takes the advisory lock runs,
 * the others skip (PGlite is one process, where the lock is trivially free).
 */
export async function runSignalEngine(db: Db, today: IsoDate): Promise<EngineResult | 'skipped'> {
  return db.transaction(async (tx) => {
    const lock = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [ENGINE_LOCK]);
    if (lock[0]?.locked !== true) return 'skipped' as const;
    return runSignalEngineInTx(tx, today);
  });
}
