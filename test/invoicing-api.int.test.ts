// Issue #11, the invoicing API end to end over HTTP (R-INV-1, R-INV-4, R-INV-5, R-INV-6): the scheduled
// run records what the facts earned → the provider's earned list → the run prepares Doesburg's invoice
// → pro-forma → send (the PDF mailed) → the municipality approves one line and disputes another (a
// dispute without a reason is refused and changes nothing) → the evidence of a line → the provider
// credits the disputed line → the next run invoices it again. Arnhem never sees Doesburg's invoice; the
// contract manager's totals carry no person; every UBL the API returns has 0 fatal findings under the
// official SI-UBL rules; the reads and changes are audited.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateUbl } from '../../shared/reference/si-ubl-2.0/validate-ubl.mjs';
import { scheduledInvoicing } from '../src/features/invoicing/sweep.js';
import { organisationId } from '../src/features/organisations/store.js';
import { runSignalEngine } from '../src/features/referrals/signal-engine.js';
import { pdfGlyphText } from './support/pdf-text.js';
import { aParticipantInput, aUser, Client, DB_KIND, snapshot, startTestKoers, type TestKoers } from './support/koers.js';

const PROVIDER = organisationId('provider', 'echt-nederlands');
const ARNHEM = organisationId('municipality', 'arnhem');
const DOESBURG = organisationId('municipality', 'doesburg');

interface Person {
  participantId: string;
  referralId: string;
  municipalityId: string;
  clientNumber: string;
  bsn: string;
  name: string;
}

async function fatalsOf(xml: string): Promise<string[]> {
  const r = await validateUbl(xml, { rules: 'si-ubl' });
  return r.fatal.map((f) => `${f.id} ${f.location} ${f.text}`);
}

describe(`the invoicing API on ${DB_KIND}`, () => {
  let t: TestKoers;
  let provider: Client;
  let doesburg: Client;
  let arnhem: Client;
  let coordinatorId: string;
  const people: Person[] = [];
  let invoiceId = '';
  let creditId = '';
  const ubls: string[] = [];

  async function aPerson(consultant: Client, municipalityId: string, clientNumber: string): Promise<Person> {
    const input = aParticipantInput({ clientNumber, dutyStartDate: '2026-01-01', dutyEndDate: '2028-12-31', referral: { providerId: PROVIDER, productCode: 'b1_language' } });
    const res = await consultant.post('/api/v1/participants', input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const p = { participantId: res.body.id as string, referralId: res.body.referrals[0].id as string, municipalityId, clientNumber, bsn: String(input.bsn), name: `${String(input.givenName)} ${String(input.familyName)}` };
    people.push(p);
    return p;
  }
  // The facts the invoicing reads, written as their stores write them (their own tests cover the steps).
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
  const auditCount = async (name: string) => (await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = $1`, [name]))[0]?.n ?? 0;
  const ublOf = async (c: Client, id: string) => {
    const res = await c.get(`/api/v1/invoices/${id}/ubl`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/xml');
    ubls.push(String(res.body));
    return String(res.body);
  };

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-01-05' });
    const coordinator = await aUser(t, 'providerCoordinator', 'echt-nederlands');
    coordinatorId = coordinator.id;
    provider = await Client.loggedIn(t, coordinator);
    arnhem = await Client.loggedIn(t, await aUser(t, 'consultant', 'arnhem'));
    doesburg = await Client.loggedIn(t, await aUser(t, 'consultant', 'doesburg'));
    const [a1, d1, d2] = [await aPerson(arnhem, ARNHEM, 'ARN-1001'), await aPerson(doesburg, DOESBURG, 'DSB-2001'), await aPerson(doesburg, DOESBURG, 'DSB-2002')];
    if (a1 === undefined || d1 === undefined || d2 === undefined) throw new Error('no participants');
    for (const p of [a1, d1, d2]) await start(p, '2026-01-12');
    await progressReport(d1, '2026-07-15'); // month 6's report → p2 on 15 July
    await routeEnded(d2, '2026-03-01'); // finished early → p2, p3 and p4 at once
    t.clock.setToday('2026-08-01');
    // Two hours registered by the provider's system on the start day, for the evidence (R-INV-6).
    for (const p of [d1, d2]) {
      const pushed = await provider.request('POST', '/api/v1/hours-batches', { items: [{ externalId: `h-${p.participantId}`, participantId: p.participantId, referralId: p.referralId, date: '2026-01-12', kind: 'internship', minutes: 120 }] }, { 'idempotency-key': `h-${p.participantId}` });
      expect(pushed.status, JSON.stringify(pushed.body)).toBe(201);
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the earned list is empty until the scheduled run has recorded what the facts earn, then shows it per municipality', async () => {
    expect((await provider.get('/api/v1/invoicing/earned')).body).toMatchObject({ items: [], total: 0 });
    await runSignalEngine(t.koers.db, t.koers.contracts, t.clock.today(), scheduledInvoicing(t.koers.contracts, { crypto: t.koers.crypto, clock: t.koers.clock }));
    const before = await auditCount('billable.list');
    const res = await provider.get('/api/v1/invoicing/earned?pageSize=100');
    expect(res.status).toBe(200);
    // A1: p1. D1: p1 + p2. D2: p1 + early finish p2, p3, p4.
    expect(res.body.total).toBe(7);
    expect(res.body.perMunicipality.map((m: { municipalityId: string; count: number }) => [m.municipalityId, m.count]).sort()).toEqual([[ARNHEM, 1], [DOESBURG, 6]].sort());
    const item = res.body.items.find((i: { clientNumber: string }) => i.clientNumber === 'DSB-2001');
    expect(item).toMatchObject({ participantName: people[1]?.name, municipalityName: 'Doesburg', productCode: 'p1', amountCents: 300000, vatRate: 0 });
    expect(await auditCount('billable.list')).toBeGreaterThan(before);
    const filtered = await provider.get(`/api/v1/invoicing/earned?municipalityId=${ARNHEM}`);
    expect(filtered.body.items.map((i: { clientNumber: string }) => i.clientNumber)).toEqual(['ARN-1001']);
    const csv = await provider.get('/api/v1/invoicing/earned/export?format=csv');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toContain('DSB-2002');
    for (const p of people) expect(String(csv.body)).not.toContain(p.bsn);
  });

  it('a run up to a day in the future is refused naming upTo, and changes nothing', async () => {
    const before = await snapshot(t);
    const res = await provider.post('/api/v1/invoicing/runs', { municipalityId: DOESBURG, upTo: '2026-08-02' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['upTo']);
    expect(await snapshot(t)).toEqual(before);
  });

  it('the run prepares Doesburg\'s collective invoice; the municipality does not see the draft', async () => {
    const res = await provider.post('/api/v1/invoicing/runs', { municipalityId: DOESBURG, upTo: '2026-07-31' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.recorded).toBe(0); // the scheduled run recorded them already
    expect(res.body.skipped).toEqual([]);
    const invoice = res.body.invoice;
    expect(invoice).toMatchObject({ kind: 'invoice', status: 'prepared', providerId: PROVIDER, municipalityId: DOESBURG, municipalityName: 'Doesburg', totalVatCents: 0 });
    expect(invoice.numberText).toMatch(/^ECHT-NEDERLANDS\/2026\/\d{5}$/);
    expect(invoice.lineCounts).toEqual({ toCheck: 6, approved: 0, disputed: 0, credited: 0, reversal: 0 });
    invoiceId = invoice.id;
    // What is on the invoice has left the earned list; Arnhem's stays.
    expect((await provider.get('/api/v1/invoicing/earned')).body.perMunicipality.map((m: { municipalityId: string }) => m.municipalityId)).toEqual([ARNHEM]);
    expect((await doesburg.get(`/api/v1/invoices/${invoiceId}`)).status).toBe(404);
    expect((await doesburg.get('/api/v1/invoices')).body).toEqual({ items: [], total: 0 });
  });

  it('pro-forma shows it to Doesburg and never to Arnhem (404)', async () => {
    const res = await provider.post(`/api/v1/invoices/${invoiceId}/pro-forma`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('proForma');
    expect((await doesburg.get('/api/v1/invoices')).body.items.map((i: { id: string }) => i.id)).toEqual([invoiceId]);
    for (const url of [`/api/v1/invoices/${invoiceId}`, `/api/v1/invoices/${invoiceId}/pdf`, `/api/v1/invoices/${invoiceId}/ubl`]) expect((await arnhem.get(url)).status).toBe(404);
    // R-SEC-2: the denied attempts are logged although the caller only got 404: Doesburg's read of the draft, Arnhem's three.
    const denied = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'invoice.read' AND status = 'error' AND object_id = $1`, [invoiceId]);
    expect(denied[0]?.n).toBe(4);
    expect((await arnhem.get('/api/v1/invoices')).body.total).toBe(0);
    // A second pro-forma is a conflict.
    expect((await provider.post(`/api/v1/invoices/${invoiceId}/pro-forma`)).status).toBe(409);
    // 002 eis 13: the pro-forma PDF is no request for payment.
    const text = pdfGlyphText((await doesburg.bytes(`/api/v1/invoices/${invoiceId}/pdf`)).bytes);
    expect(text).toContain('Pro-formafactuur');
    expect(text).not.toContain('Verzamelfactuur');
  });

  it('send marks it sent and mails its PDF once; the PDF and UBL carry client numbers, never a BSN or a name', async () => {
    const before = await auditCount('invoice.read');
    const res = await provider.post(`/api/v1/invoices/${invoiceId}/send`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('sent');
    const mails = await t.koers.db.query<{ recipient: string }>(`SELECT recipient FROM outbox WHERE dedupe_key LIKE $1`, [`invoice:${invoiceId}:%`]);
    expect(mails.map((m) => m.recipient)).toEqual(['crediteuren-administratie@doesburg.nl']);
    expect((await provider.post(`/api/v1/invoices/${invoiceId}/send`)).status).toBe(409);
    const pdf = await doesburg.get(`/api/v1/invoices/${invoiceId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/filename="factuur-ECHT-NEDERLANDS-2026-nr\d{5}\.pdf"/);
    expect(pdfGlyphText((await doesburg.bytes(`/api/v1/invoices/${invoiceId}/pdf`)).bytes)).toContain('Verzamelfactuur');
    const xml = await ublOf(doesburg, invoiceId);
    expect(xml).toContain('DSB-2001');
    for (const p of people) {
      expect(xml).not.toContain(p.bsn);
      expect(xml).not.toContain(p.name);
    }
    expect(xml).not.toContain('ARN-1001');
    expect(await auditCount('invoice.read')).toBeGreaterThan(before);
  });

  it('the municipality approves a line, is refused a dispute without reason (nothing changes), disputes with one', async () => {
    const detail = await doesburg.get(`/api/v1/invoices/${invoiceId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.lines).toHaveLength(6);
    const [first, second] = detail.body.lines as { id: string; clientNumber: string; participantName: string; deliveryMonth: string; unitPriceCents: number; amountCents: number }[];
    if (first === undefined || second === undefined) throw new Error('no lines');
    expect(first.deliveryMonth).toMatch(/^2026-\d{2}$/);
    expect(first.unitPriceCents).toBe(first.amountCents);
    const approved = await doesburg.post(`/api/v1/invoices/${invoiceId}/lines/${first.id}/check`, { decision: 'approved' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: first.id, status: 'approved', disputeReason: null });

    const before = await snapshot(t);
    const refused = await doesburg.post(`/api/v1/invoices/${invoiceId}/lines/${second.id}/check`, { decision: 'disputed' });
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams).toEqual([expect.objectContaining({ name: 'reason' })]);
    expect(refused.body.invalidParams[0].reason).toMatch(/waarom/);
    expect(await snapshot(t)).toEqual(before);

    const disputed = await doesburg.post(`/api/v1/invoices/${invoiceId}/lines/${second.id}/check`, { decision: 'disputed', reason: 'Startdatum klopt niet.' });
    expect(disputed.status).toBe(200);
    expect(disputed.body).toMatchObject({ status: 'disputed', disputeReason: 'Startdatum klopt niet.' });
    // The provider cannot check; Arnhem cannot reach the line.
    expect((await provider.post(`/api/v1/invoices/${invoiceId}/lines/${first.id}/check`, { decision: 'approved' })).status).toBe(404);
    expect((await arnhem.post(`/api/v1/invoices/${invoiceId}/lines/${first.id}/check`, { decision: 'approved' })).status).toBe(404);
    const list = await doesburg.get('/api/v1/invoices?lineStatus=disputed');
    expect(list.body.items.map((i: { id: string; lineCounts: { approved: number; disputed: number } }) => [i.id, i.lineCounts.approved, i.lineCounts.disputed])).toEqual([[invoiceId, 1, 1]]);
    expect((await doesburg.get('/api/v1/invoices?lineStatus=credited')).body.total).toBe(0);
  });

  it('the evidence of a line: the facts that earned it and its history', async () => {
    const detail = await doesburg.get(`/api/v1/invoices/${invoiceId}`);
    const line = (detail.body.lines as { id: string; status: string }[]).find((l) => l.status === 'disputed');
    if (line === undefined) throw new Error('no disputed line');
    const res = await doesburg.get(`/api/v1/invoices/${invoiceId}/lines/${line.id}/evidence`);
    expect(res.status).toBe(200);
    expect(res.body.facts[0]).toMatchObject({ kind: 'routeStart', date: '2026-01-12' });
    expect(res.body.facts.at(-1).kind).toBe('earned');
    expect(res.body.facts).toContainEqual(expect.objectContaining({ kind: 'hours', label: 'Geregistreerde uren tot en met deze dag: 2 uur' }));
    expect(res.body.history.map((h: { status: string }) => h.status)).toEqual(['toCheck', 'disputed']);
    expect(res.body.history[1].reason).toBe('Startdatum klopt niet.');
    expect((await arnhem.get(`/api/v1/invoices/${invoiceId}/lines/${line.id}/evidence`)).status).toBe(404);
    expect(await auditCount('invoice.evidence')).toBeGreaterThan(0);
  });

  it('the provider credits the disputed line; the credit note validates; the next run invoices the event again', async () => {
    const detail = await provider.get(`/api/v1/invoices/${invoiceId}`);
    const line = (detail.body.lines as { id: string; eventId: string; status: string }[]).find((l) => l.status === 'disputed');
    if (line === undefined) throw new Error('no disputed line');
    const empty = await provider.post(`/api/v1/invoices/${invoiceId}/credit`, { lineIds: [], reason: 'x' });
    expect(empty.status).toBe(400);
    expect(empty.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['lineIds']);
    const res = await provider.post(`/api/v1/invoices/${invoiceId}/credit`, { lineIds: [line.id], reason: 'Startdatum onjuist.' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'creditNote', status: 'prepared', creditsInvoiceId: invoiceId, lineCounts: { reversal: 1 } });
    creditId = res.body.id;
    expect((await provider.get(`/api/v1/invoices/${invoiceId}`)).body.lineCounts).toMatchObject({ credited: 1, approved: 1 });
    // The credited event is earned and not invoiced again.
    expect((await provider.get(`/api/v1/invoicing/earned?municipalityId=${DOESBURG}`)).body.items.map((i: { eventId: string }) => i.eventId)).toEqual([line.eventId]);
    expect((await provider.post(`/api/v1/invoices/${creditId}/send`)).status).toBe(200);
    expect(await ublOf(doesburg, creditId)).toContain('<CreditNote');
    const again = await provider.post('/api/v1/invoicing/runs', { municipalityId: DOESBURG, upTo: '2026-07-31' });
    expect(again.status).toBe(201);
    const next = await provider.get(`/api/v1/invoices/${again.body.invoice.id}`);
    expect(next.body.lines.map((l: { eventId: string }) => l.eventId)).toEqual([line.eventId]);
    await ublOf(provider, again.body.invoice.id);
  });

  it('the invoice list filters by kind and searches the printed number; the export has every row', async () => {
    const all = (await provider.get('/api/v1/invoices?sort=number')).body;
    expect(all.total).toBe(3);
    expect(all.items.map((i: { kind: string }) => i.kind)).toEqual(['invoice', 'creditNote', 'invoice']);
    const credit = all.items[1];
    expect((await provider.get('/api/v1/invoices?kind=creditNote')).body.items.map((i: { id: string }) => i.id)).toEqual([credit.id]);
    expect((await provider.get(`/api/v1/invoices?q=${encodeURIComponent(credit.numberText)}`)).body.items.map((i: { id: string }) => i.id)).toEqual([credit.id]);
    expect((await doesburg.get('/api/v1/invoices?status=prepared')).body.total).toBe(0); // the new run's invoice is the provider's draft
    const csv = await provider.get('/api/v1/invoices/export?format=csv');
    expect(csv.status).toBe(200);
    for (const i of all.items as { numberText: string }[]) expect(String(csv.body)).toContain(i.numberText);
  });

  it('every UBL the API returned is valid SI-UBL 2.0 under the official rules (0 fatal)', async () => {
    expect(ubls.length).toBeGreaterThanOrEqual(3);
    for (const xml of ubls) expect(await fatalsOf(xml)).toEqual([]);
  });

  it("the contract manager's totals: amounts per provider, municipality and product, no person", async () => {
    const manager = await Client.loggedIn(t, await aUser(t, 'contractManager', 'centraal-gelderland'));
    const res = await manager.get('/api/v1/invoicing/totals');
    expect(res.status).toBe(200);
    const sent = (await provider.get(`/api/v1/invoices/${invoiceId}`)).body;
    const credit = (await provider.get(`/api/v1/invoices/${creditId}`)).body;
    expect(res.body.byMunicipality).toEqual([{ municipalityId: DOESBURG, municipalityName: 'Doesburg', invoicedCents: sent.totalExclVatCents, creditedCents: credit.totalExclVatCents }]);
    expect(res.body.byProvider).toEqual([{ providerId: PROVIDER, providerName: expect.any(String), invoicedCents: sent.totalExclVatCents, creditedCents: credit.totalExclVatCents }]);
    expect(res.body.byProduct.map((p: { productCode: string }) => p.productCode)).toEqual(['b1_language']);
    const keys = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          keys.add(k);
          walk(x);
        }
      }
    };
    walk(res.body);
    expect([...keys].sort()).toEqual(['byMunicipality', 'byProduct', 'byProvider', 'creditedCents', 'invoicedCents', 'municipalityId', 'municipalityName', 'productCode', 'productName', 'providerId', 'providerName']);
    const text = JSON.stringify(res.body);
    for (const p of people) expect(text.includes(p.clientNumber) || text.includes(p.name) || text.includes(p.participantId)).toBe(false);
    expect((await manager.get('/api/v1/invoicing/totals?from=2027-01-01')).body).toEqual({ byProvider: [], byMunicipality: [], byProduct: [] });
    const backwards = await manager.get('/api/v1/invoicing/totals?from=2026-12-31&to=2026-01-01');
    expect(backwards.status).toBe(400);
    expect(backwards.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['to']);
    // Another region's manager sees nothing of it.
    const other = await Client.loggedIn(t, await aUser(t, 'contractManager', 'westfriesland'));
    expect((await other.get('/api/v1/invoicing/totals')).body).toEqual({ byProvider: [], byMunicipality: [], byProduct: [] });
  });

  it('the changes and reads left their audit lines', async () => {
    for (const name of ['billable.record', 'billable.list', 'invoice.prepare', 'invoice.status', 'invoice.check', 'invoice.read', 'invoice.evidence', 'invoice.credit']) expect(await auditCount(name), name).toBeGreaterThan(0);
  });
});
