// R-LVL-5 (002 eis 44): when an Onderwijsroute provider's exam pass rate stays below 80% for three
// consecutive months, an analysis and a plan of action are due. Run after every exam result, in the
// same transaction; the signal's identity (cause, provider, month, municipality) makes it once.
import { randomUUID } from 'node:crypto';
import { addMonths } from '../../domain/calendar.js';
import { DEFAULT_EXAM_RULES, type IsoDate } from '../../domain/contract.js';
import { monthlyPassRates, passRateSignalMonths, type ExamAttempt } from '../../domain/exams.js';
import { isCefrLevel } from '../../domain/levels.js';
import { EducationRoutes } from '../../domain/route-change.js';
import type { Queryable } from '../../platform/db.js';

/**
 * Unscoped on purpose: an aggregate over the provider's Onderwijsroute attempts, never returned to a
 * caller. Only the Onderwijsroute (002) carries this duty, so other routes' attempts do not count.
 */
export async function raisePassRateSignals(q: Queryable, providerId: string, today: IsoDate): Promise<number> {
  const rows = await q.query<{ id: string; part: string; level: string; takenOn: string; result: 'passed' | 'failed'; municipalityId: string }>(
    `SELECT e.id, e.part, e.level, e.taken_on::text AS "takenOn", e.result, e.municipality_id AS "municipalityId"
     FROM exam_attempt e JOIN participant p ON p.id = e.participant_id
     WHERE e.provider_id = $1 AND e.result <> 'pending' AND e.taken_on IS NOT NULL AND p.route = ANY($2::text[])
     ORDER BY e.taken_on`,
    [providerId, [...EducationRoutes]],
  );
  const first = rows[0];
  if (first === undefined) return 0;
  const attempts: ExamAttempt[] = rows.map((r) => ({ id: r.id, part: r.part as ExamAttempt['part'], takenOn: r.takenOn, level: isCefrLevel(r.level) ? r.level : null, result: r.result }));
  const months = passRateSignalMonths(monthlyPassRates(attempts, first.takenOn.slice(0, 7), today.slice(0, 7)), DEFAULT_EXAM_RULES);
  let raised = 0;
  for (const month of months) {
    // Each municipality whose residents sat these exams is told, and is owed the plan (002 eis 44).
    const from = addMonths(`${month}-01`, -(DEFAULT_EXAM_RULES.passRateMonths - 1));
    const municipalities = [...new Set(rows.filter((r) => r.takenOn >= from && r.takenOn.slice(0, 7) <= month).map((r) => r.municipalityId))];
    for (const municipalityId of municipalities) {
      const hit = await q.query(
        `INSERT INTO signal (id, cause, subject_type, subject_id, period, municipality_id, provider_id, addressee, status, due_date, raised_on)
         VALUES ($1, 'exam.passRateLow', 'provider', $2, $3, $4, $2, 'provider', 'open', $5, $5)
         ON CONFLICT ON CONSTRAINT signal_identity DO NOTHING RETURNING id`,
        // The sources set no term for the analysis: due from the day it is raised.
        [randomUUID(), providerId, `${month}:${municipalityId}`, municipalityId, today],
      );
      raised += hit.length;
    }
  }
  return raised;
}
