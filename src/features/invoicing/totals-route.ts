// R-INV-6: what was invoiced and credited, per provider, municipality and product — amounts only, never
// persons and never counts of persons (SPEC §0: the contract manager gets aggregates). The room is the
// one of the figures (src/features/figures/routes.ts): the contract manager's region, the policy
// officer's own municipality; anyone else gets empty lists. Only sent invoices and credit notes count
// (a prepared one is the provider's draft), by issue date within [from, to]; amounts excl. VAT.
import type { RequestContext } from '../../platform/access.js';
import type { AppDeps } from '../../platform/http/server.js';
import type { Totals, TotalsQuery } from './schemas.js';

function roomOf(ctx: RequestContext): { column: 'id' | 'region_id'; id: string } | undefined {
  if (ctx.actor.role === 'policyOfficer' && ctx.organisation.kind === 'municipality') return { column: 'id', id: ctx.organisation.id };
  if (ctx.actor.role === 'contractManager' && ctx.organisation.kind === 'region') return { column: 'region_id', id: ctx.organisation.id };
  return undefined;
}

interface Row {
  key: string;
  name: string;
  invoicedCents: number | string;
  creditedCents: number | string;
}

export async function invoicingTotals(deps: Pick<AppDeps, 'db' | 'contracts'>, ctx: RequestContext, query: TotalsQuery): Promise<Totals> {
  const room = roomOf(ctx);
  if (room === undefined) return { byProvider: [], byMunicipality: [], byProduct: [] };
  const params = [room.id, query.from ?? null, query.to ?? null];
  // Per line, so a product total is exact; a credit note's reversal lines count as credited.
  const lines = `FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id JOIN billable_event e ON e.id = l.event_id
    JOIN municipality m ON m.id = i.municipality_id JOIN provider pr ON pr.id = i.provider_id
    WHERE m.${room.column} = $1 AND i.status = 'sent' AND ($2::date IS NULL OR i.issue_date >= $2) AND ($3::date IS NULL OR i.issue_date <= $3)`;
  const sums = `coalesce(sum(l.amount_cents) FILTER (WHERE i.kind = 'invoice'), 0)::int8 AS "invoicedCents",
    coalesce(sum(l.amount_cents) FILTER (WHERE i.kind = 'creditNote'), 0)::int8 AS "creditedCents"`;
  const by = (key: string, name: string) => deps.db.query<Row>(`SELECT ${key} AS key, ${name} AS name, ${sums} ${lines} GROUP BY 1, 2 ORDER BY 2, 1`, params);
  const providers = await by('pr.id', 'pr.name');
  const municipalities = await by('m.id', 'm.name');
  const products = await by('e.route', 'e.route');
  const amounts = (r: Row) => ({ invoicedCents: Number(r.invoicedCents), creditedCents: Number(r.creditedCents) });
  const productName = (code: string) => deps.contracts.contracts.flatMap((c) => c.products).find((p) => p.code === code)?.name ?? code;
  return {
    byProvider: providers.map((r) => ({ providerId: r.key, providerName: r.name, ...amounts(r) })),
    byMunicipality: municipalities.map((r) => ({ municipalityId: r.key, municipalityName: r.name, ...amounts(r) })),
    byProduct: products.map((r) => ({ productCode: r.key, productName: productName(r.key), ...amounts(r) })).sort((a, b) => a.productName.localeCompare(b.productName, 'nl')),
  };
}
