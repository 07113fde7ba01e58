// Issue #11, the invoicing run end to end (R-INV-1, R-INV-4, R-INV-5, R-INV-6): facts of one provider's
// participants in two municipalities of one region → billable events → one collective invoice per
// municipality → SI-UBL validated with the official rules (0 fatal); a re-run invoices nothing new; a
// credited line's credit note validates too and its event is invoiced again by the next run.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateUbl } from '../../shared/reference/si-ubl-2.0/validate-ubl.mjs';
import { organisationId } from '../src/features/organisations/store.js';
import { invoiceDocumentOf } from '../src/features/invoicing/document.js';
import { runInvoicing } from '../src/features/invoicing/run.js';
import { creditLines, type InvoicingContext } from '../src/features/invoicing/store.js';
import type { Invoice } from '../src/features/invoicing/store-types.js';
import { buildUbl } from '../src/features/invoicing/ubl.js';
import { newOperationId, newTraceId } from '../src/platform/audit.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const PROVIDER = organisationId('provider', 'echt-nederlands');
const ARNHEM = organisationId('municipality', 'arnhem');
const DOESBURG = organisationId('municipality', 'doesburg');

interface Person {
  participantId: string;
  referralId: string;
  municipalityId: string;
  clientNumber: string;
}

async function fatalsOf(xml: string): Promise<string[]> {
  const r = await validateUbl(xml, { rules: 'si-ubl' });
  return r.fatal.map((f) => `${f.id} ${f.location} ${f.text}`);
}

describe(`the invoicing run, facts to validated UBL, on ${DB_KIND}`, () => {
  let t: TestKoers;
  let ctx: InvoicingContext;
  let coordinatorId: string;
  const people: Person[] = [];
  const first: Record<string, Invoice> = {};

  /** A participant referred through the API by the municipality's consultant to Echt Nederlands (B1 route). */
  async function aPerson(consultant: Client, municipalityId: string, clientNumber: string): Promise<Person> {
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ clientNumber, dutyStartDate: '2026-01-01', dutyEndDate: '2028-12-31', referral: { providerId: PROVIDER, productCode: 'b1_language' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const p = { participantId: res.body.id as string, referralId: res.body.referrals[0].id as string, municipalityId, clientNumber };
    people.push(p);
    return p;
  }

  // The lifecycle up to the start (intake, plan, signature) is covered by its own tests; only the facts
  // the invoicing reads matter here, written as the lifecycle, report and route-event stores write them.
  const start = (p: Person, on: string) => t.koers.db.query(`UPDATE referral SET started_on = $2 WHERE id = $1`, [p.referralId, on]);
  const routeEnded = (p: Person, on: string) =>
    t.koers.db.query(
      `INSERT INTO route_event (id, participant_id, municipality_id, referral_id, type, on_date, details, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, 'routeEnded', $5, '{}'::jsonb, $6, now())`,
      [randomUUID(), p.participantId, p.municipalityId, p.referralId, on, coordinatorId],
    );
  const progressReport = (p: Person, on: string) =>
    t.koers.db.query(
      `INSERT INTO progress_report (id, participant_id, referral_id, municipality_id, provider_id, kind, status, content, computed_status, created_by, created_at, submitted_by, submitted_at, submitted_on)
       VALUES ($1, $2, $3, $4, $5, 'progress', 'submitted', '{}'::jsonb, 'onTrack', $6, now(), $6, now(), $7)`,
      [randomUUID(), p.participantId, p.referralId, p.municipalityId, PROVIDER, coordinatorId, on],
    );
  const run = (municipalityId: string) => runInvoicing(t.koers.db, t.koers.contracts, ctx, { providerId: PROVIDER, municipalityId, upTo: '2026-07-31' });
  const ublOf = async (invoiceId: string) => buildUbl(await invoiceDocumentOf(t.koers.db, t.koers.contracts, { providerId: PROVIDER }, invoiceId));

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-01-05' });
    ctx = { crypto: t.koers.crypto, clock: t.koers.clock, who: { trace: { traceId: newTraceId(), operationId: newOperationId(), origin: 'test', startedAt: new Date() } } };
    coordinatorId = (await aUser(t, 'providerCoordinator', 'echt-nederlands')).id;
    const arnhem = await Client.loggedIn(t, await aUser(t, 'consultant', 'arnhem'));
    const doesburg = await Client.loggedIn(t, await aUser(t, 'consultant', 'doesburg'));
    const [a1, a2, d1, d2] = [await aPerson(arnhem, ARNHEM, 'ARN-1001'), await aPerson(arnhem, ARNHEM, 'ARN-1002'), await aPerson(doesburg, DOESBURG, 'DSB-2001'), await aPerson(doesburg, DOESBURG, 'DSB-2002')];
    if (a1 === undefined || a2 === undefined || d1 === undefined || d2 === undefined) throw new Error('no participants');
    for (const p of [a1, a2, d1, d2]) await start(p, '2026-01-12');
    await progressReport(a1, '2026-07-20'); // month 6's report → p2 (Mijlpaal 1A) on 20 July
    await routeEnded(a2, '2026-03-01'); // finished early → p2, p3 and p4 at once
    await progressReport(d2, '2026-07-15');
    t.clock.setToday('2026-08-01');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('invoices each municipality only its own participants, by event and by client number', async () => {
    for (const [municipalityId, own] of [[ARNHEM, ['ARN-1001', 'ARN-1002']], [DOESBURG, ['DSB-2001', 'DSB-2002']]] as const) {
      const result = await run(municipalityId);
      const mine = new Set(people.filter((p) => p.municipalityId === municipalityId).map((p) => p.participantId));
      // The run reads only this municipality's facts: it records no event of the other's participants.
      expect(result.recorded.length).toBeGreaterThan(0);
      expect(result.recorded.every((e) => e.municipalityId === municipalityId && mine.has(e.participantId))).toBe(true);
      expect(result.skipped).toEqual([]);
      const invoice = result.invoice;
      if (invoice === undefined) throw new Error('no invoice');
      first[municipalityId] = invoice;
      expect(invoice.lines.every((l) => mine.has(l.participantId) && l.municipalityId === municipalityId)).toBe(true);
      const doc = await invoiceDocumentOf(t.koers.db, t.koers.contracts, { municipalityId }, invoice.id);
      expect(new Set(doc.lines.map((l) => l.clientNumber))).toEqual(new Set(own));
      expect(doc.buyer.legalId.scheme).toBe('oin');
    }
    // A1: p1 + p2 (report); A2: p1 + early finish p2, p3, p4. D1: p1; D2: p1 + p2.
    expect(first[ARNHEM]?.lines.map((l) => l.productCode).sort()).toEqual(['p1', 'p1', 'p2', 'p2', 'p3', 'p4']);
    expect(first[DOESBURG]?.lines.map((l) => l.productCode).sort()).toEqual(['p1', 'p1', 'p2']);
    // B1 route € 10.000: p1 30% (€ 3.000), p2 25%; the invoice total is the sum of its lines (exempt, no VAT).
    expect(first[DOESBURG]?.totalExclVatCents).toBe(300000 + 300000 + 250000);
    expect(first[DOESBURG]?.totalVatCents).toBe(0);
  });

  it('each invoice is valid SI-UBL 2.0 under the official rules (0 fatal), numbered <PROVIDER>/<year>/<n>', async () => {
    for (const invoice of Object.values(first)) {
      const xml = await ublOf(invoice.id);
      expect(await fatalsOf(xml)).toEqual([]);
      expect(xml).toContain(`<cbc:ID>ECHT-NEDERLANDS/2026/${String(invoice.number).padStart(5, '0')}</cbc:ID>`);
      for (const p of people) expect(xml.includes(p.clientNumber)).toBe(p.municipalityId === invoice.municipalityId);
    }
  });

  it('a second run invoices nothing new', async () => {
    for (const municipalityId of [ARNHEM, DOESBURG]) {
      const again = await run(municipalityId);
      expect(again.recorded).toEqual([]);
      expect(again.invoice).toBeUndefined();
    }
  });

  it('a credited line gives a valid credit note, and the next run invoices its event again', async () => {
    const invoice = first[ARNHEM];
    const line = invoice?.lines[0];
    if (invoice === undefined || line === undefined) throw new Error('no invoice');
    const credit = await creditLines(t.koers.db, ctx, { providerId: PROVIDER, invoiceId: invoice.id, lineIds: [line.id], reason: 'Startdatum onjuist.' });
    expect(credit.kind).toBe('creditNote');
    const xml = await ublOf(credit.id);
    expect(xml).toContain('<CreditNote');
    expect(await fatalsOf(xml)).toEqual([]);
    expect(xml).toContain(`ECHT-NEDERLANDS/2026/${String(invoice.number).padStart(5, '0')}`); // the credited invoice (BillingReference)
    // Doesburg's run first: Arnhem's event, uninvoiced again, must not land on Doesburg's invoice.
    expect((await run(DOESBURG)).invoice).toBeUndefined();
    const next = await run(ARNHEM);
    expect(next.recorded).toEqual([]);
    expect(next.invoice?.lines.map((l) => l.eventId)).toEqual([line.eventId]);
    expect(await fatalsOf(await ublOf(next.invoice?.id ?? ''))).toEqual([]);
  });
});
