// The attendance rate of every participant in the actor's room over a window (R-ATT-3, R-ATT-5), as
// ONE SQL statement: the aggregate, the norm filter, the sort, the page and the total. The aggregate reads
// the attendance read model (issue #13), not the attendance rows. The scope is in
// the SQL three times — the attendance rows (attendanceInScope), the memberships (groupInScope) and the
// participant (participantInScope) — so a provider counts only its own lessons and a municipality only
// its own residents. The arithmetic repeats attendanceRate() and belowNorm() of src/domain/attendance.ts
// (test/attendance-rates.int.test.ts holds the two together): change one, change the other. The norm is
// each participant's own: its contract version's absenceProtocol.normPercent (R-CON-7, issue #10).
import { attendanceInScope, groupInScope, participantInScope, SqlParams, type Scope } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';
import { attendanceMonthSource } from '../attendance-month/source.js';
import type { RateSort } from './schemas.js';

export interface RateRow {
  participantId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  clientNumber: string | null;
  municipalityId: string;
  offeredMinutes: number;
  attendedMinutes: number;
  rate: number | null;
  normPercent: number;
  belowNorm: boolean;
  authorised: number;
  unauthorised: number;
  unclassified: number;
}

/** R-CON-7: the norm of each contract version; `fallback` where none governs (001 §2.3.1). */
export interface Norms {
  byVersion: readonly { contractId: string; version: number; normPercent: number }[];
  fallback: number;
}

export interface RateWindow {
  from: string;
  to: string;
  norms: Norms;
  belowNorm: boolean | undefined;
  sort: RateSort;
  page: number;
  pageSize: number;
}

const ORDER: Record<RateSort, string> = {
  // Equal fractions tie on the name; participants without a rate come last either way.
  rate: 'r."rate" ASC NULLS LAST, r."familyName", r."givenName", r."participantId"',
  '-rate': 'r."rate" DESC NULLS LAST, r."familyName", r."givenName", r."participantId"',
  name: 'r."familyName", r."givenName", r."participantId"',
  '-name': 'r."familyName" DESC, r."givenName" DESC, r."participantId" DESC',
};

/** The rated participants of the room over the window, as CTEs ending in `rated` (shared by list and summary). */
function ratedCte(scope: Scope, p: SqlParams, w: Pick<RateWindow, 'from' | 'to' | 'norms'>): string {
  const from = `${p.add(w.from)}::date`;
  const to = `${p.add(w.to)}::date`;
  const ids = p.add(w.norms.byVersion.map((n) => n.contractId));
  const versions = p.add(w.norms.byVersion.map((n) => n.version));
  const percents = p.add(w.norms.byVersion.map((n) => n.normPercent));
  const fallback = p.add(w.norms.fallback);
  return `
    WITH norms AS (
      SELECT * FROM unnest(${ids}::text[], ${versions}::int[], ${percents}::numeric[]) AS n(contract_id, version, norm_percent)
    ),
    -- The read model (issue #13, src/features/attendance-month/source.ts): whole months from
    -- attendance_month, ragged ends from the raw rows; the make-up minutes are capped over the window below.
    facts AS (
      SELECT x.participant_id, sum(x.offered) AS offered, sum(x.attended) AS attended, sum(x.made_up) AS made_up,
        sum(x.authorised) AS authorised, sum(x.unauthorised) AS unauthorised, sum(x.unclassified) AS unclassified
      FROM ${attendanceMonthSource(p, w.from, w.to)} x
      WHERE ${attendanceInScope(scope, p, 'x', 'x')}
      GROUP BY x.participant_id
    ),
    -- Members of a group in the room during the window with nothing recorded still appear (rate null).
    subjects AS (
      SELECT participant_id FROM facts
      UNION
      SELECT gm.participant_id FROM group_member gm JOIN class_group g ON g.id = gm.group_id
      WHERE gm.member_from <= ${to} AND (gm.member_to IS NULL OR gm.member_to > ${from}) AND ${groupInScope(scope, p, 'g')}
    ),
    rated AS (
      SELECT pp.id AS "participantId", pp.given_name AS "givenName", pp.family_name AS "familyName", pp.date_of_birth AS "dateOfBirth", pp.client_number AS "clientNumber", pp.municipality_id AS "municipalityId",
        x.offered AS "offeredMinutes", x.effective AS "attendedMinutes",
        CASE WHEN x.offered = 0 THEN NULL ELSE x.effective::float8 / x.offered * 100 END AS "rate",
        nv.norm_percent::float8 AS "normPercent",
        (x.offered > 0 AND x.effective * 100 < nv.norm_percent * x.offered) AS "belowNorm",
        x.authorised, x.unauthorised, x.unclassified
      FROM subjects s JOIN participant pp ON pp.id = s.participant_id
      LEFT JOIN facts f ON f.participant_id = s.participant_id
      -- The norm of the contract version of the latest placement's referral, as the absence rules
      -- read it (src/features/groups/placement.ts governingPlacement).
      LEFT JOIN LATERAL (SELECT r.contract_id, r.contract_version FROM group_member gm JOIN referral r ON r.id = gm.referral_id
          WHERE gm.participant_id = s.participant_id ORDER BY gm.member_from DESC, gm.created_at DESC LIMIT 1) gov ON true
      CROSS JOIN LATERAL (SELECT COALESCE((SELECT n.norm_percent FROM norms n WHERE n.contract_id = gov.contract_id AND n.version = gov.contract_version),
          ${fallback}::numeric) AS norm_percent) nv
      CROSS JOIN LATERAL (SELECT COALESCE(f.offered, 0)::bigint AS offered,
          (COALESCE(f.attended, 0) + least(COALESCE(f.made_up, 0), COALESCE(f.offered, 0) - COALESCE(f.attended, 0)))::bigint AS effective,
          COALESCE(f.authorised, 0)::int AS authorised, COALESCE(f.unauthorised, 0)::int AS unauthorised, COALESCE(f.unclassified, 0)::int AS unclassified) x
      WHERE ${participantInScope(scope, p, 'pp')}
    )`;
}

export async function listAttendanceRates(q: Queryable, scope: Scope, w: RateWindow): Promise<{ rows: RateRow[]; total: number }> {
  const p = new SqlParams();
  const filter = w.belowNorm === undefined ? 'true' : w.belowNorm ? 'r."belowNorm"' : 'NOT r."belowNorm"';
  const sql = `
    ${ratedCte(scope, p, w)},
    shown AS (SELECT * FROM rated r WHERE ${filter})
    SELECT t.total, pr.*
    FROM (SELECT count(*)::int AS total FROM shown) t
    LEFT JOIN LATERAL (SELECT * FROM shown r ORDER BY ${ORDER[w.sort]} LIMIT ${p.add(w.pageSize)} OFFSET ${p.add((w.page - 1) * w.pageSize)}) pr ON true`;
  const rows = await q.query<RateRow & { total: number }>(sql, p.values);
  const total = rows[0]?.total ?? 0;
  // The LEFT JOIN gives one row of nulls when the page is empty: it carried the total only.
  return { rows: rows.filter((r) => r.participantId !== null).map(({ total: _t, ...r }) => r), total };
}

export interface RateSummary {
  total: number;
  belowNorm: number;
  /** Members with nothing offered in the window (no rate). */
  withoutLessons: number;
  /** The lowest norm among the rated participants; the fallback when there are none. */
  normPercent: number;
  /** Participants per band of ten percentage points: [0,10), [10,20) … [90,100]. */
  bands: number[];
}

/**
 * Counts only, for the distribution chart and the headline (issue #4 item 7): no names leave the
 * database, so no participant is read and no audit line is owed.
 */
export async function summarizeAttendanceRates(q: Queryable, scope: Scope, w: Pick<RateWindow, 'from' | 'to' | 'norms'>): Promise<RateSummary> {
  const p = new SqlParams();
  const rows = await q.query<{ total: number; below: number; none: number; norm: number | null; band: number | null; n: number }>(
    `${ratedCte(scope, p, w)}
    SELECT (SELECT count(*)::int FROM rated) AS total, (SELECT count(*)::int FROM rated WHERE "belowNorm") AS below,
      (SELECT min("normPercent") FROM rated) AS norm,
      (SELECT count(*)::int FROM rated WHERE "rate" IS NULL) AS none, b.band, b.n
    FROM (SELECT least(floor("rate" / 10), 9)::int AS band, count(*)::int AS n FROM rated WHERE "rate" IS NOT NULL GROUP BY 1) b
    RIGHT JOIN (SELECT 1) one ON true`,
    p.values,
  );
  const bands = new Array<number>(10).fill(0);
  for (const r of rows) if (r.band !== null) bands[r.band] = r.n;
  return { total: rows[0]?.total ?? 0, belowNorm: rows[0]?.below ?? 0, withoutLessons: rows[0]?.none ?? 0, normPercent: rows[0]?.norm ?? w.norms.fallback, bands };
}
