// R-MI-6, issue #13: "every figure can be traced to the participants behind it — for those allowed to see
// them (a consultant: only the municipality's own; a provider: only its own)". GET /api/v1/reports/participants
// answers the participants behind one figure of the content report (any count item, docs/reports.md §2)
// or the quarterly management information (items 1a, 1b, 1c, 2, 3, 5) with the date that counted. The list
// is computed by the same member functions the figures' counts are the lengths of. Permission
// report.participants (consultant, coordinator); an aggregate reader or a scope outside the room: 404,
// audited. The read is audited with every listed participant as a data subject, in the same transaction.
import type { Contract } from '../../domain/contract.js';
import { cellReferrals, ContentCountItems, contentMembers, type ContentCountItem, type Member } from '../../domain/reports/content-report.js';
import { reportVersionOn } from '../../domain/reports/facts.js';
import { miMembers, MiDrillItems, type MiDrillItem } from '../../domain/reports/mi-members.js';
import type { ReportPeriod } from '../../domain/reports/periods.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import { unsafeContentReportFacts } from './content-facts.js';
import { contractOrFail, quarterOf, scopeAllowed, yearOf, type ContentDeps } from './content-service.js';
import type { DrillDownQuery } from './content-schemas.js';
import { unsafeQuarterlyMiFacts } from './facts.js';
import { reportRoomOf } from './room.js';

function windowOf(period: string, field: string): ReportPeriod {
  if (period.includes('-Q')) return quarterOf(period);
  const y = String(yearOf(Number(period), field));
  return { cadence: 'year', id: y, start: `${y}-01-01`, end: `${y}-12-31` };
}

export async function drillDown(deps: ContentDeps, ctx: RequestContext, query: DrillDownQuery) {
  const contract = contractOrFail(deps, query.contractId);
  const w = windowOf(query.period, 'period');
  const isMi = query.report === 'quarterlyManagementInformation';
  if (isMi) {
    if (w.cadence !== 'quarter') throw unprocessable('period', 'quarterOnly', 'De kwartaalmanagementinformatie heeft alleen kwartalen.');
    if (!(MiDrillItems as readonly string[]).includes(query.item)) throw unprocessable('item', 'unknown', 'Voor dit onderdeel is geen lijst van deelnemers.');
    if (query.product === undefined || !contract.products.some((p) => p.code === query.product)) throw unprocessable('product', 'unknown', 'Kies een product van dit contract.');
    if (query.scope === 'region' || !contract.municipalities.some((m) => m.code === query.scope)) throw unprocessable('scope', 'unknown', 'Kies een gemeente van dit contract.');
  } else {
    if (query.route === undefined) throw unprocessable('route', 'required', 'Kies b1 of z.');
    if (!isContentItem(query.item)) throw unprocessable('item', 'unknown', 'Dit onderdeel heeft de inhoudelijke rapportage niet.');
    if (query.scope !== 'region' && !contract.municipalities.some((m) => m.code === query.scope)) throw unprocessable('scope', 'unknown', 'Kies de regio of een gemeente van dit contract.');
  }
  const room = await reportRoomOf(deps.db, ctx, contract);
  if (room === undefined || room.audience === 'aggregate' || !scopeAllowed(room, query.scope)) {
    await recordAudit(deps.db, deps.crypto, ctx, { name: 'managementInformation.read', status: 'error', subjects: [], objectType: 'reportParticipants', objectId: contract.id, summary: "outside the actor's scope" });
    throw notFound();
  }
  return deps.db.transaction(async (tx) => {
    let members: Member[];
    if (isMi) {
      const facts = await unsafeQuarterlyMiFacts(tx, room.factScope, { contractId: contract.id, from: w.start, to: w.end });
      const referrals = facts.referrals.filter((r) => r.municipality === query.scope && r.product === query.product);
      members = miMembers(facts, referrals, w, query.item as MiDrillItem, reportVersionOn(contract, w.end)?.absenceProtocol?.normPercent ?? 80);
    } else {
      const item = query.item as ContentCountItem;
      const facts = await unsafeContentReportFacts(tx, room.factScope, { contractId: contract.id, from: w.start, to: w.end });
      const c: Contract = { ...contract, municipalities: room.municipalities };
      members = contentMembers(facts, cellReferrals(facts, c, query.scope, query.route ?? 'b1'), w, item);
    }
    const ids = [...new Set(members.map((m) => m.participantId))];
    const people = ids.length === 0 ? [] : await tx.query<{ id: string; name: string; municipalityId: string }>(
      `SELECT id, trim(given_name || ' ' || family_name) AS name, municipality_id AS "municipalityId" FROM participant WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(people.map((p) => [p.id, p]));
    await recordAudit(tx, deps.crypto, ctx, {
      name: 'managementInformation.read',
      status: 'ok',
      subjects: people.map((p) => ({ participantId: p.id, municipalityId: p.municipalityId })),
      objectType: 'reportParticipants',
      objectId: contract.id,
      summary: `${query.report} ${query.period} ${query.scope} ${query.route ?? query.product ?? ''} item ${query.item}: ${String(members.length)}`,
    });
    return {
      report: query.report,
      item: query.item,
      period: w.id,
      scope: query.scope,
      count: members.length,
      participants: members.map((m) => ({ id: m.participantId, name: byId.get(m.participantId)?.name ?? '', referralId: m.referralId, on: m.on })),
    };
  });
}

const isContentItem = (item: string): item is ContentCountItem => (ContentCountItems as readonly string[]).includes(item);
