// Issue #11, R-INV-4, 001 Bijlage 4: sending an invoice puts ONE mail with its PDF in the outbox, in the
// same transaction, to the invoice address of the municipality's delivery rules in the contract;
// a repeated send adds nothing; the body has no BSN and no name; the sender delivers the PDF as an
// attachment to a real SMTP server on 127.0.0.1. A PDF over the municipality's maximum refuses the send
// and changes nothing (a copy of the contracts with Doesburg's maximum lowered).
import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { startMailer } from '../src/platform/mailer.js';
import { pdfText } from './support/pdf-text.js';
import { aParticipantInput, aUser, Client, DB_KIND, snapshot, startTestKoers, type TestKoers } from './support/koers.js';

const PROVIDER = organisationId('provider', 'echt-nederlands');
const DOESBURG = organisationId('municipality', 'doesburg');
const DOESBURG_MAIL = 'crediteuren-administratie@doesburg.nl';

/** A participant of Doesburg at Echt Nederlands whose started route earns product 1; returns its details. */
async function aStartedParticipant(t: TestKoers, consultant: Client, clientNumber: string) {
  const input = aParticipantInput({ clientNumber, dutyStartDate: '2026-01-01', dutyEndDate: '2028-12-31', referral: { providerId: PROVIDER, productCode: 'b1_language' } });
  const res = await consultant.post('/api/v1/participants', input);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  await t.koers.db.query(`UPDATE referral SET started_on = '2026-01-12' WHERE id = $1`, [res.body.referrals[0].id]);
  return { bsn: String(input.bsn), givenName: String(input.givenName), familyName: String(input.familyName), clientNumber };
}

async function preparedInvoice(provider: Client): Promise<string> {
  const run = await provider.post('/api/v1/invoicing/runs', { municipalityId: DOESBURG, upTo: '2026-01-31' });
  expect(run.status, JSON.stringify(run.body)).toBe(201);
  return run.body.invoice.id;
}

const outboxOf = (t: TestKoers, invoiceId: string) =>
  t.koers.db.query<{ id: string; recipient: string; subject: string; body: string }>(`SELECT id, recipient, subject, body FROM outbox WHERE dedupe_key LIKE $1`, [`invoice:${invoiceId}:%`]);
const attachmentsOf = (t: TestKoers, outboxId: string) =>
  t.koers.db.query<{ fileName: string; contentType: string; content: Uint8Array }>(
    `SELECT file_name AS "fileName", content_type AS "contentType", content FROM outbox_attachment WHERE outbox_id = $1 ORDER BY position`,
    [outboxId],
  );

describe(`the mail of a sent invoice on ${DB_KIND}`, () => {
  let t: TestKoers;
  let provider: Client;
  let person: Awaited<ReturnType<typeof aStartedParticipant>>;
  let invoiceId = '';
  const received: { to: string[]; raw: string }[] = [];
  let sink: SMTPServer;
  let sinkUrl = '';

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-01-05' });
    provider = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'echt-nederlands'));
    person = await aStartedParticipant(t, await Client.loggedIn(t, await aUser(t, 'consultant', 'doesburg')), 'DSB-3001');
    t.clock.setToday('2026-02-02');
    sink = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((a) => a.address), raw: Buffer.concat(chunks).toString('latin1') });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    sinkUrl = `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => sink?.close(resolve));
    await t?.stop();
  });

  it('pro-forma mails nothing; send writes one outbox row to the contract\'s invoice address with the PDF attached', async () => {
    invoiceId = await preparedInvoice(provider);
    expect((await provider.post(`/api/v1/invoices/${invoiceId}/pro-forma`)).status).toBe(200);
    expect(await outboxOf(t, invoiceId)).toEqual([]);
    const sent = await provider.post(`/api/v1/invoices/${invoiceId}/send`);
    expect(sent.status).toBe(200);
    const rows = await outboxOf(t, invoiceId);
    expect(rows.map((r) => r.recipient)).toEqual([DOESBURG_MAIL]);
    const row = rows[0];
    if (row === undefined) throw new Error('no mail');
    expect(row.subject).toContain(sent.body.numberText);
    for (const secret of [person.bsn, person.givenName, person.familyName]) {
      expect(row.body).not.toContain(secret);
      expect(row.subject).not.toContain(secret);
    }
    const files = await attachmentsOf(t, row.id);
    expect(files.map((f) => [f.fileName, f.contentType])).toEqual([[`factuur-${sent.body.numberText.replaceAll('/', '-').replace(/-(\d{5})$/, '-nr$1')}.pdf`, 'application/pdf']]);
    const pdf = Buffer.from(files[0]?.content ?? new Uint8Array());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeLessThanOrEqual(5 * 1024 * 1024);
    const text = pdfText(pdf);
    expect(text.replaceAll(' ', '')).toContain(person.clientNumber);
    for (const secret of [person.bsn, person.familyName]) expect(text).not.toContain(secret);
  });

  it('a repeated send is refused and adds no second mail or file', async () => {
    const before = await snapshot(t);
    expect((await provider.post(`/api/v1/invoices/${invoiceId}/send`)).status).toBe(409);
    expect(await snapshot(t)).toEqual(before);
    expect(await outboxOf(t, invoiceId)).toHaveLength(1);
  });

  it('a credit note is its own mail with its own one PDF', async () => {
    const detail = await provider.get(`/api/v1/invoices/${invoiceId}`);
    const credit = await provider.post(`/api/v1/invoices/${invoiceId}/credit`, { lineIds: [detail.body.lines[0].id], reason: 'Dubbel gefactureerd.' });
    expect(credit.status).toBe(201);
    expect((await provider.post(`/api/v1/invoices/${credit.body.id}/send`)).status).toBe(200);
    const rows = await outboxOf(t, credit.body.id);
    expect(rows).toHaveLength(1);
    const files = await attachmentsOf(t, rows[0]?.id ?? '');
    expect(files.map((f) => f.fileName)).toEqual([expect.stringMatching(/^creditnota-ECHT-NEDERLANDS-2026-nr\d{5}\.pdf$/)]);
  });

  it('the sender delivers each mail with its PDF attached over SMTP', async () => {
    const mailer = startMailer(t.koers.db, { smtpUrl: sinkUrl, intervalMs: 3_600_000 });
    try {
      await mailer.flush();
    } finally {
      await mailer.stop();
    }
    const ours = received.filter((m) => m.to.includes(DOESBURG_MAIL));
    expect(ours).toHaveLength(2);
    for (const m of ours) {
      expect(m.raw).toMatch(/Content-Type: application\/pdf;\s+name=(factuur|creditnota)-ECHT-NEDERLANDS-2026-nr\d{5}\.pdf/);
      expect(m.raw).toMatch(/Content-Disposition: attachment;\s+filename=(factuur|creditnota)-ECHT-NEDERLANDS-2026-nr\d{5}\.pdf/);
      const b64 = /Content-Disposition: attachment;\s+filename=[^\r\n]+\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(m.raw)?.[1] ?? '';
      expect(Buffer.from(b64.replace(/\s/g, ''), 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    const statuses = await t.koers.db.query<{ status: string }>(`SELECT status FROM outbox WHERE recipient = $1`, [DOESBURG_MAIL]);
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'sent']);
  });
});

describe(`a PDF larger than the municipality takes on ${DB_KIND}`, () => {
  let t: TestKoers;
  let dir = '';

  beforeAll(async () => {
    // The contracts as shipped, with Doesburg's maximum (001 Bijlage 4: 5 MB) lowered to 2,000 bytes.
    dir = await mkdtemp(path.join(os.tmpdir(), 'koers-contracts-'));
    await cp(path.resolve(import.meta.dirname, '../contracts'), dir, { recursive: true });
    const file = path.join(dir, 'centraal-gelderland.yaml');
    const yaml = await readFile(file, 'utf8');
    const doesburg = yaml.indexOf('- code: doesburg');
    const at = yaml.indexOf('maxPdfBytes: 5242880', doesburg);
    expect(at).toBeGreaterThan(doesburg);
    await writeFile(file, `${yaml.slice(0, at)}maxPdfBytes: 2000${yaml.slice(at + 'maxPdfBytes: 5242880'.length)}`);
    t = await startTestKoers({ today: '2026-01-05', config: { contractsDir: dir } });
  });
  afterAll(async () => {
    await t?.stop();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('refuses the send with a problem naming the limit, and nothing changes', async () => {
    const provider = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'echt-nederlands'));
    await aStartedParticipant(t, await Client.loggedIn(t, await aUser(t, 'consultant', 'doesburg')), `DSB-${randomUUID().slice(0, 4)}`);
    t.clock.setToday('2026-02-02');
    const invoiceId = await preparedInvoice(provider);
    const before = await snapshot(t);
    const res = await provider.post(`/api/v1/invoices/${invoiceId}/send`);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'invoiceId', code: 'pdfTooLarge' })]);
    expect(res.body.invalidParams[0].reason).toMatch(/hoogstens 2 kB/);
    expect(await snapshot(t)).toEqual(before);
    expect((await provider.get(`/api/v1/invoices/${invoiceId}`)).body.status).toBe('prepared');
  });
});
