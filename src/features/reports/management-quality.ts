// 000 §4.2 items 1, 2, 8 and 11 of the management report from the quality register (issue #14; R-QLT-1,
// R-QLT-2, R-QLT-4; migration 0026): per provider of the report, the Blik op Werk mark in force on the
// quarter's last day, the teachers in the register on that day (item 2, against the contract's norm), and
// the class visits and customer satisfaction results dated in the quarter. These rows are about a
// provider, never a person, so the reader takes provider codes, not a participant scope.
import { findVersionInForce, type Contract, type IsoDate } from '../../domain/contract.js';
import type { ProviderQualityFact } from '../../domain/reports/management-report.js';
import type { TeacherNorm } from '../../domain/quality/contract-data.js';
import type { TeacherQualification } from '../../domain/quality/teachers.js';
import type { Queryable } from '../../platform/db.js';

type Mark = NonNullable<ProviderQualityFact['mark']> & { code: string };
type Visit = ProviderQualityFact['classVisits'][number] & { code: string };
type Satisfaction = ProviderQualityFact['satisfaction'][number] & { code: string };

/**
 * The providers in contract order; `contractId` keeps visits and results of another contract out. `norm` is
 * the teacher norm of the contract version in force on `to` (null: none; item 2 still counts the teachers).
 */
export async function readManagementQuality(
  q: Queryable,
  contractId: string,
  providers: readonly { code: string; name: string }[],
  period: { from: IsoDate; to: IsoDate },
  norm: Pick<TeacherNorm, 'minCertifiedPercent' | 'maxInTrainingPercent'> | null,
): Promise<ProviderQualityFact[]> {
  const { from, to } = period;
  const codes = providers.map((p) => p.code);
  const [marks, teachers, visits, results] = await Promise.all([
    // The latest mark started by the quarter's end (as quality/record.ts currentMark); a withdrawal after it does not count yet.
    q.query<Mark>(
      `SELECT DISTINCT ON (p.code) p.code, m.since::text AS since, m.valid_until::text AS "validUntil", w.withdrawn_on::text AS "withdrawnOn"
       FROM quality_mark m JOIN provider p ON p.id = m.provider_id LEFT JOIN quality_mark_withdrawal w ON w.mark_id = m.id AND w.withdrawn_on <= $2::date
       WHERE p.code = ANY($1::text[]) AND m.since <= $2::date ORDER BY p.code, m.since DESC, m.recorded_at DESC`,
      [codes, to],
    ),
    // Item 2: each teacher registered by the quarter's end in its latest version recorded by then (Dutch
    // day), unless it had left by that day: the register as it stood, so a later change does not rewrite it.
    q.query<{ code: string; qualification: TeacherQualification; n: number }>(
      `SELECT p.code, v.qualification, count(*)::int AS n FROM (
         SELECT DISTINCT ON (t.id) t.provider_id, x.qualification, x.left_on FROM teacher t JOIN teacher_version x ON x.teacher_id = t.id
         WHERE t.registered_on <= $2::date AND (x.recorded_at AT TIME ZONE 'Europe/Amsterdam')::date <= $2::date ORDER BY t.id, x.version DESC) v
       JOIN provider p ON p.id = v.provider_id
       WHERE p.code = ANY($1::text[]) AND (v.left_on IS NULL OR v.left_on > $2::date) GROUP BY p.code, v.qualification`,
      [codes, to],
    ),
    q.query<Visit>(
      `SELECT p.code, x.visited_on::text AS "visitedOn", x.announced, x.findings FROM class_visit x JOIN provider p ON p.id = x.provider_id
       WHERE x.contract_id = $1 AND p.code = ANY($2::text[]) AND x.visited_on BETWEEN $3::date AND $4::date ORDER BY x.visited_on, x.recorded_at, x.id`,
      [contractId, codes, from, to],
    ),
    q.query<Satisfaction>(
      `SELECT p.code, x.surveyed_on::text AS "surveyedOn", x.conducted_by AS "conductedBy", x.score::float8 AS score, x.respondents, x.summary FROM satisfaction_result x JOIN provider p ON p.id = x.provider_id
       WHERE x.contract_id = $1 AND p.code = ANY($2::text[]) AND x.surveyed_on BETWEEN $3::date AND $4::date ORDER BY x.surveyed_on, x.recorded_at, x.id`,
      [contractId, codes, from, to],
    ),
  ]);
  return providers.map((p) => {
    const mark = marks.find((m) => m.code === p.code);
    const count = (qualification: TeacherQualification) => teachers.find((t) => t.code === p.code && t.qualification === qualification)?.n ?? 0;
    return {
      providerCode: p.code,
      providerName: p.name,
      mark: mark === undefined ? null : { since: mark.since, validUntil: mark.validUntil, withdrawnOn: mark.withdrawnOn },
      teachers: { certified: count('certified'), inTraining: count('inTraining'), otherSpecialist: count('otherSpecialist'), norm },
      classVisits: visits.filter((v) => v.code === p.code).map(({ visitedOn, announced, findings }) => ({ visitedOn, announced, findings })),
      satisfaction: results.filter((s) => s.code === p.code).map(({ surveyedOn, conductedBy, score, respondents, summary }) => ({ surveyedOn, conductedBy, score, respondents, summary })),
    };
  });
}

/** Item 2's norm: the teacher norm of the contract version in force on the day (R-QLT-2; null: it sets none). */
export function teacherNormOn(contract: Contract, day: IsoDate): Pick<TeacherNorm, 'minCertifiedPercent' | 'maxInTrainingPercent'> | null {
  const norm = findVersionInForce(contract, day)?.quality?.teacherNorm;
  return norm === undefined ? null : { minCertifiedPercent: norm.minCertifiedPercent, maxInTrainingPercent: norm.maxInTrainingPercent };
}
