// The invoices in the actor's room (issue #11, R-INV-6, R-SEC-1): a provider sees its own invoices in
// every status; a municipality sees those addressed to it only once they are proForma or sent — a
// prepared invoice is the provider's draft. Outside the room the answer is 404. Summaries hold no
// personal data (numbers, organisations, amounts, line counts).
import { invoiceDocumentProblems, type InvoiceDocument } from '../../domain/invoice-document.js';
import type { RequestContext } from '../../platform/access.js';
import type { AuditOperation } from '../../platform/audit.js';
import { auditDenied, type DeniedObject } from '../../platform/audit-denied.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { Queryable } from '../../platform/db.js';
import type { AppDeps } from '../../platform/http/server.js';
import { invoiceNumberText } from './document.js';
import type { InvoiceListQuery, InvoiceSummary } from './schemas.js';
import type { InvoiceOwner } from './store.js';

export type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

/** The invoice owner the actor acts as, or undefined (then every answer is 404 or empty). */
export function ownerOf(ctx: RequestContext): InvoiceOwner | undefined {
  if (ctx.scope.kind === 'provider') return { providerId: ctx.scope.providerId };
  if (ctx.scope.kind === 'municipality') return { municipalityId: ctx.scope.municipalityId };
  return undefined;
}

/** SQL condition: invoice row `i` lies in the owner's room ($-numbered from `params`). */
function roomWhere(owner: InvoiceOwner | undefined, params: unknown[], alias = 'i'): string {
  if (owner === undefined) return 'false';
  if ('providerId' in owner) return `${alias}.provider_id = $${params.push(owner.providerId)}`;
  return `${alias}.municipality_id = $${params.push(owner.municipalityId)} AND ${alias}.status IN ('proForma', 'sent')`;
}

interface SummaryRow extends Omit<InvoiceSummary, 'numberText' | 'lineCounts'> {
  number: number;
  providerCode: string;
  toCheck: number;
  approved: number;
  disputed: number;
  credited: number;
  reversal: number;
}

const SUMMARY_COLUMNS = `i.id, i.number, pr.code AS "providerCode", i.kind, i.status, i.provider_id AS "providerId", pr.name AS "providerName",
  i.municipality_id AS "municipalityId", m.name AS "municipalityName", i.issue_date::text AS "issueDate", i.due_date::text AS "dueDate",
  i.period_start::text AS "periodStart", i.period_end::text AS "periodEnd", i.total_excl_vat_cents::int8 AS "totalExclVatCents",
  i.total_vat_cents::int8 AS "totalVatCents", i.total_incl_vat_cents::int8 AS "totalInclVatCents", i.credits_invoice_id AS "creditsInvoiceId",
  coalesce(c."toCheck", 0)::int AS "toCheck", coalesce(c.approved, 0)::int AS approved, coalesce(c.disputed, 0)::int AS disputed,
  coalesce(c.credited, 0)::int AS credited, coalesce(c.reversal, 0)::int AS reversal`;
const SUMMARY_FROM = `FROM invoice i JOIN provider pr ON pr.id = i.provider_id JOIN municipality m ON m.id = i.municipality_id
  LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE l.status = 'toCheck') AS "toCheck", count(*) FILTER (WHERE l.status = 'approved') AS approved,
    count(*) FILTER (WHERE l.status = 'disputed') AS disputed, count(*) FILTER (WHERE l.status = 'credited') AS credited,
    count(*) FILTER (WHERE l.status = 'reversal') AS reversal FROM invoice_line l WHERE l.invoice_id = i.id) c ON true`;
/** The printed number as SQL text, for the search (document.ts invoiceNumberText). */
const NUMBER_TEXT = `(upper(pr.code) || '/' || to_char(i.issue_date, 'YYYY') || '/' || lpad(i.number::text, 5, '0'))`;

function toSummary(r: SummaryRow): InvoiceSummary {
  const { number, providerCode, toCheck, approved, disputed, credited, reversal, ...rest } = r;
  return {
    ...rest,
    totalExclVatCents: Number(rest.totalExclVatCents),
    totalVatCents: Number(rest.totalVatCents),
    totalInclVatCents: Number(rest.totalInclVatCents),
    numberText: invoiceNumberText(providerCode, r.issueDate, number),
    lineCounts: { toCheck, approved, disputed, credited, reversal },
  };
}

const ORDER: Record<InvoiceListQuery['sort'], string> = {
  number: 'i.provider_id, i.number ASC',
  '-number': 'i.issue_date DESC, i.provider_id, i.number DESC',
  issueDate: 'i.issue_date ASC, i.number ASC',
  '-issueDate': 'i.issue_date DESC, i.number DESC',
  dueDate: 'i.due_date ASC, i.number ASC',
  '-dueDate': 'i.due_date DESC, i.number DESC',
  total: 'i.total_incl_vat_cents ASC, i.number ASC',
  '-total': 'i.total_incl_vat_cents DESC, i.number DESC',
  municipality: 'm.name ASC, i.number DESC',
  '-municipality': 'm.name DESC, i.number DESC',
};

export type InvoiceFilter = Omit<InvoiceListQuery, 'page' | 'pageSize'>;

function listWhere(owner: InvoiceOwner | undefined, filter: InvoiceFilter, params: unknown[]): string {
  const where = [roomWhere(owner, params)];
  if (filter.status !== undefined) where.push(`i.status = $${params.push(filter.status)}`);
  if (filter.kind !== undefined) where.push(`i.kind = $${params.push(filter.kind)}`);
  if (filter.municipalityId !== undefined) where.push(`i.municipality_id = $${params.push(filter.municipalityId)}`);
  if (filter.lineStatus !== undefined) where.push(`EXISTS (SELECT 1 FROM invoice_line fl WHERE fl.invoice_id = i.id AND fl.status = $${params.push(filter.lineStatus)})`);
  if (filter.q !== undefined && filter.q !== '') {
    const like = `$${params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`;
    where.push(`(${NUMBER_TEXT} ILIKE ${like} OR pr.name ILIKE ${like} OR m.name ILIKE ${like})`);
  }
  return where.join(' AND ');
}

export async function listSummaries(q: Queryable, owner: InvoiceOwner | undefined, filter: InvoiceFilter, limit: number, offset: number): Promise<{ items: InvoiceSummary[]; total: number }> {
  const params: unknown[] = [];
  const where = listWhere(owner, filter, params);
  const rows = await q.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE ${where} ORDER BY ${ORDER[filter.sort]}, i.id LIMIT ${limit} OFFSET ${offset}`, params);
  const count = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM invoice i JOIN provider pr ON pr.id = i.provider_id JOIN municipality m ON m.id = i.municipality_id WHERE ${where}`, params);
  return { items: rows.map(toSummary), total: count[0]?.n ?? 0 };
}

/** The invoice's summary when it lies in the owner's room. */
export async function findSummary(q: Queryable, owner: InvoiceOwner | undefined, invoiceId: string): Promise<InvoiceSummary | undefined> {
  const params: unknown[] = [invoiceId];
  const rows = await q.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE i.id = $1 AND ${roomWhere(owner, params)}`, params);
  return rows[0] === undefined ? undefined : toSummary(rows[0]);
}

/** The file name: no BSN, no person. Not `2026-00002`: year and number would read as nine digits (document.ts). */
export function invoiceFileName(summary: Pick<InvoiceSummary, 'kind' | 'numberText'>, ext: 'pdf' | 'xml'): string {
  const [code, year, number] = summary.numberText.split('/');
  return `${summary.kind === 'creditNote' ? 'creditnota' : 'factuur'}-${code ?? ''}-${year ?? ''}-nr${number ?? ''}.${ext}`;
}


/**
 * R-INV-5: an invoice that cannot be printed or sent (a participant without the municipality's client
 * number, a BSN-like number) is a problem naming the fields, never their values; not a server error.
 */
export function checkDocument(doc: InvoiceDocument): InvoiceDocument {
  const problems = invoiceDocumentProblems(doc);
  if (problems.length === 0) return doc;
  throw new AppError(
    'unprocessable',
    'Deze factuur is niet volledig en kan niet worden gemaakt of verzonden.',
    problems.map((p) => ({ name: p.name, code: 'invalidInvoice', reason: p.reason })),
  );
}

/** R-SEC-2: an attempt outside the room is audited (committed) and answered 404. */
export async function deniedNotFound(deps: Pick<Deps, 'db' | 'crypto'>, ctx: RequestContext, name: AuditOperation, objectType: DeniedObject, objectId: string): Promise<never> {
  await deps.db.transaction((tx) => auditDenied(tx, deps.crypto, ctx, name, objectType, objectId));
  throw notFound();
}
