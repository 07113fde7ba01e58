// Applying the staged rows to attendance, in the transaction that staged them (R-EXC-2 all-or-nothing).
// The same rules as PUT /lessons/:id/attendance (src/features/groups/attendance.ts), set-based so a
// 100,000-row file is a few statements instead of 200,000 round trips: an unchanged row keeps its
// version; a new or changed row bumps it and appends to attendance_version; present clears the
// municipality's classification (R-ATT-2). Then one audit line per participant, and the import's
// participants queued for the absence and hours rules, which run right after the commit (pending-rules.ts).
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit, type AuditSubject } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Tx } from '../../platform/db.js';
import { enqueueImportRules } from './pending-rules.js';

export interface Applied {
  importId: string;
  rows: number;
  created: number;
  changed: number;
  unchanged: number;
}

// The next value of a staged row against its current one (a_* null when new), in the joined row `j`.
const NEXT_CLASSIFICATION = `CASE WHEN j.present THEN NULL ELSE j.a_classification END`;
const DIFFERS = `(j.a_version IS NULL OR (j.a_present, j.a_minutes_attended, j.a_reason, j.a_called_in, j.a_classification)
  IS DISTINCT FROM (j.present, j.minutes_attended, j.reason, j.called_in, ${NEXT_CLASSIFICATION}))`;
// The same keys as valueOf() in groups/attendance.ts, so the history reads alike whatever the source.
const value = (t: string, classification: string) =>
  `jsonb_build_object('present', ${t}present, 'minutesAttended', ${t}minutes_attended, 'reason', ${t}reason, 'calledIn', ${t}called_in, 'classification', ${classification})`;

const AUDIT_CHUNK = 1000;

export async function applyStaged(
  tx: Tx,
  deps: { crypto: Crypto; clock: Clock },
  ctx: RequestContext,
  record: { providerId: string; source: 'csv' | 'xlsx' | 'push'; sha256: string; idempotencyKey: string | null },
): Promise<Applied> {
  const now = deps.clock.now();
  // The rows that change, for the rules: who, which lesson and day, and whether it is now an absence.
  await tx.query(`CREATE TEMP TABLE import_changed (participant_id uuid NOT NULL, lesson_id uuid NOT NULL, date date NOT NULL, present boolean NOT NULL,
    no_show boolean NOT NULL) ON COMMIT DROP`);
  // Issue #16: one pass. The stage is joined to attendance once; the history (old and new value), the
  // upsert and the changed rows are written from that one join, which sees attendance as it was before.
  const counts = await tx.query<{ rows: number; created: number; changed: number }>(
    `WITH j AS MATERIALIZED (
       SELECT s.*, a.present AS a_present, a.minutes_attended AS a_minutes_attended, a.reason AS a_reason, a.called_in AS a_called_in,
         a.classification AS a_classification, a.version AS a_version
       FROM import_stage s LEFT JOIN attendance a ON a.lesson_id = s.lesson_id AND a.participant_id = s.participant_id
     ), changed AS MATERIALIZED (SELECT j.*, ${NEXT_CLASSIFICATION} AS next_classification FROM j WHERE ${DIFFERS}),
     history AS (
       INSERT INTO attendance_version (lesson_id, participant_id, municipality_id, version, change, old_value, new_value, changed_by, changed_at)
       SELECT j.lesson_id, j.participant_id, j.municipality_id, COALESCE(j.a_version, 0) + 1, 'record',
         CASE WHEN j.a_version IS NULL THEN NULL ELSE ${value('j.a_', 'j.a_classification')} END, ${value('j.', 'j.next_classification')}, $1, $2
       FROM changed j
     ), upsert AS (
       INSERT INTO attendance (lesson_id, participant_id, municipality_id, present, minutes_attended, reason, called_in, classification, version, recorded_by, recorded_at)
       SELECT j.lesson_id, j.participant_id, j.municipality_id, j.present, j.minutes_attended, j.reason, j.called_in, j.next_classification,
         COALESCE(j.a_version, 0) + 1, $1, $2
       FROM changed j
       ON CONFLICT (lesson_id, participant_id) DO UPDATE SET present = EXCLUDED.present, minutes_attended = EXCLUDED.minutes_attended,
         reason = EXCLUDED.reason, called_in = EXCLUDED.called_in, classification = EXCLUDED.classification, version = EXCLUDED.version,
         recorded_by = EXCLUDED.recorded_by, recorded_at = EXCLUDED.recorded_at
     ), marked AS (
       INSERT INTO import_changed SELECT j.participant_id, j.lesson_id, j.lesson_date, j.present, (NOT j.present AND NOT j.called_in AND j.reason IS NULL) FROM changed j
     )
     SELECT (SELECT count(*)::int FROM j) AS rows, (SELECT count(*)::int FROM j WHERE j.a_version IS NULL) AS created,
       (SELECT count(*)::int FROM changed j WHERE j.a_version IS NOT NULL) AS changed`,
    [ctx.actor.userId, now],
  );
  const c = counts[0] ?? { rows: 0, created: 0, changed: 0 };
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
  await tx.query(
    `INSERT INTO attendance_import (id, provider_id, source, sha256, idempotency_key, rows, created, changed, unchanged, response, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)`,
    [importId, record.providerId, record.source, record.sha256, record.idempotencyKey, result.rows, result.created, result.changed, result.unchanged, JSON.stringify(result), ctx.actor.userId, now],
  );
  // R-ATT-4, R-HRS-2, R-HRS-3: committed with the facts, run right after the commit (issue #16).
  await enqueueImportRules(tx, importId, now);
  return result;
}
