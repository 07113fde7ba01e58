// Issue #11, 002 eis 12-13: the Onderwijsroute's half-year round through a centre municipality. Under
// Voorbereidend Jaar Leiden, Leiden and Leiderdorp (Holland Rijnland: centre Leiden) and Den Haag (its own
// centre) each have a started route. The round for Leiden, 2026-H1, makes one pro-forma invoice per
// municipality of Leiden's region with only its own participants (none for Den Haag), each a valid SI-UBL
// 2.0 document (0 fatal), and mails their PDFs to Leiden's invoice address; repeating it adds nothing; a
// half year not ended is refused and changes nothing; the final send of Leiderdorp's invoice goes to
// Leiden's address (eis 13). The contracts are a copy with the Onderwijsroute's payment term at 14 days,
// so the credit note's due date shows it follows the contract (R-INV-4) and not a fixed 30 days.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateUbl } from '../../shared/reference/si-ubl-2.0/validate-ubl.mjs';
import { organisationId } from '../src/features/organisations/store.js';
import { pdfText } from './support/pdf-text.js';
import { aParticipantInput, aUser, Client, DB_KIND, snapshot, startTestKoers, type TestKoers } from './support/koers.js';

const VJL = organisationId('provider', 'voorbereidend-jaar-leiden');
const LEIDEN = organisationId('municipality', 'leiden');
const LEIDERDORP = organisationId('municipality', 'leiderdorp');
const DEN_HAAG = organisationId('municipality', 'den-haag');
const LEIDEN_MAIL = 'facturen@leiden.example';

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe(`the half-year round through the centre municipality on ${DB_KIND}`, () => {
  let t: TestKoers;
  let dir = '';
  let vjl: Client;
  const participantOf: Record<string, string> = {};
  let leiderdorpInvoice = '';

  const outbox = (like: string) =>
    t.koers.db.query<{ id: string; recipient: string; subject: string; body: string; municipalityId: string }>(
      `SELECT id, recipient, subject, body, municipality_id AS "municipalityId" FROM outbox WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`,
      [like],
    );
  const files = (outboxId: string) =>
    t.koers.db.query<{ fileName: string; content: Uint8Array }>(`SELECT file_name AS "fileName", content FROM outbox_attachment WHERE outbox_id = $1 ORDER BY position`, [outboxId]);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'koers-contracts-'));
    await cp(path.resolve(import.meta.dirname, '../contracts'), dir, { recursive: true });
    const file = path.join(dir, 'onderwijsroute-haaglanden-holland-rijnland.yaml');
    const yaml = await readFile(file, 'utf8');
    expect(yaml).toContain('paymentTerm:\n  days: 30\n');
    await writeFile(file, yaml.replace('paymentTerm:\n  days: 30\n', 'paymentTerm:\n  days: 14\n'));
    t = await startTestKoers({ today: '2026-01-05', config: { contractsDir: dir } });
    vjl = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'voorbereidend-jaar-leiden'));
    for (const [code, clientNumber] of [['leiden', 'LDN-4001'], ['leiderdorp', 'LDD-4002'], ['den-haag', 'DHG-4003']] as const) {
      const consultant = await Client.loggedIn(t, await aUser(t, 'consultant', code));
      const res = await consultant.post('/api/v1/participants', aParticipantInput({ clientNumber, route: 'education_hbo_wo', pipSignedOn: '2025-12-15', referral: { providerId: VJL, productCode: 'education_hbo_wo' } }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      participantOf[organisationId('municipality', code)] = res.body.id;
      // Product 1 (002 §2.4) is earned at the end of the route's first month: 12 February 2026.
      await t.koers.db.query(`UPDATE referral SET started_on = '2026-01-12' WHERE id = $1`, [res.body.referrals[0].id]);
    }
    t.clock.setToday('2026-07-01');
  });
  afterAll(async () => {
    await t?.stop();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it("the round form offers VJL the two centres, Den Haag (7 municipalities) and Leiden (13), and the ended half years", async () => {
    const res = await vjl.get('/api/v1/invoicing/centres');
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { municipalityId: string; municipalities: number }) => [c.municipalityId, c.municipalities])).toEqual([[DEN_HAAG, 7], [LEIDEN, 13]]);
    expect(res.body.items[0].halfYears.slice(0, 2)).toEqual(['2026-H1', '2025-H2']);
  });

  it('a half year that has not ended is refused (400, halfYear) and changes nothing', async () => {
    const before = await snapshot(t);
    const res = await vjl.post('/api/v1/invoicing/rounds', { centreMunicipalityId: LEIDEN, halfYear: '2026-H2' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'halfYear', code: 'notEnded' })]);
    expect(await snapshot(t)).toEqual(before);
  });

  it('a municipality that is not a centre is refused (422) and changes nothing', async () => {
    const before = await snapshot(t);
    const res = await vjl.post('/api/v1/invoicing/rounds', { centreMunicipalityId: LEIDERDORP, halfYear: '2026-H1' });
    expect(res.status).toBe(422);
    expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'centreMunicipalityId', code: 'notACentre' })]);
    expect(await snapshot(t)).toEqual(before);
  });

  it("Leiden 2026-H1: one pro-forma invoice per municipality of Leiden's region, only its own participants, each UBL 0 fatal; none for Den Haag", async () => {
    const res = await vjl.post('/api/v1/invoicing/rounds', { centreMunicipalityId: LEIDEN, halfYear: '2026-H1' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.skipped).toEqual([]);
    const invoices = res.body.invoices as { id: string; municipalityId: string; status: string; periodEnd: string; issueDate: string; dueDate: string }[];
    expect(invoices.map((i) => i.municipalityId).sort()).toEqual([LEIDEN, LEIDERDORP].sort());
    for (const invoice of invoices) {
      expect([invoice.status, invoice.periodEnd]).toEqual(['proForma', '2026-06-30']);
      expect(invoice.dueDate).toBe(addDays(invoice.issueDate, 14));
      const detail = await vjl.get(`/api/v1/invoices/${invoice.id}`);
      expect(new Set(detail.body.lines.map((l: { participantId: string }) => l.participantId))).toEqual(new Set([participantOf[invoice.municipalityId]]));
      const ubl = await vjl.get(`/api/v1/invoices/${invoice.id}/ubl`);
      expect(ubl.status).toBe(200);
      const report = await validateUbl(String(ubl.body), { rules: 'si-ubl' });
      expect(report.fatal.map((f) => `${f.id} ${f.text}`)).toEqual([]);
    }
    const denHaag = await t.koers.db.query(`SELECT id FROM invoice WHERE municipality_id = $1`, [DEN_HAAG]);
    expect(denHaag).toEqual([]);
    leiderdorpInvoice = invoices.find((i) => i.municipalityId === LEIDERDORP)?.id ?? '';
  });

  it("the round's PDFs go in one mail to Leiden's invoice address, one PDF per municipality, without names", async () => {
    const rows = await outbox('invoice-round:%');
    expect(rows.map((r) => [r.recipient, r.municipalityId])).toEqual([[LEIDEN_MAIL, LEIDEN]]);
    const row = rows[0];
    if (row === undefined) throw new Error('no mail');
    expect(row.body).toContain('Leiderdorp');
    const attached = await files(row.id);
    expect(attached).toHaveLength(2);
    for (const f of attached) {
      expect(f.fileName).toMatch(/^pro-forma-factuur-[A-Z-]+-2026-nr\d{5}\.pdf$/);
      expect(Buffer.from(f.content).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // 002 eis 13: a pro forma says so; the final send's PDF is the Verzamelfactuur.
      expect(pdfText(Buffer.from(f.content))).toContain('Pro-formafactuur');
    }
    const names = await t.koers.db.query<{ name: string }>(`SELECT given_name || ' ' || family_name AS name FROM participant`);
    for (const { name } of names) expect(row.body).not.toContain(name);
  });

  it('the same round again adds nothing', async () => {
    const before = await snapshot(t);
    const res = await vjl.post('/api/v1/invoicing/rounds', { centreMunicipalityId: LEIDEN, halfYear: '2026-H1' });
    expect(res.status).toBe(201);
    expect([res.body.invoices, res.body.mailed]).toEqual([[], 0]);
    expect(await snapshot(t)).toEqual(before);
  });

  it("the final send of Leiderdorp's invoice goes to Leiden's address (002 eis 13)", async () => {
    expect((await vjl.post(`/api/v1/invoices/${leiderdorpInvoice}/send`)).status).toBe(200);
    const rows = await outbox(`invoice:${leiderdorpInvoice}:%`);
    expect(rows.map((r) => [r.recipient, r.municipalityId])).toEqual([[LEIDEN_MAIL, LEIDERDORP]]);
    const final = await files(rows[0]?.id ?? '');
    expect(final).toHaveLength(1);
    const text = pdfText(Buffer.from(final[0]?.content ?? new Uint8Array()));
    expect([text.includes('Verzamelfactuur'), text.includes('Pro-formafactuur')]).toEqual([true, false]);
  });

  it("a credit note's due date follows the contract's payment term (14 days here), not a fixed 30", async () => {
    const detail = await vjl.get(`/api/v1/invoices/${leiderdorpInvoice}`);
    const credit = await vjl.post(`/api/v1/invoices/${leiderdorpInvoice}/credit`, { lineIds: [detail.body.lines[0].id], reason: 'Onjuiste startdatum.' });
    expect(credit.status, JSON.stringify(credit.body)).toBe(201);
    expect(credit.body.kind).toBe('creditNote');
    expect(credit.body.dueDate).toBe(addDays(credit.body.issueDate, 14));
    const ubl = await vjl.get(`/api/v1/invoices/${credit.body.id}/ubl`);
    expect((await validateUbl(String(ubl.body), { rules: 'si-ubl' })).fatal).toEqual([]);
  });
});
