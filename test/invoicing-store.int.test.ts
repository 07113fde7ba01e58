// Issue #11: the invoicing tables and their store (migration 0017, src/features/invoicing/store.ts) on
// PGlite and PostgreSQL: billable once (R-INV-1), collective invoices per provider and municipality
// with numbers 1..n (R-INV-4), the municipality's check and credit notes (R-INV-6).
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { advanceInvoice, checkLine, creditLines, findInvoice, type InvoicingContext, listInvoices, listUninvoicedEvents, prepareInvoice, recordBillableEvents } from '../src/features/invoicing/store.js';
import type { NewBillableEvent } from '../src/features/invoicing/store-types.js';
import { newOperationId, newTraceId } from '../src/platform/audit.js';
import type { Db } from '../src/platform/db.js';
import { aUser, startTestKoers, type TestKoers } from './support/koers.js';

const HOORN = organisationId('municipality', 'hoorn');
const ENKHUIZEN = organisationId('municipality', 'enkhuizen');
const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const LEERHUIS = organisationId('provider', 'leerhuis-noord');

/** A participant of the municipality with a referral to the provider, straight into the tables. */
async function aReferral(db: Db, userId: string, municipalityId: string, providerId: string): Promise<{ participantId: string; referralId: string }> {
  const participantId = randomUUID();
  const referralId = randomUUID();
  await db.query(
    `INSERT INTO participant (id, municipality_id, bsn_encrypted, bsn_hash, bsn_last_four, given_name, family_name, date_of_birth, gender, route,
       impeding_health, impeding_justice, impeding_finances, created_at, created_by)
     VALUES ($1, $2, 'x', $3, '1234', 'Test', 'Deelnemer', '1990-01-01', 'unknown', 'b1', false, false, false, now(), $4)`,
    [participantId, municipalityId, randomBytes(16).toString('hex'), userId],
  );
  await db.query(
    `INSERT INTO referral (id, municipality_id, participant_id, provider_id, product_code, contract_id, contract_version, status, referred_on, referred_at, referred_by, acknowledgement_due_date)
     VALUES ($1, $2, $3, $4, 'b1_language', 'westfriesland', 1, 'referred', '2026-01-05', now(), $5, '2026-01-12')`,
    [referralId, municipalityId, participantId, providerId, userId],
  );
  return { participantId, referralId };
}

function anEvent(r: { participantId: string; referralId: string }, municipalityId: string, providerId: string, productCode: string, overrides: Partial<NewBillableEvent> = {}): NewBillableEvent {
  return {
    participantId: r.participantId,
    referralId: r.referralId,
    municipalityId,
    providerId,
    route: 'b1',
    productCode,
    earnedOn: '2026-03-31',
    amountCents: 123_45,
    vatCategory: 'E',
    vatRate: 0,
    contractId: 'westfriesland',
    contractVersion: 1,
    factKind: 'monthEnd',
    factId: null,
    ...overrides,
  };
}

describe('invoicing store', () => {
  let t: TestKoers;
  let ctx: InvoicingContext;
  let userId: string;
  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-06-15' });
    userId = (await aUser(t, 'consultant', 'hoorn')).id;
    ctx = { crypto: t.koers.crypto, clock: t.koers.clock, who: { trace: { traceId: newTraceId(), operationId: newOperationId(), origin: 'test', startedAt: new Date() } } };
  });
  afterAll(async () => {
    await t?.stop();
  });

  const numbers = async (providerId: string) =>
    (await t.koers.db.query<{ number: number }>(`SELECT number FROM invoice WHERE provider_id = $1 ORDER BY number`, [providerId])).map((r) => r.number);

  it('records an event twice as one row and returns it only the first time (billable_event_once)', async () => {
    const r = await aReferral(t.koers.db, userId, HOORN, LEERHUIS);
    const event = anEvent(r, HOORN, LEERHUIS, 'p1');
    const first = await t.koers.db.transaction((tx) => recordBillableEvents(tx, ctx, [event]));
    const second = await t.koers.db.transaction((tx) => recordBillableEvents(tx, ctx, [event, { ...event, amountCents: 999 }]));
    expect(first.map((e) => e.productCode)).toEqual(['p1']);
    expect(first[0]?.amountCents).toBe(123_45);
    expect(second).toEqual([]);
    const rows = await t.koers.db.query<{ amount: number }>(`SELECT amount_cents AS amount FROM billable_event WHERE participant_id = $1`, [r.participantId]);
    expect(rows).toEqual([{ amount: 123_45 }]);
    // The database refuses a second row even without ON CONFLICT.
    await expect(t.koers.db.query(`INSERT INTO billable_event SELECT gen_random_uuid(), participant_id, municipality_id, provider_id, referral_id, route, product_code,
      earned_on, amount_cents, vat_category, vat_rate, contract_id, contract_version, fact_kind, fact_id, recorded_at FROM billable_event WHERE participant_id = $1`, [r.participantId])).rejects.toThrow();
  });

  it('prepares one invoice per municipality with that municipality\'s events only; a second run finds nothing and uses no number', async () => {
    const hoorn = await Promise.all([1, 2].map(() => aReferral(t.koers.db, userId, HOORN, TAALPUNT)));
    const enkhuizen = await aReferral(t.koers.db, userId, ENKHUIZEN, TAALPUNT);
    await t.koers.db.transaction((tx) =>
      recordBillableEvents(tx, ctx, [
        ...hoorn.flatMap((r) => [anEvent(r, HOORN, TAALPUNT, 'p1', { earnedOn: '2026-02-28' }), anEvent(r, HOORN, TAALPUNT, 'p2')]),
        anEvent(enkhuizen, ENKHUIZEN, TAALPUNT, 'p1'),
        // Earned after the cut-off: not on this invoice.
        ...hoorn.slice(0, 1).map((r) => anEvent(r, HOORN, TAALPUNT, 'p3', { earnedOn: '2026-07-31' })),
      ]),
    );
    const invoice = await prepareInvoice(t.koers.db, ctx, { providerId: TAALPUNT, municipalityId: HOORN, upTo: '2026-06-30' });
    expect(invoice?.number).toBe(1);
    expect(invoice?.lines).toHaveLength(4);
    expect(new Set(invoice?.lines.map((l) => l.participantId))).toEqual(new Set(hoorn.map((r) => r.participantId)));
    expect(invoice?.lines.every((l) => l.municipalityId === HOORN && l.status === 'toCheck')).toBe(true);
    expect(invoice).toMatchObject({ kind: 'invoice', status: 'prepared', issueDate: '2026-06-15', dueDate: '2026-07-15', periodStart: '2026-02-28', periodEnd: '2026-06-30', totalExclVatCents: 4 * 123_45, totalVatCents: 0 });

    expect(await prepareInvoice(t.koers.db, ctx, { providerId: TAALPUNT, municipalityId: HOORN, upTo: '2026-06-30' })).toBeUndefined();
    const other = await prepareInvoice(t.koers.db, ctx, { providerId: TAALPUNT, municipalityId: ENKHUIZEN, upTo: '2026-06-30' });
    expect(other?.number).toBe(2);
    expect(other?.lines.map((l) => l.participantId)).toEqual([enkhuizen.participantId]);
    expect(await numbers(TAALPUNT)).toEqual([1, 2]);
    const audit = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'invoice.prepare' AND object_id = $1`, [invoice?.id]);
    expect(audit[0]?.n).toBe(2); // one line per participant on the invoice
  });

  it('shows an invoice only to its provider and its municipality, and lists what is earned and not yet invoiced', async () => {
    const municipality = organisationId('municipality', 'koggenland');
    const now = await aReferral(t.koers.db, userId, municipality, LEERHUIS);
    const later = await aReferral(t.koers.db, userId, municipality, LEERHUIS);
    await t.koers.db.transaction((tx) => recordBillableEvents(tx, ctx, [anEvent(now, municipality, LEERHUIS, 'p1'), anEvent(later, municipality, LEERHUIS, 'p1', { earnedOn: '2026-08-31' })]));
    const open = await listUninvoicedEvents(t.koers.db, { providerId: LEERHUIS, municipalityId: municipality, upTo: '2026-06-30' });
    expect(open.map((e) => e.participantId)).toEqual([now.participantId]);
    const invoice = await prepareInvoice(t.koers.db, ctx, { providerId: LEERHUIS, municipalityId: municipality, upTo: '2026-06-30' });
    if (invoice === undefined) throw new Error('no invoice');
    expect(await listUninvoicedEvents(t.koers.db, { providerId: LEERHUIS, municipalityId: municipality, upTo: '2026-06-30' })).toEqual([]);
    expect((await listUninvoicedEvents(t.koers.db, { providerId: LEERHUIS, upTo: '2026-12-31' })).map((e) => e.participantId)).toContain(later.participantId);
    expect((await findInvoice(t.koers.db, { providerId: LEERHUIS }, invoice.id))?.lines).toHaveLength(1);
    expect((await findInvoice(t.koers.db, { municipalityId: municipality }, invoice.id))?.id).toBe(invoice.id);
    expect(await findInvoice(t.koers.db, { providerId: TAALPUNT }, invoice.id)).toBeUndefined();
    expect(await findInvoice(t.koers.db, { municipalityId: HOORN }, invoice.id)).toBeUndefined();
    expect((await listInvoices(t.koers.db, { municipalityId: municipality })).map((i) => i.id)).toEqual([invoice.id]);
    expect((await listInvoices(t.koers.db, { municipalityId: HOORN })).map((i) => i.id)).not.toContain(invoice.id);
  });

  it('computes VAT once per rate on the sum of the lines (21% of 3 × 0.05 is 0.03, not 3 × 0.01)', async () => {
    const provider = organisationId('provider', 'werkwijs-participatie');
    const rs = await Promise.all([1, 2, 3].map(() => aReferral(t.koers.db, userId, HOORN, provider)));
    await t.koers.db.transaction((tx) => recordBillableEvents(tx, ctx, rs.map((r) => anEvent(r, HOORN, provider, 'pvt', { amountCents: 5, vatCategory: 'S', vatRate: 21 }))));
    const invoice = await prepareInvoice(t.koers.db, ctx, { providerId: provider, municipalityId: HOORN, upTo: '2026-06-30' });
    expect(invoice).toMatchObject({ totalExclVatCents: 15, totalVatCents: 3, totalInclVatCents: 18 });
    expect(invoice?.lines.every((l) => l.vatCategory === 'S' && l.vatRate === 21)).toBe(true);
  });

  it('a credit note takes the next number, reverses the lines, and their events go on a new invoice', async () => {
    const municipality = organisationId('municipality', 'medemblik');
    const rs = await Promise.all([1, 2].map(() => aReferral(t.koers.db, userId, municipality, LEERHUIS)));
    await t.koers.db.transaction((tx) => recordBillableEvents(tx, ctx, rs.map((r) => anEvent(r, municipality, LEERHUIS, 'p1'))));
    const invoice = await prepareInvoice(t.koers.db, ctx, { providerId: LEERHUIS, municipalityId: municipality, upTo: '2026-06-30' });
    const [disputed, kept] = invoice?.lines ?? [];
    if (invoice === undefined || disputed === undefined || kept === undefined) throw new Error('no invoice');
    await checkLine(t.koers.db, ctx, { municipalityId: municipality, lineId: kept.id, status: 'approved' });
    // Another municipality cannot touch the line.
    await expect(checkLine(t.koers.db, ctx, { municipalityId: HOORN, lineId: disputed.id, status: 'approved' })).rejects.toThrow();
    await checkLine(t.koers.db, ctx, { municipalityId: municipality, lineId: disputed.id, status: 'disputed', reason: 'Voortgangsrapportage ontbreekt' });

    const credit = await creditLines(t.koers.db, ctx, { providerId: LEERHUIS, invoiceId: invoice.id, lineIds: [disputed.id], reason: 'Regel betwist' });
    expect(credit).toMatchObject({ kind: 'creditNote', number: invoice.number + 1, creditsInvoiceId: invoice.id, creditReason: 'Regel betwist', totalExclVatCents: 123_45 });
    expect(credit.lines.map((l) => [l.eventId, l.status])).toEqual([[disputed.eventId, 'reversal']]);
    const after = await findInvoice(t.koers.db, { municipalityId: municipality }, invoice.id);
    if (after === undefined) throw new Error('the municipality does not find its invoice');
    expect(after.lines.find((l) => l.id === disputed.id)).toMatchObject({ status: 'credited', creditedByLine: credit.lines[0]?.id, disputeReason: 'Voortgangsrapportage ontbreekt' });
    expect(after.lines.find((l) => l.id === kept.id)?.status).toBe('approved');
    // Crediting the same line again is refused and uses no number.
    await expect(creditLines(t.koers.db, ctx, { providerId: LEERHUIS, invoiceId: invoice.id, lineIds: [disputed.id], reason: 'Nog eens' })).rejects.toThrow();

    const again = await prepareInvoice(t.koers.db, ctx, { providerId: LEERHUIS, municipalityId: municipality, upTo: '2026-06-30' });
    expect(again?.number).toBe(invoice.number + 2);
    expect(again?.lines.map((l) => l.eventId)).toEqual([disputed.eventId]);
    // The database itself refuses a second live line for an event.
    await expect(t.koers.db.query(`INSERT INTO invoice_line (id, invoice_id, event_id, participant_id, municipality_id, amount_cents, status)
      SELECT gen_random_uuid(), invoice_id, event_id, participant_id, municipality_id, amount_cents, 'toCheck' FROM invoice_line WHERE id = $1`, [kept.id])).rejects.toThrow();
    const history = await t.koers.db.query<{ status: string }>(`SELECT status FROM invoice_line_change WHERE line_id = $1 ORDER BY seq`, [disputed.id]);
    expect(history.map((h) => h.status)).toEqual(['toCheck', 'disputed', 'credited']);
    // The history is append-only.
    await expect(t.koers.db.query(`UPDATE invoice_line_change SET reason = 'anders' WHERE line_id = $1`, [disputed.id])).rejects.toThrow();
    await expect(t.koers.db.query(`DELETE FROM invoice_line_change WHERE line_id = $1`, [disputed.id])).rejects.toThrow();
  });

  it('moves an invoice from prepared through pro forma to sent, never back, and only for its own provider', async () => {
    const municipality = organisationId('municipality', 'opmeer');
    const r = await aReferral(t.koers.db, userId, municipality, TAALPUNT);
    await t.koers.db.transaction((tx) => recordBillableEvents(tx, ctx, [anEvent(r, municipality, TAALPUNT, 'p1')]));
    const invoice = await prepareInvoice(t.koers.db, ctx, { providerId: TAALPUNT, municipalityId: municipality, upTo: '2026-06-30' });
    if (invoice === undefined) throw new Error('no invoice');
    await expect(advanceInvoice(t.koers.db, ctx, { providerId: LEERHUIS, invoiceId: invoice.id, status: 'sent' })).rejects.toThrow('bestaat niet');
    expect((await advanceInvoice(t.koers.db, ctx, { providerId: TAALPUNT, invoiceId: invoice.id, status: 'proForma' })).status).toBe('proForma');
    expect((await advanceInvoice(t.koers.db, ctx, { providerId: TAALPUNT, invoiceId: invoice.id, status: 'sent' })).status).toBe('sent');
    await expect(advanceInvoice(t.koers.db, ctx, { providerId: TAALPUNT, invoiceId: invoice.id, status: 'proForma' })).rejects.toThrow('al gehad');
    const audit = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'invoice.status' AND object_id = $1`, [invoice.id]);
    expect(audit[0]?.n).toBe(2);
  });

  it('numbers each provider\'s invoices and credit notes 1..n without gap, also after a run that failed holding a number', async () => {
    const provider = organisationId('provider', 'werkwijs-participatie');
    const r = await aReferral(t.koers.db, userId, ENKHUIZEN, provider);
    await t.koers.db.transaction((tx) => recordBillableEvents(tx, ctx, [anEvent(r, ENKHUIZEN, provider, 'p1')]));
    const invoice = await prepareInvoice(t.koers.db, ctx, { providerId: provider, municipalityId: ENKHUIZEN, upTo: '2026-06-30' });
    const line = invoice?.lines[0];
    if (invoice === undefined || line === undefined) throw new Error('no invoice');
    // This credit note takes its number, then its INSERT fails (credit_reason is required): all rolls back.
    await expect(creditLines(t.koers.db, ctx, { providerId: provider, invoiceId: invoice.id, lineIds: [line.id], reason: null as unknown as string })).rejects.toThrow();
    expect((await findInvoice(t.koers.db, { providerId: provider }, invoice.id))?.lines[0]?.status).toBe('toCheck');
    const credit = await creditLines(t.koers.db, ctx, { providerId: provider, invoiceId: invoice.id, lineIds: [line.id], reason: 'Dubbel' });
    expect(credit.number).toBe(invoice.number + 1);
    for (const p of [TAALPUNT, LEERHUIS, provider]) {
      const ns = await numbers(p);
      expect(ns.length).toBeGreaterThan(0);
      expect(ns).toEqual(ns.map((_, i) => i + 1));
    }
  });
});
