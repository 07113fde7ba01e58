// The participation provider's list (issue #12): every participant in the actor's room with a
// participation or MAP referral, with what the day needs per row. The room is the participant's
// (participantInScope), so the language provider and the consultant read the same list. Hours, the
// practical part and the meetings come from the same pure rules as the participant's summary; the rows
// are few per provider (its participation referrals), so they are sorted and paged after the rules ran;
// their activities, ladders and portfolios are read in one statement each for the whole room.
import { latestLadderSteps, mapPracticalStatus, minutesByActivityHourKind, participationMeetingsDue, PARTICIPATION_MEETING_EVERY_HOURS, type LadderStep } from '../../domain/participation.js';
import { participantInScope, SqlParams, type RequestContext } from '../../platform/access.js';
import { recordAudit, uniqueSubjects } from '../../platform/audit.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { EXPORT_BATCH, pagedSource, type ExportColumn } from '../../platform/http/export.js';
import type { AppDeps } from '../../platform/http/server.js';
import { segmentWhere } from '../../platform/http/segment.js';
import { isYouth } from '../../domain/youth.js';
import type { ParticipationExportQuery, ParticipationListQuery, ParticipationPage, ParticipationRow, ParticipationSort } from './list-schemas.js';
import { hoursOf, productOf } from './service.js';
import { unsafePortfolioCompleteMany } from './portfolio-status.js';
import { unsafeActivitiesOfMany, unsafeLadderOfMany } from './store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

/** The product codes of kind participation or MAP in any contract. */
function participationProducts(contracts: ContractRegistry): string[] {
  return [...new Set(contracts.contracts.flatMap((c) => c.products.filter((p) => p.kind === 'participation' || p.kind === 'map').map((p) => p.code)))];
}

interface Base {
  participantId: string;
  municipalityId: string;
  givenName: string;
  familyName: string;
  clientNumber: string | null;
  municipalityName: string;
  referralId: string;
  productCode: string;
  contractId: string;
  providerName: string;
  startedOn: string | null;
  dateOfBirth: string;
}

/** `on`: the youth segment's reference date (R-PAR-4), the query's or today. */
async function rowsOf(q: Queryable, contracts: ContractRegistry, ctx: RequestContext, query: Pick<ParticipationListQuery, 'q' | 'participantId' | 'sort' | 'portfolio' | 'segment'>, on: string): Promise<(ParticipationRow & { municipalityId: string })[]> {
  const p = new SqlParams();
  const segment = segmentWhere(p, 'p.date_of_birth', query.segment, on).map((c) => `AND ${c}`).join(' ');
  const search = query.q === undefined || query.q === '' ? '' : `AND (p.given_name || ' ' || p.family_name ILIKE ${p.add(`%${query.q}%`)} OR p.client_number ILIKE ${p.add(`%${query.q}%`)})`;
  const one = query.participantId === undefined ? '' : `AND p.id = ${p.add(query.participantId)}`;
  const base = await q.query<Base>(
    `SELECT DISTINCT ON (p.id) p.id AS "participantId", p.municipality_id AS "municipalityId", p.given_name AS "givenName", p.family_name AS "familyName",
       p.client_number AS "clientNumber", m.name AS "municipalityName", r.id AS "referralId", r.product_code AS "productCode", r.contract_id AS "contractId",
       pr.name AS "providerName", r.started_on::text AS "startedOn", p.date_of_birth::text AS "dateOfBirth"
     FROM participant p JOIN municipality m ON m.id = p.municipality_id JOIN referral r ON r.participant_id = p.id JOIN provider pr ON pr.id = r.provider_id
     WHERE r.product_code = ANY(${p.add(participationProducts(contracts))}) AND ${participantInScope(ctx.scope, p)} ${search} ${one} ${segment}
       ${ctx.scope.kind === 'provider' ? `ORDER BY p.id, (r.provider_id = ${p.add(ctx.scope.providerId)}) DESC, r.referred_on DESC` : 'ORDER BY p.id, r.referred_on DESC'}`,
    p.values,
  );
  // Three more statements for the whole room, not three per participant.
  const ids = base.map((b) => b.participantId);
  const activitiesOf = await unsafeActivitiesOfMany(q, ids);
  const laddersOf = await unsafeLadderOfMany(q, ids);
  const portfoliosOf = await unsafePortfolioCompleteMany(q, contracts, ids);
  const out: (ParticipationRow & { municipalityId: string })[] = [];
  for (const b of base) {
    const activities = activitiesOf.get(b.participantId) ?? [];
    const hours = hoursOf(activities);
    const product = productOf(contracts, b);
    const z = hoursOf(activities.filter((a) => { const k = productOf(contracts, a); return k?.kind === 'participation' && k.routes.includes('z'); }));
    const zRoute = product?.kind === 'participation' && product.routes.includes('z');
    const meetings = participationMeetingsDue(z);
    const latest = latestLadderSteps((laddersOf.get(b.participantId) ?? []).map((r) => ({ ...r, step: r.step as LadderStep })));
    const practical = mapPracticalStatus(hours);
    out.push({
      participantId: b.participantId,
      municipalityId: b.municipalityId,
      givenName: b.givenName,
      familyName: b.familyName,
      clientNumber: b.clientNumber,
      municipalityName: b.municipalityName,
      referralId: b.referralId,
      productKind: product?.kind === 'map' ? 'map' : 'participation',
      productName: product?.name ?? b.productCode,
      providerName: b.providerName,
      startedOn: b.startedOn,
      totalMinutes: hours.reduce((s, a) => s + a.minutes, 0),
      byHourKind: minutesByActivityHourKind(hours),
      mapPractical: { minutes: practical.minutes, requiredMinutes: practical.requiredMinutes, met: practical.met },
      meetingsDue: meetings.length,
      nextMeetingAtHours: zRoute ? (meetings.length + 1) * PARTICIPATION_MEETING_EVERY_HOURS : null,
      ladderStep: (latest.atEnd ?? latest.during ?? latest.atReferral)?.step ?? null,
      portfolioComplete: portfoliosOf.get(b.participantId) ?? null,
      under27: isYouth(b.dateOfBirth, on),
    });
  }
  // R-MAP-3: "Portfolio compleet ja/nee" filters on the server, so the count, the pages and the export agree.
  const wanted = query.portfolio === undefined ? undefined : query.portfolio === 'complete';
  return out.filter((r) => wanted === undefined || r.portfolioComplete === wanted).sort(comparer(query.sort));
}

function comparer(sort: ParticipationSort): (a: ParticipationRow, b: ParticipationRow) => number {
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const byName = (a: ParticipationRow, b: ParticipationRow) => a.familyName.localeCompare(b.familyName, 'nl') || a.givenName.localeCompare(b.givenName, 'nl') || a.participantId.localeCompare(b.participantId);
  const value = (r: ParticipationRow): string | number => (key === 'startedOn' ? (r.startedOn ?? '') : key === 'hours' ? r.totalMinutes : key === 'mapPractical' ? r.mapPractical.minutes : 0);
  return (a, b) => {
    const va = value(a);
    const vb = value(b);
    const primary = key === 'name' ? byName(a, b) : va < vb ? -1 : va > vb ? 1 : 0;
    return (desc ? -primary : primary) || byName(a, b);
  };
}

const strip = ({ municipalityId: _m, ...row }: ParticipationRow & { municipalityId: string }): ParticipationRow => row;

export async function listParticipation(deps: Deps, ctx: RequestContext, query: ParticipationListQuery): Promise<ParticipationPage> {
  return deps.db.transaction(async (tx) => {
    const all = await rowsOf(tx, deps.contracts, ctx, query, query.referenceDate ?? deps.clock.today());
    const rows = all.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    await recordAudit(tx, deps.crypto, ctx, { name: 'participation.read', status: 'ok', subjects: uniqueSubjects(rows.map((r) => ({ participantId: r.participantId, municipalityId: r.municipalityId }))), objectType: 'participant', summary: 'participation list' });
    return { items: rows.map(strip), total: all.length, page: query.page, pageSize: query.pageSize };
  });
}

/** R-EXC-3: the whole filtered list, batch by batch, each batch audited. */
export function participationExportSource(deps: Deps, ctx: RequestContext, query: ParticipationExportQuery): () => Promise<readonly ParticipationRow[]> {
  return pagedSource(EXPORT_BATCH, (page, pageSize) => listParticipation(deps, ctx, { ...query, page, pageSize }).then((p) => p.items));
}

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

export const participationColumns: readonly ExportColumn<ParticipationRow>[] = [
  { header: 'Achternaam', value: (r) => r.familyName, width: 20 },
  { header: 'Voornaam', value: (r) => r.givenName, width: 16 },
  { header: 'Klantnummer', value: (r) => r.clientNumber },
  { header: 'Gemeente', value: (r) => r.municipalityName, width: 18 },
  // R-PAR-4: the youth segment on the list's reference date (today unless the export names one).
  { header: 'Jongere (onder 27)', value: (r) => (r.under27 ? 'ja' : 'nee') },
  { header: 'Product', value: (r) => r.productName, width: 30 },
  { header: 'Aanbieder', value: (r) => r.providerName, width: 24 },
  { header: 'Gestart op', value: (r) => r.startedOn, type: 'date' },
  { header: 'Participatie-uren', value: (r) => hours(r.byHourKind.participation), type: 'number', decimals: 1 },
  { header: 'Stage-uren', value: (r) => hours(r.byHourKind.internship), type: 'number', decimals: 1 },
  { header: 'MAP-praktijkuren', value: (r) => hours(r.byHourKind.mapPractical), type: 'number', decimals: 1 },
  { header: 'Volgend 200-urenoverleg bij (uur)', value: (r) => r.nextMeetingAtHours, type: 'number' },
  { header: 'Trede nu', value: (r) => r.ladderStep, type: 'number' },
  { header: 'Portfolio compleet', value: (r) => (r.portfolioComplete === null ? null : r.portfolioComplete ? 'ja' : 'nee') },
  { header: 'Inburgeraar-id', value: (r) => r.participantId, width: 38 },
];
