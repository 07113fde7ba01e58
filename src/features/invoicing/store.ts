// The one module that writes the invoicing tables (migration 0017): billable events (R-INV-1),
// collective invoices (R-INV-4) and their status, the municipality's check and credit notes (R-INV-6).
//
// Concurrency (two app servers on one PostgreSQL): every run that takes an invoice number first locks
// its provider's row in invoice_number_counter (lockCounter) and keeps the lock until it commits. So
// the runs of one provider take turns; each later run's statements (READ COMMITTED) see the lines the
// earlier one committed and leave those events alone. The number is taken by an UPDATE of that same
// row, which rolls back with the transaction: no gap, no double. The constraints stay the last word:
// billable_event_once, invoice_line_live_event and invoice_number_once.
import { randomUUID } from 'node:crypto';
import type { IsoDate } from '../../domain/contract.js';
import { type AuditActor, type AuditSubject, recordAudit } from '../../platform/audit.js';
import type { Clock } from '../../platform/clock.js';
import type { Crypto } from '../../platform/crypto.js';
import { type Db, one, type Queryable } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import type { BillableEvent, Invoice, InvoiceLine, InvoiceStatus, NewBillableEvent } from './store-types.js';
import { invoiceTotals } from './totals.js';

/** What every change needs: the audit (same transaction) and the business clock. */
export interface InvoicingContext {
  crypto: Crypto;
  who: AuditActor;
  clock: Clock;
}

const EVENT_COLUMNS = `e.id, e.participant_id AS "participantId", e.municipality_id AS "municipalityId", e.provider_id AS "providerId",
  e.referral_id AS "referralId", e.route, e.product_code AS "productCode", e.earned_on AS "earnedOn", e.amount_cents AS "amountCents",
  e.vat_category AS "vatCategory", e.vat_rate::float8 AS "vatRate", e.contract_id AS "contractId", e.contract_version AS "contractVersion",
  e.fact_kind AS "factKind", e.fact_id AS "factId"`;

const LINE_COLUMNS = `l.id, l.invoice_id AS "invoiceId", l.event_id AS "eventId", l.participant_id AS "participantId",
  l.municipality_id AS "municipalityId", l.amount_cents AS "amountCents", l.status, l.dispute_reason AS "disputeReason",
  l.credited_by_line AS "creditedByLine", e.product_code AS "productCode", e.earned_on AS "earnedOn",
  e.vat_category AS "vatCategory", e.vat_rate::float8 AS "vatRate"`;

const INVOICE_COLUMNS = `id, provider_id AS "providerId", municipality_id AS "municipalityId", number, kind, status,
  issue_date AS "issueDate", due_date AS "dueDate", period_start AS "periodStart", period_end AS "periodEnd",
  total_excl_vat_cents AS "totalExclVatCents", total_vat_cents AS "totalVatCents", total_incl_vat_cents AS "totalInclVatCents",
  credits_invoice_id AS "creditsInvoiceId", credit_reason AS "creditReason"`;

/** Lines that still count: neither credited nor the reversal on a credit note (invoice_line_live_event). */
const LIVE = `status NOT IN ('credited', 'reversal')`;

/**
 * R-INV-1: records the events not recorded yet, in one statement; returns the new ones. An event whose
 * (participant, route, product) exists already is left as it is (billable_event_once), so the
 * derivation may re-run after every fact and on several servers at once.
 */
export async function recordBillableEvents(tx: Queryable, ctx: InvoicingContext, events: readonly NewBillableEvent[]): Promise<BillableEvent[]> {
  if (events.length === 0) return [];
  const rows = await tx.query<BillableEvent>(
    `WITH added AS (
       INSERT INTO billable_event (id, participant_id, municipality_id, provider_id, referral_id, route, product_code, earned_on, amount_cents,
         vat_category, vat_rate, contract_id, contract_version, fact_kind, fact_id, recorded_at)
       SELECT u.*, $16::timestamptz
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::date[], $9::bigint[],
         $10::text[], $11::numeric[], $12::text[], $13::int[], $14::text[], $15::uuid[])
         AS u(id, participant, municipality, provider, referral, route, product, earned, amount, vat_category, vat_rate, contract, version, fact_kind, fact)
       ON CONFLICT ON CONSTRAINT billable_event_once DO NOTHING
       RETURNING *)
     SELECT ${EVENT_COLUMNS} FROM added e ORDER BY e.earned_on, e.id`,
    [
      events.map(() => randomUUID()),
      events.map((e) => e.participantId),
      events.map((e) => e.municipalityId),
      events.map((e) => e.providerId),
      events.map((e) => e.referralId),
      events.map((e) => e.route),
      events.map((e) => e.productCode),
      events.map((e) => e.earnedOn),
      events.map((e) => e.amountCents),
      events.map((e) => e.vatCategory),
      events.map((e) => e.vatRate),
      events.map((e) => e.contractId),
      events.map((e) => e.contractVersion),
      events.map((e) => e.factKind),
      events.map((e) => e.factId),
      ctx.clock.now(),
    ],
  );
  if (rows.length > 0) {
    await recordAudit(tx, ctx.crypto, ctx.who, {
      name: 'billable.record',
      status: 'ok',
      subjects: subjectsOf(rows),
      objectType: 'billableEvent',
      summary: `${rows.length} billable events recorded`,
    });
  }
  return rows;
}

/**
 * R-INV-4: in one transaction, the invoice of the provider to the municipality for every event earned
 * up to `upTo` that is not on a live line yet. Returns undefined when there is none; no number is used then.
 */
export async function prepareInvoice(
  db: Db,
  ctx: InvoicingContext,
  input: { providerId: string; municipalityId: string; upTo: IsoDate; paymentTermDays?: number },
): Promise<Invoice | undefined> {
  return db.transaction(async (tx) => {
    await lockCounter(tx, input.providerId);
    const events = await listUninvoicedEvents(tx, input);
    const first = events[0];
    if (first === undefined) return undefined;
    const number = await takeInvoiceNumber(tx, input.providerId);
    const totals = invoiceTotals(events);
    const invoiceId = randomUUID();
    const today = ctx.clock.today();
    await tx.query(
      `INSERT INTO invoice (id, provider_id, municipality_id, number, kind, status, issue_date, due_date, period_start, period_end,
         total_excl_vat_cents, total_vat_cents, total_incl_vat_cents, created_at, created_by)
       VALUES ($1, $2, $3, $4, 'invoice', 'prepared', $5::date, $5::date + $6::int, $7, $8, $9, $10, $11, $12, $13)`,
      [invoiceId, input.providerId, input.municipalityId, number, today, input.paymentTermDays ?? 30, first.earnedOn, input.upTo,
        totals.exclVatCents, totals.vatCents, totals.inclVatCents, ctx.clock.now(), ctx.who.actor?.userId ?? null],
    );
    await insertLines(tx, ctx, invoiceId, events.map((e) => ({ event: e, status: 'toCheck' as const })));
    await recordAudit(tx, ctx.crypto, ctx.who, {
      name: 'invoice.prepare',
      status: 'ok',
      subjects: subjectsOf(events),
      objectType: 'invoice',
      objectId: invoiceId,
      summary: `invoice ${number}: ${events.length} lines`,
    });
    return readInvoiceUnsafe(tx, invoiceId);
  });
}

/**
 * R-INV-6: a credit note of the provider (its own number from the same series) that reverses these
 * lines of one of its invoices; the lines become credited, so their events can be invoiced again.
 */
export async function creditLines(
  db: Db,
  ctx: InvoicingContext,
  input: { providerId: string; invoiceId: string; lineIds: readonly string[]; reason: string; paymentTermDays?: number },
): Promise<Invoice> {
  if (input.lineIds.length === 0) throw new AppError('invalidInput', 'Kies de regels die gecrediteerd worden.', [{ name: 'lineIds', code: 'required', reason: 'Kies ten minste één regel.' }]);
  return db.transaction(async (tx) => {
    await lockCounter(tx, input.providerId);
    const invoice = await tx.query<{ id: string; municipalityId: string; periodStart: string; periodEnd: string }>(
      `SELECT id, municipality_id AS "municipalityId", period_start AS "periodStart", period_end AS "periodEnd"
       FROM invoice WHERE id = $1 AND provider_id = $2 AND kind = 'invoice'`,
      [input.invoiceId, input.providerId],
    );
    const original = invoice[0];
    if (original === undefined) throw new AppError('notFound', 'Deze factuur bestaat niet.');
    const lines = await tx.query<InvoiceLine & { referralId: string }>(
      `SELECT ${LINE_COLUMNS} FROM invoice_line l JOIN billable_event e ON e.id = l.event_id
       WHERE l.invoice_id = $1 AND l.id = ANY($2::uuid[]) AND l.${LIVE} ORDER BY e.earned_on, l.id FOR UPDATE OF l`,
      [input.invoiceId, [...new Set(input.lineIds)]],
    );
    if (lines.length !== new Set(input.lineIds).size) throw new AppError('conflict', 'Een of meer regels zijn al gecrediteerd of horen niet bij deze factuur.');
    const number = await takeInvoiceNumber(tx, input.providerId);
    const totals = invoiceTotals(lines);
    const creditId = randomUUID();
    await tx.query(
      `INSERT INTO invoice (id, provider_id, municipality_id, number, kind, status, issue_date, due_date, period_start, period_end,
         total_excl_vat_cents, total_vat_cents, total_incl_vat_cents, credits_invoice_id, credit_reason, created_at, created_by)
       VALUES ($1, $2, $3, $4, 'creditNote', 'prepared', $5::date, $5::date + $6::int, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [creditId, input.providerId, original.municipalityId, number, ctx.clock.today(), input.paymentTermDays ?? 30, original.periodStart,
        original.periodEnd, totals.exclVatCents, totals.vatCents, totals.inclVatCents, original.id, input.reason, ctx.clock.now(),
        ctx.who.actor?.userId ?? null],
    );
    const reversals = await insertLines(tx, ctx, creditId, lines.map((l) => ({ event: { id: l.eventId, participantId: l.participantId, municipalityId: l.municipalityId, amountCents: l.amountCents }, status: 'reversal' as const })), input.reason);
    await tx.query(
      `UPDATE invoice_line l SET status = 'credited', credited_by_line = r.reversal
       FROM unnest($1::uuid[], $2::uuid[]) AS r(line, reversal) WHERE l.id = r.line`,
      [lines.map((l) => l.id), reversals],
    );
    await recordChanges(tx, ctx, lines.map((l) => l.id), 'credited', input.reason);
    await recordAudit(tx, ctx.crypto, ctx.who, {
      name: 'invoice.credit',
      status: 'ok',
      subjects: subjectsOf(lines),
      objectType: 'invoice',
      objectId: creditId,
      summary: `credit note ${number} for ${lines.length} lines`,
    });
    return readInvoiceUnsafe(tx, creditId);
  });
}

/** R-INV-6: the municipality approves a line or disputes it with a reason; a credited line stays credited. */
export async function checkLine(
  db: Db,
  ctx: InvoicingContext,
  input: { municipalityId: string; lineId: string } & ({ status: 'approved' } | { status: 'disputed'; reason: string }),
): Promise<void> {
  const reason = input.status === 'disputed' ? input.reason : null;
  await db.transaction(async (tx) => {
    const hit = await tx.query<{ participantId: string; municipalityId: string }>(
      `UPDATE invoice_line SET status = $3, dispute_reason = coalesce($4, dispute_reason)
       WHERE id = $1 AND municipality_id = $2 AND status IN ('toCheck', 'approved', 'disputed')
       RETURNING participant_id AS "participantId", municipality_id AS "municipalityId"`,
      [input.lineId, input.municipalityId, input.status, reason],
    );
    if (hit.length === 0) throw new AppError('notFound', 'Deze factuurregel bestaat niet of is al gecrediteerd.');
    await recordChanges(tx, ctx, [input.lineId], input.status, reason);
    await recordAudit(tx, ctx.crypto, ctx.who, { name: 'invoice.check', status: 'ok', subjects: subjectsOf(hit), objectType: 'invoiceLine', objectId: input.lineId, summary: `line ${input.status}` });
  });
}

/** R-INV-4: prepared → proForma (the pro-forma round of 002 eis 12) → sent; prepared → sent directly. */
const NEXT_STATUS: Record<'proForma' | 'sent', readonly InvoiceStatus[]> = { proForma: ['prepared'], sent: ['prepared', 'proForma'] };

/**
 * Moves the provider's invoice or credit note on; a step back or a repeat is a conflict. `alsoInTx`
 * runs in the same transaction after the change (the mail of the sent PDF, src/features/invoicing/mail.ts):
 * when it throws, the status stays as it was.
 */
export async function advanceInvoice(
  db: Db,
  ctx: InvoicingContext,
  input: { providerId: string; invoiceId: string; status: 'proForma' | 'sent' },
  alsoInTx?: (tx: Queryable, invoice: Invoice) => Promise<void>,
): Promise<Invoice> {
  return db.transaction(async (tx) => {
    const found = await tx.query<{ status: InvoiceStatus }>(`SELECT status FROM invoice WHERE id = $1 AND provider_id = $2 FOR UPDATE`, [input.invoiceId, input.providerId]);
    const current = found[0];
    if (current === undefined) throw new AppError('notFound', 'Deze factuur bestaat niet.');
    if (!NEXT_STATUS[input.status].includes(current.status)) throw new AppError('conflict', 'Deze factuur heeft die stap al gehad.');
    await tx.query(`UPDATE invoice SET status = $2 WHERE id = $1`, [input.invoiceId, input.status]);
    const invoice = await readInvoiceUnsafe(tx, input.invoiceId);
    await recordAudit(tx, ctx.crypto, ctx.who, { name: 'invoice.status', status: 'ok', subjects: subjectsOf(invoice.lines), objectType: 'invoice', objectId: invoice.id, summary: `invoice ${invoice.number}: ${current.status} to ${input.status}` });
    if (alsoInTx !== undefined) await alsoInTx(tx, invoice);
    return invoice;
  });
}

/** Whose invoices a reader may see: the provider's own, or those addressed to the municipality (R-INV-6). */
export type InvoiceOwner = { providerId: string } | { municipalityId: string };

function ownerWhere(owner: InvoiceOwner, first: number): { sql: string; param: string } {
  return 'providerId' in owner ? { sql: `provider_id = $${first}`, param: owner.providerId } : { sql: `municipality_id = $${first}`, param: owner.municipalityId };
}

/** The invoice or credit note with its lines, when it is the owner's; undefined otherwise (the route answers 404). */
export async function findInvoice(q: Queryable, owner: InvoiceOwner, invoiceId: string): Promise<Invoice | undefined> {
  const where = ownerWhere(owner, 2);
  const head = await q.query<Omit<Invoice, 'lines'>>(`SELECT ${INVOICE_COLUMNS} FROM invoice WHERE id = $1 AND ${where.sql}`, [invoiceId, where.param]);
  return head[0] === undefined ? undefined : withLines(q, head[0]);
}

/** The owner's invoices and credit notes, newest number first, without their lines. */
export async function listInvoices(q: Queryable, owner: InvoiceOwner): Promise<Omit<Invoice, 'lines'>[]> {
  const where = ownerWhere(owner, 1);
  return q.query<Omit<Invoice, 'lines'>>(`SELECT ${INVOICE_COLUMNS} FROM invoice WHERE ${where.sql} ORDER BY provider_id, number DESC`, [where.param]);
}

/** The provider's events earned up to `upTo` and not on a live line: what the next prepareInvoice would take. */
export async function listUninvoicedEvents(q: Queryable, input: { providerId: string; municipalityId?: string; upTo: IsoDate }): Promise<BillableEvent[]> {
  return q.query<BillableEvent>(
    `SELECT ${EVENT_COLUMNS} FROM billable_event e
     WHERE e.provider_id = $1 AND ($2::uuid IS NULL OR e.municipality_id = $2) AND e.earned_on <= $3
       AND NOT EXISTS (SELECT 1 FROM invoice_line l WHERE l.event_id = e.id AND l.${LIVE})
     ORDER BY e.municipality_id, e.earned_on, e.participant_id, e.product_code`,
    [input.providerId, input.municipalityId ?? null, input.upTo],
  );
}

/** Unscoped: only for an id this module has just written or checked inside its transaction. */
async function readInvoiceUnsafe(q: Queryable, invoiceId: string): Promise<Invoice> {
  return withLines(q, await one<Omit<Invoice, 'lines'>>(q, `SELECT ${INVOICE_COLUMNS} FROM invoice WHERE id = $1`, [invoiceId]));
}

async function withLines(q: Queryable, head: Omit<Invoice, 'lines'>): Promise<Invoice> {
  const lines = await q.query<InvoiceLine>(
    `SELECT ${LINE_COLUMNS} FROM invoice_line l JOIN billable_event e ON e.id = l.event_id WHERE l.invoice_id = $1 ORDER BY e.earned_on, l.participant_id, e.product_code`,
    [head.id],
  );
  return { ...head, lines };
}

/**
 * Takes the provider's counter row lock for the rest of the transaction (made on first use). A second
 * server waits here until the first commits or rolls back; the concurrent first INSERT waits on the
 * unique key the same way.
 */
async function lockCounter(tx: Queryable, providerId: string): Promise<void> {
  await tx.query(`INSERT INTO invoice_number_counter (provider_id, next_number) VALUES ($1, 1) ON CONFLICT (provider_id) DO NOTHING`, [providerId]);
  await tx.query(`SELECT next_number FROM invoice_number_counter WHERE provider_id = $1 FOR UPDATE`, [providerId]);
}

/** The next number of the provider's series; call only after lockCounter and only when it will be used. */
async function takeInvoiceNumber(tx: Queryable, providerId: string): Promise<number> {
  const row = await one<{ number: number }>(
    tx,
    `UPDATE invoice_number_counter SET next_number = next_number + 1 WHERE provider_id = $1 RETURNING next_number - 1 AS number`,
    [providerId],
  );
  return row.number;
}

type LineSource = Pick<BillableEvent, 'id' | 'participantId' | 'municipalityId' | 'amountCents'>;

/** Inserts the lines (one statement) and their first history row; returns the new line ids in order. */
async function insertLines(tx: Queryable, ctx: InvoicingContext, invoiceId: string, lines: readonly { event: LineSource; status: 'toCheck' | 'reversal' }[], reason: string | null = null): Promise<string[]> {
  const ids = lines.map(() => randomUUID());
  await tx.query(
    `INSERT INTO invoice_line (id, invoice_id, event_id, participant_id, municipality_id, amount_cents, status)
     SELECT u.id, $1, u.event, u.participant, u.municipality, u.amount, u.status
     FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::bigint[], $7::text[]) AS u(id, event, participant, municipality, amount, status)`,
    [invoiceId, ids, lines.map((l) => l.event.id), lines.map((l) => l.event.participantId), lines.map((l) => l.event.municipalityId),
      lines.map((l) => l.event.amountCents), lines.map((l) => l.status)],
  );
  await recordChanges(tx, ctx, ids, lines[0]?.status ?? 'toCheck', reason);
  return ids;
}

/** R-INV-6: appends the new status of each line to invoice_line_change. */
async function recordChanges(tx: Queryable, ctx: InvoicingContext, lineIds: readonly string[], status: string, reason: string | null): Promise<void> {
  if (lineIds.length === 0) return;
  await tx.query(
    `INSERT INTO invoice_line_change (id, line_id, status, reason, changed_by, changed_at)
     SELECT u.id, u.line, $3, $4, $5, $6 FROM unnest($1::uuid[], $2::uuid[]) AS u(id, line)`,
    [lineIds.map(() => randomUUID()), lineIds, status, reason, ctx.who.actor?.userId ?? null, ctx.clock.now()],
  );
}

/** One audit subject per participant. */
function subjectsOf(rows: readonly { participantId: string; municipalityId: string }[]): AuditSubject[] {
  const seen = new Map<string, AuditSubject>();
  for (const r of rows) seen.set(r.participantId, { participantId: r.participantId, municipalityId: r.municipalityId });
  return [...seen.values()];
}
