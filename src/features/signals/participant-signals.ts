// Inserting the signals a rule found for one participant (R-ATT-4, R-HRS-2, R-HRS-3) in ONE statement: the
// rules run after every recording and for every participant of an import, and one round trip per
// signal was most of an import's rule time (docs/benchmarks.md). The unique key signal_identity still
// makes every later run a no-op.
import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../../domain/contract.js';
import type { Queryable } from '../../platform/db.js';

export interface ParticipantSignal {
  cause: string;
  period: string;
  addressee: 'municipality' | 'provider';
  due: IsoDate;
}

export interface SignalPlacement {
  participantId: string;
  municipalityId: string;
  providerId: string;
  productCode: string;
}

/** Inserts the signals not yet raised; returns how many are new. */
export async function insertParticipantSignals(q: Queryable, at: SignalPlacement, signals: readonly ParticipantSignal[], today: IsoDate): Promise<number> {
  if (signals.length === 0) return 0;
  const rows = await q.query(
    `INSERT INTO signal (id, cause, subject_type, subject_id, period, municipality_id, provider_id, participant_id, product_code, addressee, status, due_date, raised_on)
     SELECT u.id, u.cause, 'participant', $1, u.period, $2, $3, $1, $4, u.addressee, 'open', u.due, $5
     FROM unnest($6::uuid[], $7::text[], $8::text[], $9::text[], $10::date[]) AS u(id, cause, period, addressee, due)
     ON CONFLICT ON CONSTRAINT signal_identity DO NOTHING RETURNING id`,
    [
      at.participantId,
      at.municipalityId,
      at.providerId,
      at.productCode,
      today,
      signals.map(() => randomUUID()),
      signals.map((s) => s.cause),
      signals.map((s) => s.period),
      signals.map((s) => s.addressee),
      signals.map((s) => s.due),
    ],
  );
  return rows.length;
}
