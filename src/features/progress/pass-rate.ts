// R-LVL-5 (002 eis 44): when an Onderwijsroute provider's exam pass rate stays below 80% for three
// consecutive months (the contract's exams.passRateNorm and passRateMonths), an analysis and a plan of
// action are due. Run after every exam result, in the same transaction; the signal's identity (cause,
// provider, month, municipality) makes it once.
import { addMonths } from '../../domain/calendar.js';
import { examRulesOf, type IsoDate } from '../../domain/contract.js';
import { monthlyPassRates, passRateSignalMonths, type ExamAttempt } from '../../domain/exams.js';
import { isCefrLevel } from '../../domain/levels.js';
import { EducationRoutes } from '../../domain/route-change.js';
import { versionOf, type ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { raiseSignals } from '../signals/store.js';

/**
 * Unscoped on purpose: an aggregate over the provider's Onderwijsroute attempts, never returned to a
 * caller. Only the Onderwijsroute (002) carries this duty, so other routes' attempts do not count.
 */
export async function raisePassRateSignals(q: Queryable, contracts: ContractRegistry, providerId: string, today: IsoDate): Promise<number> {
  // Each attempt counts under the contract version of its participant's latest referral to this
  // provider (R-CON-10): that version's exam rules (examRulesOf) judge the rate (issue #10).
  const rows = await q.query<{ id: string; part: string; level: string; takenOn: string; result: 'passed' | 'failed'; municipalityId: string; contractId: string | null; contractVersion: number | null }>(
    `SELECT e.id, e.part, e.level, e.taken_on::text AS "takenOn", e.result, e.municipality_id AS "municipalityId",
            gov.contract_id AS "contractId", gov.contract_version AS "contractVersion"
     FROM exam_attempt e JOIN participant p ON p.id = e.participant_id
     LEFT JOIN LATERAL (SELECT r.contract_id, r.contract_version FROM referral r WHERE r.participant_id = e.participant_id AND r.provider_id = e.provider_id
                        ORDER BY r.referred_at DESC, r.id LIMIT 1) gov ON true
     WHERE e.provider_id = $1 AND e.result <> 'pending' AND e.taken_on IS NOT NULL AND p.route = ANY($2::text[])
     ORDER BY e.taken_on`,
    [providerId, [...EducationRoutes]],
  );
  const byContract = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.contractId ?? ''}:${r.contractVersion ?? ''}`;
    byContract.set(key, [...(byContract.get(key) ?? []), r]);
  }
  let raised = 0;
  for (const group of byContract.values()) raised += await raiseForContract(q, contracts, providerId, group, today);
  return raised;
}

async function raiseForContract(
  q: Queryable,
  contracts: ContractRegistry,
  providerId: string,
  rows: readonly { id: string; part: string; level: string; takenOn: string; result: 'passed' | 'failed'; municipalityId: string; contractId: string | null; contractVersion: number | null }[],
  today: IsoDate,
): Promise<number> {
  const first = rows[0];
  if (first === undefined) return 0;
  const rules = examRulesOf(first.contractId === null || first.contractVersion === null ? undefined : versionOf(contracts, { contractId: first.contractId, contractVersion: first.contractVersion }));
  const attempts: ExamAttempt[] = rows.map((r) => ({ id: r.id, part: r.part as ExamAttempt['part'], takenOn: r.takenOn, level: isCefrLevel(r.level) ? r.level : null, result: r.result }));
  const months = passRateSignalMonths(monthlyPassRates(attempts, first.takenOn.slice(0, 7), today.slice(0, 7)), rules);
  let raised = 0;
  for (const month of months) {
    // Each municipality whose residents sat these exams is told, and is owed the plan (002 eis 44).
    const from = addMonths(`${month}-01`, -(rules.passRateMonths - 1));
    const municipalities = [...new Set(rows.filter((r) => r.takenOn >= from && r.takenOn.slice(0, 7) <= month).map((r) => r.municipalityId))];
    for (const municipalityId of municipalities) {
      raised += await raiseSignals(
        q,
        // The sources set no term for the analysis: due from the day it is raised.
        [{ cause: 'exam.passRateLow', subject: { type: 'provider', id: providerId }, period: `${month}:${municipalityId}`, addressee: 'provider', dueDate: today, municipalityId, providerId, participantId: null, productCode: null }],
        today,
      );
    }
  }
  return raised;
}
