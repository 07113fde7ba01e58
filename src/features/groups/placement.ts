// Which referral governs a participant's attendance (R-CON-10): the latest placement in a group says
// which referral, and so which contract version and norm. Read here, by the groups feature that owns
// placements and attendance, for the screens and for the absence signals (src/features/signals/raisers/absence.ts).
import { DEFAULT_NORM_PERCENT, type MonthMinutes } from '../../domain/attendance.js';
import type { AbsenceProtocol, IsoDate } from '../../domain/contract.js';
import { versionOf, type ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import type { AbsenceFacts, AbsenceWindowFacts } from '../signals/raisers/absence.js';
import { unsafeAttendanceFacts } from './store.js';

interface Placement {
  municipalityId: string;
  providerId: string;
  productCode: string;
  contractId: string;
  contractVersion: number;
}

/** The participant's latest placement says which referral, and so which contract version, governs. */
export async function governingPlacement(tx: Queryable, participantId: string): Promise<Placement | undefined> {
  const rows = await tx.query<Placement>(
    `SELECT r.municipality_id AS "municipalityId", r.provider_id AS "providerId", r.product_code AS "productCode",
       r.contract_id AS "contractId", r.contract_version AS "contractVersion"
     FROM group_member gm JOIN referral r ON r.id = gm.referral_id
     WHERE gm.participant_id = $1 ORDER BY gm.member_from DESC, gm.created_at DESC LIMIT 1`,
    [participantId],
  );
  return rows[0];
}

/** The absence protocol of a contract version, if it has one (R-CON-7). */
export function absenceProtocolOf(contracts: ContractRegistry, contractId: string, contractVersion: number): AbsenceProtocol | undefined {
  return versionOf(contracts, { contractId, contractVersion })?.absenceProtocol;
}

/** R-ATT-3: the norm that governs this participant — its contract's, else 001 §2.3.1's 80%. */
export async function normPercentOf(tx: Queryable, contracts: ContractRegistry, participantId: string): Promise<number> {
  const placement = await governingPlacement(tx, participantId);
  const protocol = placement === undefined ? undefined : absenceProtocolOf(contracts, placement.contractId, placement.contractVersion);
  return protocol?.normPercent ?? DEFAULT_NORM_PERCENT;
}

/** Every contract version's norm, for SQL that applies the norm per participant (attendance-rates). */
export function contractNorms(contracts: ContractRegistry): { contractId: string; version: number; normPercent: number }[] {
  return contracts.contracts.flatMap((c) =>
    c.versions.flatMap((v) => (v.absenceProtocol === undefined ? [] : [{ contractId: c.id, version: v.version, normPercent: v.absenceProtocol.normPercent }])),
  );
}

/** What the absence rules need of one participant; undefined without a placement (no signals then). */
export async function absenceFactsOf(tx: Queryable, contracts: ContractRegistry, participantId: string): Promise<AbsenceFacts | undefined> {
  const placement = await governingPlacement(tx, participantId);
  if (placement === undefined) return undefined;
  const protocol = absenceProtocolOf(contracts, placement.contractId, placement.contractVersion);
  // A contract without an absence protocol configures no absence signals (R-CON-7): no facts to read.
  const facts = protocol === undefined ? [] : await unsafeAttendanceFacts(tx, participantId);
  const { municipalityId, providerId, productCode } = placement;
  return { participantId, placement: { municipalityId, providerId, productCode }, protocol, facts };
}

/** Issue #16: what an import changed of one participant's attendance, for the absence rules' windows. */
export interface AbsenceChange {
  participantId: string;
  /** The first day with a changed row. */
  from: IsoDate;
  /** The months ('YYYY-MM') with a changed row that is now an absence. */
  absentMonths: readonly string[];
  /** A changed row is now a no-show without reason (001 §2.3.2). */
  noShow: boolean;
}

/** The latest placement of each of these participants (governingPlacement, set-based). */
async function governingPlacements(tx: Queryable, participantIds: readonly string[]): Promise<Map<string, Placement>> {
  const rows = await tx.query<Placement & { participantId: string }>(
    `SELECT DISTINCT ON (gm.participant_id) gm.participant_id AS "participantId", r.municipality_id AS "municipalityId", r.provider_id AS "providerId",
       r.product_code AS "productCode", r.contract_id AS "contractId", r.contract_version AS "contractVersion"
     FROM group_member gm JOIN referral r ON r.id = gm.referral_id
     WHERE gm.participant_id = ANY($1::uuid[]) ORDER BY gm.participant_id, gm.member_from DESC, gm.created_at DESC`,
    [[...participantIds]],
  );
  return new Map(rows.map((r) => [r.participantId, r]));
}

// A participant's lessons with attendance in the months from `lo` on, found through the read model's
// (participant, group, month) keys: a lesson-index range per month and one attendance key lookup per
// lesson, instead of every row of the participant. (OFFSET 0 here and below keeps each lookup a
// per-participant index scan: without it the planner, blind to unnest's size, hashes whole tables.)
const HELD_FROM = (w: string, lo: string, before = "'infinity'::date") => `JOIN LATERAL (SELECT DISTINCT am.group_id, am.month FROM attendance_month am
     WHERE am.participant_id = ${w}.participant_id AND am.month >= date_trunc('month', ${lo})::date AND am.month < ${before}) g ON true
   JOIN lesson l ON l.group_id = g.group_id AND l.date >= g.month AND l.date < (g.month + interval '1 month')::date AND l.date >= ${lo}
   JOIN LATERAL (SELECT a.present FROM attendance a WHERE a.lesson_id = l.id AND a.participant_id = ${w}.participant_id OFFSET 0) a ON true`;
const REGULAR = `NOT l.cancelled_by_provider AND l.kind <> 'makeUp'`;

/**
 * Issue #16: what the absence rules (raiseAbsenceSignalsForMany) need of the participants of an import,
 * read set-based and only where the import can change a signal. Every participant with a protocol: the
 * month sums of every month (below the norm is judged on each complete month, as absenceSignals does).
 * Those with changed rows: the frequent-absence day of the months where a row became an absence; every
 * no-show when one was added (the first may have moved); the absences longer than a week from the last
 * day attended before the first change (a run of absences cannot reach back past it).
 */
export async function absenceWindowFactsOf(
  tx: Queryable,
  contracts: ContractRegistry,
  participantIds: readonly string[],
  changes: readonly AbsenceChange[],
  today: IsoDate,
): Promise<AbsenceWindowFacts[]> {
  const placements = await governingPlacements(tx, participantIds);
  const out = new Map<string, AbsenceWindowFacts>();
  for (const [participantId, p] of placements) {
    const protocol = absenceProtocolOf(contracts, p.contractId, p.contractVersion);
    // A contract without an absence protocol configures no absence signals (R-CON-7): nothing to read.
    if (protocol === undefined) continue;
    const { municipalityId, providerId, productCode } = p;
    out.set(participantId, { participantId, placement: { municipalityId, providerId, productCode }, protocol, months: [], frequent: [], noShows: [], longAbsences: [] });
  }
  const ids = [...out.keys()];
  if (ids.length === 0) return [];
  const mine = changes.filter((c) => out.has(c.participantId));
  const at = (id: string) => out.get(id) as AbsenceWindowFacts;

  const months = await tx.query<MonthMinutes & { participantId: string }>(
    `SELECT am.participant_id AS "participantId", to_char(am.month, 'YYYY-MM') AS month, sum(am.offered_minutes)::int AS offered,
       sum(am.attended_minutes)::int AS attended, sum(am.made_up_minutes)::int AS "madeUp"
     FROM attendance_month am WHERE am.participant_id = ANY($1::uuid[]) AND am.month <= $2::date GROUP BY am.participant_id, am.month ORDER BY 1, 2`,
    [ids, today],
  );
  for (const { participantId, ...m } of months) at(participantId).months.push(m);

  const absent = mine.flatMap((c) => c.absentMonths.map((m) => ({ id: c.participantId, month: `${m}-01`, k: at(c.participantId).protocol.absencesPerMonth })));
  if (absent.length > 0) {
    const hits = await tx.query<{ participantId: string; month: string; on: IsoDate }>(
      `WITH w AS (SELECT * FROM unnest($1::uuid[], $2::date[], $3::int[]) AS w(participant_id, month, k)),
       n AS (SELECT w.participant_id, w.month, w.k, l.date, row_number() OVER (PARTITION BY w.participant_id, w.month ORDER BY l.date, l.id) AS i
         FROM w JOIN LATERAL (SELECT a.lesson_id FROM attendance a WHERE a.participant_id = w.participant_id AND NOT a.present OFFSET 0) a ON true
         JOIN lesson l ON l.id = a.lesson_id AND l.date >= w.month AND l.date < (w.month + interval '1 month')::date
         WHERE ${REGULAR} AND l.date <= $4::date)
       SELECT participant_id AS "participantId", to_char(month, 'YYYY-MM') AS month, date AS "on" FROM n WHERE i = k`,
      [absent.map((a) => a.id), absent.map((a) => a.month), absent.map((a) => a.k), today],
    );
    for (const h of hits) at(h.participantId).frequent.push({ month: h.month, on: h.on });
  }

  const noShow = mine.filter((c) => c.noShow).map((c) => c.participantId);
  if (noShow.length > 0) {
    // Through the partial index attendance_absent (migration 0040), as the month's absences above.
    const rows = await tx.query<{ participantId: string; date: IsoDate; sessionId: string }>(
      `SELECT w.id AS "participantId", l.date, a.lesson_id AS "sessionId" FROM unnest($1::uuid[]) AS w(id)
       JOIN LATERAL (SELECT a.lesson_id FROM attendance a WHERE a.participant_id = w.id AND NOT a.present AND NOT a.called_in AND a.reason IS NULL OFFSET 0) a ON true
       JOIN lesson l ON l.id = a.lesson_id WHERE ${REGULAR} AND l.date <= $2::date
       ORDER BY w.id, l.date, a.lesson_id`,
      [noShow, today],
    );
    for (const r of rows) at(r.participantId).noShows.push({ date: r.date, sessionId: r.sessionId });
  }

  if (mine.length > 0) {
    // The last day attended before the first change, looked for in that month and the one before; else from the start.
    const lows = await tx.query<{ participantId: string; lo: IsoDate | null }>(
      `WITH w AS (SELECT * FROM unnest($1::uuid[], $2::date[]) AS w(participant_id, first))
       SELECT w.participant_id AS "participantId", (SELECT max(l.date) FROM (SELECT w.participant_id) x
           ${HELD_FROM('x', "(w.first - interval '1 month')::date", 'w.first')}
           WHERE a.present AND ${REGULAR} AND l.date < w.first) AS lo
       FROM w`,
      [mine.map((c) => c.participantId), mine.map((c) => c.from)],
    );
    const runs = await tx.query<{ participantId: string; start: IsoDate; on: IsoDate }>(
      `WITH w AS (SELECT * FROM unnest($1::uuid[], $2::date[], $3::int[]) AS w(participant_id, lo, days)),
       f AS (SELECT w.participant_id, w.days, l.date, l.id, a.present FROM w ${HELD_FROM('w', 'w.lo')} WHERE ${REGULAR} AND l.date <= $4::date),
       r AS (SELECT f.*, count(*) FILTER (WHERE f.present) OVER (PARTITION BY f.participant_id ORDER BY f.date, f.id ROWS UNBOUNDED PRECEDING) AS run FROM f),
       s AS (SELECT r.participant_id, r.days, r.date, min(r.date) OVER (PARTITION BY r.participant_id, r.run) AS start FROM r WHERE NOT r.present)
       SELECT participant_id AS "participantId", start, min(date) AS "on" FROM s WHERE date - start > days GROUP BY participant_id, start`,
      [lows.map((l) => l.participantId), lows.map((l) => l.lo ?? '0001-01-01'), lows.map((l) => at(l.participantId).protocol.longAbsenceDays), today],
    );
    for (const r of runs) at(r.participantId).longAbsences.push({ start: r.start, on: r.on });
  }
  return [...out.values()];
}
