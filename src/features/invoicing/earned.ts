// R-INV-1: what a provider has earned and not yet invoiced, and how it gets recorded without anyone
// pressing a button.
//
// Recording (deriveEvents + recordBillableEvents) happens in two places: the scheduled signal run
// (src/features/referrals/signal-engine.ts, hourly and after the demo clock moves), which also raises the
// six-week signal from the recorded events, and the start of every invoicing run (run.ts). The GET of the
// earned list does NOT record: a GET is safe and repeatable by HTTP's rules (a browser, a prefetch or a
// retry may send it at any time), many readers would each take write locks and write audit lines of a
// change nobody asked for, and a read that fails halfway must not leave half a derivation behind. The
// list may therefore lag the facts by at most one scheduled run; the run itself never lags (it derives
// first).
import type { RequestContext } from '../../platform/access.js';
import { recordAudit, uniqueSubjects } from '../../platform/audit.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { EXPORT_BATCH, pagedSource } from '../../platform/http/export.js';
import { productName } from './document.js';
import { deriveEvents } from './run.js';
import type { EarnedExportQuery, EarnedItem, EarnedListQuery } from './schemas.js';
import type { Deps } from './scope.js';
import { type InvoicingContext, recordBillableEvents } from './store.js';
import type { IsoDate } from '../../domain/iso-date.js';

/**
 * Derives and records the events of every provider and municipality with a started referral, up to
 * `today`; returns how many are new. Idempotent (billable_event_once): safe on every scheduled run
 * and on several servers at once.
 */
export async function recordEarned(tx: Queryable, contracts: ContractRegistry, ctx: InvoicingContext, today: IsoDate): Promise<number> {
  const pairs = await tx.query<{ providerId: string; municipalityId: string }>(
    `SELECT DISTINCT provider_id AS "providerId", municipality_id AS "municipalityId" FROM referral WHERE started_on IS NOT NULL AND started_on <= $1 ORDER BY 1, 2`,
    [today],
  );
  let recorded = 0;
  for (const pair of pairs) {
    const { events } = await deriveEvents(tx, contracts, { ...pair, upTo: today });
    recorded += (await recordBillableEvents(tx, ctx, events)).length;
  }
  return recorded;
}

type EarnedFilter = Omit<EarnedListQuery, 'page' | 'pageSize'>;

const ORDER: Record<EarnedFilter['sort'], string> = {
  earnedOn: 'e.earned_on ASC, p.family_name, p.given_name, e.id',
  '-earnedOn': 'e.earned_on DESC, p.family_name, p.given_name, e.id',
  name: 'p.family_name ASC, p.given_name ASC, p.date_of_birth, e.earned_on, e.id',
  '-name': 'p.family_name DESC, p.given_name DESC, p.date_of_birth, e.earned_on, e.id',
  amount: 'e.amount_cents ASC, e.earned_on, e.id',
  '-amount': 'e.amount_cents DESC, e.earned_on, e.id',
};

/** Earned by the provider and on no live invoice line: what the next run takes (store.ts listUninvoicedEvents). */
function earnedWhere(providerId: string, filter: EarnedFilter, params: unknown[]): string {
  const where = [`e.provider_id = $${params.push(providerId)}`, `NOT EXISTS (SELECT 1 FROM invoice_line l WHERE l.event_id = e.id AND l.status NOT IN ('credited', 'reversal'))`];
  if (filter.municipalityId !== undefined) where.push(`e.municipality_id = $${params.push(filter.municipalityId)}`);
  if (filter.q !== undefined && filter.q !== '') {
    const like = `$${params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`;
    where.push(`(p.given_name || ' ' || p.family_name ILIKE ${like} OR p.client_number ILIKE ${like} OR e.product_code ILIKE ${like} OR e.route ILIKE ${like})`);
  }
  return where.join(' AND ');
}

const FROM = `FROM billable_event e JOIN participant p ON p.id = e.participant_id JOIN municipality m ON m.id = e.municipality_id`;

interface EarnedRow extends Omit<EarnedItem, 'productName'> {
  route: string;
  contractId: string;
  contractVersion: number;
}

async function earnedRows(q: Queryable, deps: Deps, providerId: string, filter: EarnedFilter, limit: number, offset: number): Promise<{ rows: EarnedRow[]; items: EarnedItem[] }> {
  const params: unknown[] = [];
  const where = earnedWhere(providerId, filter, params);
  const rows = await q.query<EarnedRow>(
    `SELECT e.id AS "eventId", e.participant_id AS "participantId", p.given_name || ' ' || p.family_name AS "participantName",
       p.client_number AS "clientNumber", p.date_of_birth::text AS "dateOfBirth", e.municipality_id AS "municipalityId", m.name AS "municipalityName",
       e.product_code AS "productCode", e.route, e.contract_id AS "contractId", e.contract_version AS "contractVersion",
       e.earned_on::text AS "earnedOn", e.amount_cents::int8 AS "amountCents", e.vat_rate::float8 AS "vatRate"
     ${FROM} WHERE ${where} ORDER BY ${ORDER[filter.sort]} LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  const items = rows.map(({ route, contractId, contractVersion, ...r }): EarnedItem => {
    const contract = deps.contracts.byId(contractId);
    return { ...r, amountCents: Number(r.amountCents), productName: contract === undefined ? r.productCode : productName(deps.contracts, contract, { productCode: r.productCode, route, contractId, contractVersion }) };
  });
  return { rows, items };
}

/** The provider's earned list (a page), its total and the sums per municipality; the names read are audited. */
export async function listEarned(deps: Deps, ctx: RequestContext, query: EarnedListQuery) {
  if (ctx.scope.kind !== 'provider') return { items: [], total: 0, perMunicipality: [] };
  const providerId = ctx.scope.providerId;
  const { page, pageSize, ...filter } = query;
  return deps.db.transaction(async (tx) => {
    const { rows, items } = await earnedRows(tx, deps, providerId, filter, pageSize, (page - 1) * pageSize);
    const params: unknown[] = [];
    const where = earnedWhere(providerId, filter, params);
    const perMunicipality = await tx.query<{ municipalityId: string; municipalityName: string; count: number; amountCents: number }>(
      `SELECT e.municipality_id AS "municipalityId", m.name AS "municipalityName", count(*)::int AS count, sum(e.amount_cents)::int8 AS "amountCents"
       ${FROM} WHERE ${where} GROUP BY e.municipality_id, m.name ORDER BY m.name, e.municipality_id`,
      params,
    );
    await recordAudit(tx, deps.crypto, ctx, { name: 'billable.list', status: 'ok', subjects: uniqueSubjects(rows), objectType: 'billableEvent' });
    return {
      items,
      total: perMunicipality.reduce((n, m) => n + m.count, 0),
      perMunicipality: perMunicipality.map((m) => ({ ...m, amountCents: Number(m.amountCents) })),
    };
  });
}

/** R-EXC-3: the whole filtered earned list in batches, each read and audited in its own transaction. */
export function earnedExportSource(deps: Deps, ctx: RequestContext, query: EarnedExportQuery): () => Promise<readonly EarnedItem[]> {
  const { format, ...filter } = query;
  if (ctx.scope.kind !== 'provider') return () => Promise.resolve([]);
  const providerId = ctx.scope.providerId;
  return pagedSource(EXPORT_BATCH, (page, size) =>
    deps.db.transaction(async (tx) => {
      const { rows, items } = await earnedRows(tx, deps, providerId, filter, size, (page - 1) * size);
      if (page === 1 || rows.length > 0) await recordAudit(tx, deps.crypto, ctx, { name: 'billable.list', status: 'ok', subjects: uniqueSubjects(rows), objectType: 'billableEvent', summary: `export ${format} batch ${page}: ${rows.length} rows` });
      return items;
    }),
  );
}
