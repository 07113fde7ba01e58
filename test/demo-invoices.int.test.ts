// Issue #11, "The demo region shows invoices in every state" (R-INV-4, R-INV-6): the demo as the browser
// tests load it (today 2026-12-23, 40 participants) holds prepared, pro-forma and sent invoices, a credit
// note, lines to check, approved, disputed with a reason, credited and invoiced again, and one provider →
// municipality pair with earned events left open; no invoice mixes municipalities and every demo
// invoice and credit note is valid SI-UBL 2.0 under the official rules (0 fatal).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateUbl } from '../../shared/reference/si-ubl-2.0/validate-ubl.mjs';
import { DEMO_DISPUTE_REASON } from '../src/features/demo/invoicing.js';
import { invoiceDocumentOf } from '../src/features/invoicing/document.js';
import { listUninvoicedEvents } from '../src/features/invoicing/store.js';
import { buildUbl } from '../src/features/invoicing/ubl.js';
import { organisationId } from '../src/features/organisations/store.js';
import { DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const TODAY = '2026-12-23';

interface Head {
  id: string;
  providerId: string;
  municipalityId: string;
  provider: string;
  municipality: string;
  kind: string;
  status: string;
  issueDate: string;
  dueDate: string;
}

/** What a reader of the demo sees of its invoices, without the ids the store draws at random. */
async function fingerprint(k: TestKoers): Promise<unknown[]> {
  return k.koers.db.query(
    `SELECT p.code AS provider, m.code AS municipality, i.number, i.kind, i.status, i.issue_date::text AS "issueDate", i.total_incl_vat_cents::text AS total,
       (SELECT string_agg(pa.client_number || ' ' || e.product_code || ' ' || l.amount_cents || ' ' || l.status, ', ' ORDER BY pa.client_number, e.product_code, l.status)
        FROM invoice_line l JOIN billable_event e ON e.id = l.event_id JOIN participant pa ON pa.id = l.participant_id WHERE l.invoice_id = i.id) AS lines
     FROM invoice i JOIN provider p ON p.id = i.provider_id JOIN municipality m ON m.id = i.municipality_id ORDER BY p.code, i.number`,
  );
}

describe(`demo invoices on ${DB_KIND}`, () => {
  let t: TestKoers;
  let invoices: Head[];
  let lines: { invoiceId: string; eventId: string; status: string; disputeReason: string | null; lineMunicipality: string; participantMunicipality: string; eventMunicipality: string; earnedOn: string }[];

  beforeAll(async () => {
    t = await startTestKoers({ today: TODAY, config: { demo: true, demoSize: 40 } });
    invoices = await t.koers.db.query<Head>(
      `SELECT i.id, i.provider_id AS "providerId", i.municipality_id AS "municipalityId", p.code AS provider, m.code AS municipality, i.kind, i.status,
         i.issue_date::text AS "issueDate", i.due_date::text AS "dueDate"
       FROM invoice i JOIN provider p ON p.id = i.provider_id JOIN municipality m ON m.id = i.municipality_id ORDER BY p.code, i.number`,
    );
    lines = await t.koers.db.query(
      `SELECT l.invoice_id AS "invoiceId", l.event_id AS "eventId", l.status, l.dispute_reason AS "disputeReason", l.municipality_id AS "lineMunicipality",
         pa.municipality_id AS "participantMunicipality", e.municipality_id AS "eventMunicipality", e.earned_on::text AS "earnedOn"
       FROM invoice_line l JOIN participant pa ON pa.id = l.participant_id JOIN billable_event e ON e.id = l.event_id`,
    );
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('holds every invoice status and kind, and every line status', () => {
    expect(new Set(invoices.map((i) => i.status))).toEqual(new Set(['prepared', 'proForma', 'sent']));
    expect(new Set(invoices.map((i) => i.kind))).toEqual(new Set(['invoice', 'creditNote']));
    expect(new Set(lines.map((l) => l.status))).toEqual(new Set(['toCheck', 'approved', 'disputed', 'credited', 'reversal']));
    // A disputed line carries the municipality's reason, in Dutch.
    const disputed = lines.filter((l) => l.status === 'disputed');
    expect(disputed.length).toBeGreaterThan(0);
    expect(disputed.map((l) => l.disputeReason)).toEqual(disputed.map(() => DEMO_DISPUTE_REASON));
  });

  it('invoices a credited line again on a later invoice of the same pair', () => {
    const credited = lines.filter((l) => l.status === 'credited');
    expect(credited.length).toBeGreaterThan(0);
    for (const c of credited) {
      const again = lines.filter((l) => l.eventId === c.eventId && l.invoiceId !== c.invoiceId && l.status !== 'reversal' && l.status !== 'credited');
      expect(again).toHaveLength(1);
      const [was, now] = [invoices.find((i) => i.id === c.invoiceId), invoices.find((i) => i.id === again[0]?.invoiceId)];
      expect(now?.kind).toBe('invoice');
      expect((now?.issueDate ?? '') > (was?.issueDate ?? '')).toBe(true);
    }
  });

  it('mixes no municipalities: every line is of the invoice municipality, by line, event and participant', () => {
    const byId = new Map(invoices.map((i) => [i.id, i]));
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) {
      const own = byId.get(l.invoiceId)?.municipalityId;
      expect([l.lineMunicipality, l.eventMunicipality, l.participantMunicipality]).toEqual([own, own, own]);
    }
  });

  it('dates nothing after the demo today, and each due date follows the contract payment term', () => {
    for (const i of invoices) {
      expect(i.issueDate <= TODAY).toBe(true);
      const days = (Date.parse(i.dueDate) - Date.parse(i.issueDate)) / 86_400_000;
      expect(days).toBe(t.koers.contracts.byId('westfriesland')?.paymentTerm?.days);
    }
    expect(lines.every((l) => l.earnedOn <= TODAY)).toBe(true);
  });

  it('leaves Leerhuis Noord → Enkhuizen earned and not invoiced, for the provider to prepare', async () => {
    const pair = { providerId: organisationId('provider', 'leerhuis-noord'), municipalityId: organisationId('municipality', 'enkhuizen') };
    expect(invoices.filter((i) => i.providerId === pair.providerId && i.municipalityId === pair.municipalityId)).toEqual([]);
    const open = await listUninvoicedEvents(t.koers.db, { ...pair, upTo: TODAY });
    expect(open.length).toBeGreaterThanOrEqual(3);
  });

  it('is the same on every load of the same demo (seeded, dated from the demo today)', async () => {
    const again = await startTestKoers({ today: TODAY, config: { demo: true, demoSize: 40 } });
    try {
      expect(await fingerprint(again)).toEqual(await fingerprint(t));
    } finally {
      await again.stop();
    }
  });

  it('each demo invoice and credit note is valid SI-UBL 2.0 (0 fatal)', async () => {
    expect(invoices.length).toBeGreaterThanOrEqual(5);
    for (const i of invoices) {
      const xml = buildUbl(await invoiceDocumentOf(t.koers.db, t.koers.contracts, { providerId: i.providerId }, i.id));
      const result = await validateUbl(xml, { rules: 'si-ubl' });
      expect(result.fatal.map((f) => `${i.provider} ${i.municipality} ${i.kind}: ${f.id} ${f.text}`)).toEqual([]);
    }
  });
});
