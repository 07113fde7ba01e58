// The attendance-rate list (issue #4 item 7): every participant in the actor's room with attended /
// offered minutes over a window (R-ATT-3, make-up lessons R-ATT-5), below the norm or not, absences by
// the municipality's classification (R-ATT-2). For the municipality's consultant and the provider's
// coordinator; computed in one SQL statement (store.ts) and audited with one line per participant shown
// (R-SEC-2), in the same transaction.
import { DEFAULT_NORM_PERCENT } from '../../domain/attendance.js';
import { addCalendarDays, addMonths } from '../../domain/calendar.js';
import { contractNorms } from '../groups/placement.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { EXPORT_BATCH, pagedSource } from '../../platform/http/export.js';
import type { ParticipantRate, RateExportQuery, RateListQuery, RateSummaryQuery } from './schemas.js';
import { listAttendanceRates as listRows, summarizeAttendanceRates, type Norms, type RateRow } from './store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

/** R-CON-7 / R-ATT-3: each participant is judged against its contract's norm, as the signals are (R-ATT-4). */
const normsOf = (deps: Deps): Norms => ({ byVersion: contractNorms(deps.contracts), fallback: DEFAULT_NORM_PERCENT });

/** One aggregate over a whole municipality: at most a year (and a day) per request. */
const MAX_WINDOW_DAYS = 366;

/** The window asked for, checked, in the room of a municipality or a provider's coordinator. */
async function windowOf(deps: Deps, ctx: RequestContext, query: RateSummaryQuery) {
  const to = query.to ?? deps.clock.today();
  const from = query.from ?? `${addMonths(to, -2).slice(0, 7)}-01`;
  // The municipality and the provider's coordinator; a teacher or a participant has the permission
  // for single lessons and its own file, not for this list (data minimisation).
  if (ctx.scope.kind !== 'municipality' && ctx.scope.kind !== 'provider') {
    await recordAudit(deps.db, deps.crypto, ctx, { name: 'attendance.read', status: 'error', subjects: [], objectType: 'attendanceRates', summary: "outside the actor's scope" });
    throw notFound();
  }
  if (to < from) throw unprocessable('to', 'beforeStart', 'De einddatum ligt voor de begindatum.');
  if (addCalendarDays(from, MAX_WINDOW_DAYS) <= to) throw unprocessable('to', 'rangeTooLong', 'Vraag hoogstens een jaar tegelijk op.');
  return { from, to, scope: ctx.scope };
}

/** Counts per band and below the norm, for the chart: no names, so no participant read to audit. */
export async function summarize(deps: Deps, ctx: RequestContext, query: RateSummaryQuery) {
  const { from, to, scope } = await windowOf(deps, ctx, query);
  const summary = await summarizeAttendanceRates(deps.db, scope, { from, to, norms: normsOf(deps) });
  return { from, to, ...summary };
}

function toRate(r: RateRow): ParticipantRate {
  return {
    participantId: r.participantId,
    givenName: r.givenName,
    familyName: r.familyName,
    dateOfBirth: r.dateOfBirth,
    clientNumber: r.clientNumber,
    municipalityId: r.municipalityId,
    offeredMinutes: r.offeredMinutes,
    attendedMinutes: r.attendedMinutes,
    rate: r.rate,
    normPercent: r.normPercent,
    belowNorm: r.belowNorm,
    absences: { authorised: r.authorised, unauthorised: r.unauthorised, unclassified: r.unclassified },
  };
}

/**
 * R-EXC-3: the whole filtered list for the export, with the list's SQL and window check (the first batch
 * runs the check, so a refusal is still a problem+json answer), read and audited batch by batch.
 */
export function rateExportSource(deps: Deps, ctx: RequestContext, query: RateExportQuery): () => Promise<readonly ParticipantRate[]> {
  let window: Awaited<ReturnType<typeof windowOf>> | undefined;
  return pagedSource(EXPORT_BATCH, async (page, pageSize) => {
    window ??= await windowOf(deps, ctx, query);
    const { from, to, scope } = window;
    return deps.db.transaction(async (tx) => {
      const { rows } = await listRows(tx, scope, { from, to, norms: normsOf(deps), belowNorm: query.belowNorm, sort: query.sort, page, pageSize });
      if (page === 1 || rows.length > 0) {
        await recordAudit(tx, deps.crypto, ctx, {
          name: 'attendance.read',
          status: 'ok',
          subjects: rows.map((r) => ({ participantId: r.participantId, municipalityId: r.municipalityId })),
          objectType: 'attendanceRates',
          summary: `${from}..${to} export ${query.format} batch ${page}: ${rows.length} rows`,
        });
      }
      return rows.map(toRate);
    });
  });
}

export async function listAttendanceRates(deps: Deps, ctx: RequestContext, query: RateListQuery) {
  const { from, to, scope } = await windowOf(deps, ctx, query);
  const window = `${from}..${to}`;
  const { rows, total } = await deps.db.transaction(async (tx) => {
    const found = await listRows(tx, scope, { from, to, norms: normsOf(deps), belowNorm: query.belowNorm, sort: query.sort, page: query.page, pageSize: query.pageSize });
    await recordAudit(tx, deps.crypto, ctx, {
      name: 'attendance.read',
      status: 'ok',
      subjects: found.rows.map((r) => ({ participantId: r.participantId, municipalityId: r.municipalityId })),
      objectType: 'attendanceRates',
      summary: window,
    });
    return found;
  });
  return {
    from,
    to,
    // The lowest norm among those shown (each item has its own); 80% (001 §2.3.1) for an empty page.
    normPercent: rows.length === 0 ? DEFAULT_NORM_PERCENT : Math.min(...rows.map((r) => r.normPercent)),
    items: rows.map(toRate),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
