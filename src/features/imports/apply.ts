// Applying the staged rows to attendance, in the transaction that staged them (R-EXC-2 all-or-nothing).
// The same rules as PUT /lessons/:id/attendance (src/features/groups/attendance.ts), set-based so a
// 100,000-row file is a few statements instead of 200,000 round trips: an unchanged row keeps its
// version; a new or changed row bumps it and appends to attendance_version; present clears the
// municipality's classification (R-ATT-2). Then one audit line per participant and the absence rules
// once per participant (R-ATT-4).
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit, type AuditSubject } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Tx } from '../../platform/db.js';
import { absenceFactsOf } from '../groups/placement.js';
import { hoursFactsOf } from '../hours/store.js';
import { raiseAbsenceSignals } from '../signals/raisers/absence.js';
import { raiseHoursSignals } from '../signals/raisers/hours.js';

export interface Applied {
  importId: string;
  rows: number;
  created: number;
  changed: number;
  unchanged: number;
}

// The next value of a staged row `s` against its current row `a` (null when new).
const NEXT_CLASSIFICATION = `CASE WHEN s.present THEN NULL ELSE a.classification END`;
const DIFFERS = `(a.lesson_id IS NULL OR (a.present, a.minutes_attended, a.reason, a.called_in, a.classification)
  IS DISTINCT FROM (s.present, s.minutes_attended, s.reason, s.called_in, ${NEXT_CLASSIFICATION}))`;
// The same keys as valueOf() in groups/attendance.ts, so the history reads alike whatever the source.
const value = (t: string, classification: string) =>
  `jsonb_build_object('present', ${t}.present, 'minutesAttended', ${t}.minutes_attended, 'reason', ${t}.reason, 'calledIn', ${t}.called_in, 'classification', ${classification})`;

const AUDIT_CHUNK = 1000;

export async function applyStaged(
  tx: Tx,
  deps: { crypto: Crypto; contracts: ContractRegistry; clock: Clock },
  ctx: RequestContext,
  today: string,
  record: { providerId: string; source: 'csv' | 'xlsx' | 'push'; sha256: string; idempotencyKey: string | null },
): Promise<Applied> {
  const now = deps.clock.now();
  const counts = await tx.query<{ rows: number; created: number; changed: number }>(
    `SELECT count(*)::int AS rows, count(*) FILTER (WHERE a.lesson_id IS NULL)::int AS created,
       count(*) FILTER (WHERE a.lesson_id IS NOT NULL AND ${DIFFERS})::int AS changed
     FROM import_stage s LEFT JOIN attendance a ON a.lesson_id = s.lesson_id AND a.participant_id = s.participant_id`,
  );
  const c = counts[0] ?? { rows: 0, created: 0, changed: 0 };
  // History first: it reads the old values the upsert below replaces.
  await tx.query(
    `INSERT INTO attendance_version (lesson_id, participant_id, municipality_id, version, change, old_value, new_value, changed_by, changed_at)
     SELECT s.lesson_id, s.participant_id, s.municipality_id, COALESCE(a.version, 0) + 1, 'record',
       CASE WHEN a.lesson_id IS NULL THEN NULL ELSE ${value('a', 'a.classification')} END, ${value('s', NEXT_CLASSIFICATION)}, $1, $2
     FROM import_stage s LEFT JOIN attendance a ON a.lesson_id = s.lesson_id AND a.participant_id = s.participant_id
     WHERE ${DIFFERS}`,
    [ctx.actor.userId, now],
  );
  await tx.query(
    `INSERT INTO attendance (lesson_id, participant_id, municipality_id, present, minutes_attended, reason, called_in, classification, version, recorded_by, recorded_at)
     SELECT s.lesson_id, s.participant_id, s.municipality_id, s.present, s.minutes_attended, s.reason, s.called_in, ${NEXT_CLASSIFICATION},
       COALESCE(a.version, 0) + 1, $1, $2
     FROM import_stage s LEFT JOIN attendance a ON a.lesson_id = s.lesson_id AND a.participant_id = s.participant_id
     WHERE ${DIFFERS}
     ON CONFLICT (lesson_id, participant_id) DO UPDATE SET present = EXCLUDED.present, minutes_attended = EXCLUDED.minutes_attended,
       reason = EXCLUDED.reason, called_in = EXCLUDED.called_in, classification = EXCLUDED.classification, version = EXCLUDED.version,
       recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at`,
    [ctx.actor.userId, now],
  );
  const importId = randomUUID();
  const result: Applied = { importId, rows: c.rows, created: c.created, changed: c.changed, unchanged: c.rows - c.created - c.changed };
  const subjects = await tx.query<AuditSubject>(
    `SELECT DISTINCT participant_id AS "participantId", municipality_id AS "municipalityId" FROM import_stage ORDER BY 1`,
  );
  // R-SEC-2: one line per data subject, in chunks so one INSERT stays under the parameter limit.
  for (let i = 0; i < subjects.length; i += AUDIT_CHUNK) {
    await recordAudit(tx, deps.crypto, ctx, {
      name: 'attendance.record',
      status: 'ok',
      subjects: subjects.slice(i, i + AUDIT_CHUNK),
      objectType: 'attendanceImport',
      objectId: importId,
      summary: `${record.source}: ${result.created} created, ${result.changed} changed, ${result.unchanged} unchanged`,
    });
  }
  // R-ATT-4: once per participant, not once per row.
  for (const s of subjects) await raiseAbsenceSignals(tx, await absenceFactsOf(tx, deps.contracts, s.participantId), today);
  for (const s of subjects) await raiseHoursSignals(tx, await hoursFactsOf(tx, deps.contracts, s.participantId), today);
  await tx.query(
    `INSERT INTO attendance_import (id, provider_id, source, sha256, idempotency_key, rows, created, changed, unchanged, response, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)`,
    [importId, record.providerId, record.source, record.sha256, record.idempotencyKey, result.rows, result.created, result.changed, result.unchanged, JSON.stringify(result), ctx.actor.userId, now],
  );
  return result;
}
