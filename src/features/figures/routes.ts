// Figures for the policy officer and the contract manager (issue #10 item 5: a home with something real
// for each role; SPEC §0: aggregates only). Per municipality in the actor's room — the policy officer's
// own municipality, the contract manager's region — the referrals per phase and the attendance rate of
// the current month so far. Counts, no persons: no audit line. For the contract manager small cells are
// suppressed (R-MI-6, src/domain/small-cells.ts) and, since the page shows the room's totals, further
// cells beside them, so that a total minus the shown cells tells no hidden count (secondary suppression,
// src/domain/reports/suppression.ts). Later issues (KPIs, quarterly figures) add more.
import { z } from 'zod';
import { suppressTable } from '../../domain/reports/suppression.js';
import { SMALL_CELL_THRESHOLD } from '../../domain/small-cells.js';
import type { RequestContext } from '../../platform/access.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';

const Count = z.number().int().nullable().describe('R-MI-6: null when suppressed (fewer than the threshold, for contract managers)');

export const MunicipalityFigures = z.object({
  municipality: z.object({ id: z.uuid(), name: z.string() }),
  /** Referrals whose route has not started yet (acknowledgement, intake, learning plan). */
  referralsPreparing: Count,
  /** Referrals whose route has started (R-REF-4); an ended route still counts here until route ends are counted (a later issue). */
  referralsStarted: Count,
  /** R-ATT-3: attended / offered minutes of this month's regular lessons so far, in percent; null when nothing was offered. */
  attendancePercent: z.number().nullable(),
  participantsWithAttendance: Count,
});

export const Figures = z.object({
  today: z.string(),
  month: z.string(),
  suppressedBelow: z.number().int().nullable(),
  municipalities: z.array(MunicipalityFigures),
  /** The sums over the municipalities above (a participant counts in each municipality it attended for). */
  totals: z.object({ referralsPreparing: Count, referralsStarted: Count, participantsWithAttendance: Count }),
});

/** The municipalities the actor reads aggregates of; none for any other organisation (deny by default). */
function roomOf(ctx: RequestContext): { column: 'id' | 'region_id'; id: string } | undefined {
  if (ctx.actor.role === 'policyOfficer' && ctx.organisation.kind === 'municipality') return { column: 'id', id: ctx.organisation.id };
  if (ctx.actor.role === 'contractManager' && ctx.organisation.kind === 'region') return { column: 'region_id', id: ctx.organisation.id };
  return undefined;
}

interface Row {
  id: string;
  name: string;
  preparing: number;
  running: number;
  offered: number;
  attended: number;
  participants: number;
}

export const registerFigureRoutes: RouteRegistrar = (app, deps) => {
  app.get(
    '/api/v1/figures',
    {
      config: { permission: 'figures.read' },
      schema: { tags: ['figures'], summary: 'Aggregates per municipality in the room: referrals per phase and this month\'s attendance (no personal data)', response: { 200: Figures } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const today = deps.clock.today();
      const month = today.slice(0, 7);
      const room = roomOf(ctx);
      const none = { referralsPreparing: 0, referralsStarted: 0, participantsWithAttendance: 0 };
      if (room === undefined) return { today, month, suppressedBelow: null, municipalities: [], totals: none };
      // Regular lessons only, as the attendance rate counts them (R-ATT-3, R-ATT-5: make-up lessons only make up).
      const rows = await deps.db.query<Row>(
        `SELECT m.id, m.name,
           (SELECT count(*)::int FROM referral r WHERE r.municipality_id = m.id AND r.status <> 'running') AS preparing,
           (SELECT count(*)::int FROM referral r WHERE r.municipality_id = m.id AND r.status = 'running') AS running,
           COALESCE(att.offered, 0)::int AS offered, COALESCE(att.attended, 0)::int AS attended, COALESCE(att.participants, 0)::int AS participants
         FROM municipality m
         LEFT JOIN LATERAL (
           SELECT sum(l.minutes) AS offered, sum(least(a.minutes_attended, l.minutes)) AS attended, count(DISTINCT a.participant_id) AS participants
           FROM attendance a JOIN lesson l ON l.id = a.lesson_id
           WHERE a.municipality_id = m.id AND l.date BETWEEN $2::date AND $3::date AND NOT l.cancelled_by_provider AND l.kind <> 'makeUp'
         ) att ON true
         WHERE m.${room.column} = $1
         ORDER BY m.name, m.id`,
        [room.id, `${month}-01`, today],
      );
      const suppress = ctx.actor.role === 'contractManager';
      if (rows.length === 0) return { today, month, suppressedBelow: suppress ? SMALL_CELL_THRESHOLD : null, municipalities: [], totals: none };
      // Two tables, as the page has two kinds of count: referrals (preparing + started = the municipality's
      // referrals, treated as shown though the page leaves that sum out) and participants with lessons.
      const referrals = suppressTable({ cells: rows.map((r) => [r.preparing, r.running]) });
      const participants = suppressTable({ cells: rows.map((r) => [r.participants]) });
      const shown = <T>(suppressed: T, plain: T): T => (suppress ? suppressed : plain);
      return {
        today,
        month,
        suppressedBelow: suppress ? SMALL_CELL_THRESHOLD : null,
        municipalities: rows.map((r, i) => {
          const withAttendance = shown(participants.cells[i]?.[0] ?? null, r.participants);
          return {
            municipality: { id: r.id, name: r.name },
            referralsPreparing: shown(referrals.cells[i]?.[0] ?? null, r.preparing),
            referralsStarted: shown(referrals.cells[i]?.[1] ?? null, r.running),
            // A rate over fewer participants than the threshold would tell about a person: suppressed with them.
            attendancePercent: r.offered === 0 || withAttendance === null ? null : Math.round((1000 * r.attended) / r.offered) / 10,
            participantsWithAttendance: withAttendance,
          };
        }),
        totals: {
          referralsPreparing: shown(referrals.columnTotals[0] ?? null, sum(rows.map((r) => r.preparing))),
          referralsStarted: shown(referrals.columnTotals[1] ?? null, sum(rows.map((r) => r.running))),
          participantsWithAttendance: shown(participants.columnTotals[0] ?? null, sum(rows.map((r) => r.participants))),
        },
      };
    },
  );
};

function sum(ns: number[]): number {
  return ns.reduce((a, b) => a + b, 0);
}
