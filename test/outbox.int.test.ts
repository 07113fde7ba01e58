// Issue #3 item 6, ARCHITECTURE §2.8-2.9: mail goes through an outbox table; a crash between commit and
// send neither loses nor doubles a mail. Real database (PGlite or PostgreSQL) and a real SMTP server on
// 127.0.0.1 as the sink: no mocked transport.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKoers } from '../src/app.js';
import { organisationId } from '../src/features/organisations/store.js';
import { SettableClock } from '../src/platform/clock.js';
import type { Db } from '../src/platform/db.js';
import { messageIdFor, startMailer } from '../src/platform/mailer.js';
import { enqueueMail, recipientsFor } from '../src/platform/outbox.js';
import { aUser, Client, DB_KIND, freshPostgresDatabase, portOf, startTestKoers, testConfig, type TestKoers } from './support/koers.js';

const HOORN = organisationId('municipality', 'hoorn');
const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const SMTP_USER = 'koers';
const SMTP_PASS = 'geheim-' + randomBytes(4).toString('hex');

interface Received {
  recipients: string[];
  messageId: string | undefined;
  date: string | undefined;
  raw: string;
}

/** A real SMTP server: AUTH required, recipients starting with "weigert" refused with 550. */
async function startSink(): Promise<{ url: string; messages: Received[]; to(address: string): Received[]; close(): Promise<void> }> {
  const messages: Received[] = [];
  const server = new SMTPServer({
    // Plain SMTP on loopback: no STARTTLS (its self-signed certificate would fail nodemailer's check).
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS) cb(null, { user: SMTP_USER });
      else cb(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('weigert')) {
        const err = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        cb(err);
      } else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(raw)?.[1]?.trim();
        const rcpt = session.envelope.rcptTo.map((a) => a.address);
        messages.push({ recipients: rcpt, messageId: header('Message-ID'), date: header('Date'), raw });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((m) => m.recipients.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

const anAddress = (prefix = 'mw') => `${prefix}.${randomBytes(4).toString('hex')}@test.koers`;

async function rowsFor(db: Db, key: string) {
  return db.query<{ recipient: string; status: string; attempts: number; lastError: string | null; sentAt: Date | null }>(
    `SELECT recipient, status, attempts, last_error AS "lastError", sent_at AS "sentAt" FROM outbox WHERE dedupe_key LIKE $1 ORDER BY recipient`,
    [`${key}:%`],
  );
}

function aMail(recipients: string[], key = `signal:referral.acknowledgement:${randomBytes(8).toString('hex')}:breach`) {
  // What the signal engine will write: client number or referral id, step, due date, link path; no names.
  return { dedupeKey: key, municipalityId: HOORN, recipients, subject: 'Ontvangstbevestiging te laat', body: 'Aanmelding 4711: ontvangst bevestigen vóór 2026-12-31.\n/aanmeldingen/4711' };
}

describe(`outbox on ${DB_KIND}`, () => {
  let t: TestKoers;
  let sink: Awaited<ReturnType<typeof startSink>>;

  beforeAll(async () => {
    t = await startTestKoers();
    sink = await startSink();
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.close();
  });

  it('a rollback of the business transaction takes the mail with it', async () => {
    const mail = aMail([anAddress(), anAddress()]);
    await expect(
      t.koers.db.transaction(async (tx) => {
        expect(await enqueueMail(tx, mail)).toBe(2);
        throw new Error('business rule refused');
      }),
    ).rejects.toThrow('business rule refused');
    expect(await rowsFor(t.koers.db, mail.dedupeKey)).toEqual([]);
  });

  it('enqueueing the same key twice makes one row per recipient (re-running the engine adds nothing)', async () => {
    const a = anAddress();
    const b = anAddress();
    const mail = aMail([a, b, a]);
    expect(await t.koers.db.transaction((tx) => enqueueMail(tx, mail))).toBe(2);
    expect(await t.koers.db.transaction((tx) => enqueueMail(tx, { ...mail, recipients: [b, a.toUpperCase()] }))).toBe(0);
    const rows = await rowsFor(t.koers.db, mail.dedupeKey);
    expect(rows.map((r) => r.recipient)).toEqual([a, b].sort());
    expect(rows.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
  });

  it('recipientsFor: the consultants of a municipality, the coordinators of a provider', async () => {
    const c1 = await aUser(t, 'consultant', 'hoorn');
    const c2 = await aUser(t, 'consultant', 'hoorn');
    const elsewhere = await aUser(t, 'consultant', 'enkhuizen');
    const officer = await aUser(t, 'policyOfficer', 'hoorn');
    const coordinator = await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland');
    const teacher = await aUser(t, 'teacher', 'taalpunt-westfriesland');
    const municipality = await recipientsFor(t.koers.db, 'municipality', HOORN);
    expect(municipality).toEqual(expect.arrayContaining([c1.email, c2.email]));
    expect(municipality).not.toContain(elsewhere.email);
    expect(municipality).not.toContain(officer.email);
    const provider = await recipientsFor(t.koers.db, 'provider', TAALPUNT);
    expect(provider).toContain(coordinator.email);
    expect(provider).not.toContain(teacher.email);
  });

  it('without an SMTP URL the mailer sends nothing and the mail stays pending for the admin', async () => {
    const mail = aMail([anAddress()]);
    await t.koers.db.transaction((tx) => enqueueMail(tx, mail));
    const mailer = startMailer(t.koers.db, {});
    expect(await mailer.flush()).toBe(0);
    await mailer.stop();
    expect((await rowsFor(t.koers.db, mail.dedupeKey))[0]).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('a resend after a crash between SMTP accept and the sent mark carries the same Message-ID and Date', async () => {
    const to = anAddress();
    const mail = aMail([to]);
    await t.koers.db.transaction((tx) => enqueueMail(tx, mail));
    const mailer = startMailer(t.koers.db, { smtpUrl: sink.url, intervalMs: 3_600_000 });
    try {
      await mailer.flush();
      expect(sink.to(to)).toHaveLength(1);
      // The SMTP server accepted the mail, then the process died before marking it: the row is left
      // 'sending'. A claim younger than 5 minutes belongs to a live sender and is left alone ...
      await t.koers.db.query(`UPDATE outbox SET status = 'sending', sent_at = NULL, claimed_at = now() WHERE dedupe_key = $1`, [`${mail.dedupeKey}:${to}`]);
      await mailer.flush();
      expect(sink.to(to)).toHaveLength(1);
      // ... an older one belongs to a dead sender and is taken over.
      await t.koers.db.query(`UPDATE outbox SET claimed_at = now() - interval '6 minutes' WHERE dedupe_key = $1`, [`${mail.dedupeKey}:${to}`]);
      await mailer.flush();
    } finally {
      await mailer.stop();
    }
    const [first, again] = sink.to(to);
    expect(again).toBeDefined();
    expect(first!.messageId).toBe(messageIdFor(`${mail.dedupeKey}:${to}`));
    expect(again!.messageId).toBe(first!.messageId);
    expect(again!.date).toBe(first!.date);
    expect(first!.raw).toMatch(/^Auto-Submitted: auto-generated/im);
    expect((await rowsFor(t.koers.db, mail.dedupeKey))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a refused recipient is retried with back-off and marked failed after 5 attempts; the others are sent', async () => {
    const good = anAddress();
    const refused = anAddress('weigert');
    const mail = aMail([good, refused]);
    await t.koers.db.transaction((tx) => enqueueMail(tx, mail));
    const errors: string[] = [];
    const mailer = startMailer(t.koers.db, { smtpUrl: sink.url, intervalMs: 3_600_000, log: (msg, err) => errors.push(`${msg} ${JSON.stringify(err)}`) });
    const statusOf = async () => (await rowsFor(t.koers.db, mail.dedupeKey)).find((r) => r.recipient === refused)!;
    try {
      await mailer.flush();
      expect(sink.to(good)).toHaveLength(1);
      expect(await statusOf()).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/550/) });
      // Back-off: flushing at once does not retry.
      await mailer.flush();
      expect((await statusOf()).attempts).toBe(1);
      for (let attempt = 2; attempt <= 5; attempt++) {
        await t.koers.db.query(`UPDATE outbox SET claimed_at = now() - interval '1 day' WHERE dedupe_key = $1`, [`${mail.dedupeKey}:${refused}`]);
        await mailer.flush();
        expect((await statusOf()).attempts).toBe(attempt);
      }
      expect(await statusOf()).toMatchObject({ status: 'failed', attempts: 5 });
      // Failed is final: no sixth attempt.
      await t.koers.db.query(`UPDATE outbox SET claimed_at = now() - interval '1 day' WHERE dedupe_key = $1`, [`${mail.dedupeKey}:${refused}`]);
      await mailer.flush();
      expect((await statusOf()).attempts).toBe(5);
    } finally {
      await mailer.stop();
    }
    expect(sink.to(refused)).toHaveLength(0);
    expect(sink.to(good)).toHaveLength(1);
    // Log lines name the row and the SMTP code, never the address.
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.includes(refused))).toBe(false);
    expect(errors[0]).toMatch(/"responseCode":550/);
  });

  // PGlite is one session, so there is no second claimer to skip; on PostgreSQL a claim another instance
  // holds open must be skipped, not waited for (and never sent twice).
  it.runIf(DB_KIND === 'postgres')('a sender skips the rows another instance has locked, instead of waiting or taking them', async () => {
    const lockedTo = anAddress();
    const freeTo = anAddress();
    const lockedMail = aMail([lockedTo]);
    const freeMail = aMail([freeTo]);
    await t.koers.db.transaction(async (tx) => {
      await enqueueMail(tx, lockedMail);
      await enqueueMail(tx, freeMail);
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // The other instance, in the middle of its claim transaction.
    const other = t.koers.db.transaction(async (tx) => {
      await tx.query(`SELECT id FROM outbox WHERE dedupe_key = $1 FOR UPDATE`, [`${lockedMail.dedupeKey}:${lockedTo}`]);
      locked();
      await released;
    });
    await isLocked;
    const mailer = startMailer(t.koers.db, { smtpUrl: sink.url, intervalMs: 3_600_000 });
    try {
      const outcome = await Promise.race([mailer.flush().then(() => 'done'), new Promise((resolve) => setTimeout(() => resolve('blocked'), 5_000))]);
      expect(outcome).toBe('done');
      expect(sink.to(freeTo)).toHaveLength(1);
      expect(sink.to(lockedTo)).toHaveLength(0);
      release();
      await other;
      await mailer.flush();
      expect(sink.to(lockedTo)).toHaveLength(1);
    } finally {
      release();
      await other;
      await mailer.stop();
    }
  });

  it('two senders on one database send every mail once', async () => {
    const addresses = Array.from({ length: 45 }, () => anAddress());
    const mail = aMail(addresses);
    await t.koers.db.transaction((tx) => enqueueMail(tx, mail));
    const one = startMailer(t.koers.db, { smtpUrl: sink.url, intervalMs: 3_600_000 });
    const two = startMailer(t.koers.db, { smtpUrl: sink.url, intervalMs: 3_600_000 });
    try {
      for (let round = 0; round < 10; round++) {
        const [a, b] = await Promise.all([one.flush(), two.flush()]);
        if (a + b === 0) break;
      }
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
    for (const a of addresses) expect(sink.to(a)).toHaveLength(1);
    const ids = addresses.map((a) => sink.to(a)[0]!.messageId);
    expect(new Set(ids).size).toBe(addresses.length);
  });

  it('GET /api/v1/outbox: the admin sees the mail, newest first and by status; others get 404', async () => {
    const to = anAddress();
    const mail = aMail([to]);
    await t.koers.db.transaction((tx) => enqueueMail(tx, mail));
    const admin = await Client.loggedIn(t, await aUser(t, 'admin'));
    const res = await admin.get('/api/v1/outbox?status=pending&pageSize=100');
    expect(res.status).toBe(200);
    const item = res.body.items.find((i: { recipient: string }) => i.recipient === to);
    expect(item).toMatchObject({ subject: mail.subject, body: mail.body, status: 'pending', attempts: 0, sentAt: null, lastError: null });
    expect(res.body.items.every((i: { status: string }) => i.status === 'pending')).toBe(true);
    const created = res.body.items.map((i: { createdAt: string }) => i.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    const page = await admin.get('/api/v1/outbox?page=2&pageSize=1');
    expect(page.body).toMatchObject({ page: 2, pageSize: 1, total: expect.any(Number) });
    expect(page.body.items).toHaveLength(1);
    expect((await admin.get('/api/v1/outbox?status=lost')).status).toBe(400);

    const consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    const denied = await consultant.get('/api/v1/outbox');
    expect(denied.status).toBe(404);
    expect(denied.headers.get('content-type')).toContain('application/problem+json');
    expect((await new Client(t.url).get('/api/v1/outbox')).status).toBe(401);
  });
});

describe(`outbox across a crash on ${DB_KIND}`, () => {
  let sink: Awaited<ReturnType<typeof startSink>>;
  let dataDir: string;
  let pgdb: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined;
  // Stopped in afterAll when a test fails half-way; stopping twice is harmless.
  const cleanup: (() => Promise<void>)[] = [];

  // One database that outlives a Koers process: a PGlite data directory on disk, or a PostgreSQL database.
  const config = () => testConfig({ dataDir, databaseUrl: pgdb?.url });
  async function startProcess(): Promise<TestKoers> {
    const clock = new SettableClock('2026-12-23');
    const koers = await createKoers(config(), { clock });
    await koers.server.listen({ port: 0, host: '127.0.0.1' });
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      await koers.stop();
    };
    cleanup.push(stop);
    return { koers, clock, url: `http://127.0.0.1:${portOf(koers.server)}`, databaseUrl: pgdb?.url, stop };
  }

  beforeAll(async () => {
    sink = await startSink();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'koers-outbox-'));
    pgdb = DB_KIND === 'postgres' ? await freshPostgresDatabase() : undefined;
  });
  afterAll(async () => {
    for (const stop of cleanup.reverse()) await stop().catch(() => undefined);
    await pgdb?.drop();
    await rm(dataDir, { recursive: true, force: true });
    await sink?.close();
  });

  it('mail committed by a process that dies before sending goes out once from the next process, and only once', async () => {
    // Process one: the business transaction commits its mail, then the process dies (no mailer ran).
    const first = await startProcess();
    const to = [anAddress(), anAddress(), anAddress()];
    const mail = aMail(to);
    await first.koers.db.transaction((tx) => enqueueMail(tx, mail));
    await first.stop();
    expect(sink.messages).toHaveLength(0);

    // Process two on the same database, now with SMTP: its first round sends what was left behind.
    const second = await startProcess();
    const mailer = startMailer(second.koers.db, { smtpUrl: sink.url, intervalMs: 3_600_000 });
    cleanup.push(() => mailer.stop());
    await mailer.flush();
    for (const address of to) {
      const got = sink.to(address);
      expect(got).toHaveLength(1);
      expect(got[0]!.messageId).toBe(messageIdFor(`${mail.dedupeKey}:${address}`));
      expect(got[0]!.raw).toContain('Ontvangstbevestiging te laat');
    }
    expect(await mailer.flush()).toBe(0);
    expect(sink.messages).toHaveLength(to.length);
    // The engine running again in the new process adds nothing either.
    expect(await second.koers.db.transaction((tx) => enqueueMail(tx, mail))).toBe(0);
    expect(await mailer.flush()).toBe(0);
    expect(sink.messages).toHaveLength(to.length);

    const admin = await Client.loggedIn(second, await aUser(second, 'admin'));
    const res = await admin.get('/api/v1/outbox?status=sent');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(to.length);
    for (const item of res.body.items) {
      expect(to).toContain(item.recipient);
      expect(item).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      expect(Date.parse(item.sentAt)).toBeGreaterThanOrEqual(Date.parse(item.createdAt));
    }
    const consultant = await Client.loggedIn(second, await aUser(second, 'consultant', 'hoorn'));
    expect((await consultant.get('/api/v1/outbox')).status).toBe(404);
  });
});
