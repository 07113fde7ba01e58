// Issue #17 (R-SEC-4): the retention purge removes exactly what has passed its term — a participant whose
// route closed more than five years ago (anonymised, its document deleted), an expired session, an unused
// login-throttle counter, an old mail's content, an expired reset link and OIDC login, audit lines past their term — and keeps what is within it, including a closed
// participant whose earned fact is within the fiscal term (AWR art. 52). Its log holds the counts; a dry
// run counts the same and changes nothing. On PGlite and PostgreSQL.
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TERMS } from '../src/domain/retention.js';
import { runPurge } from '../src/features/retention/purge.js';
import { runScheduled } from '../src/features/scheduled-run.js';
import type { Db } from '../src/platform/db.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers, type TestUser } from './support/koers.js';
import { aReportReferral, aRouteEvent, type BuiltReferral, type ReportRegion } from './support/report-builders.js';

const TODAY = '2026-12-23';
// Sessions and counters are stamped with the real time: their cutoffs count back from it.
const NOW = new Date();
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 24 * 60 * 60 * 1000);
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

async function snapshot(db: Db): Promise<string> {
  const tables = await db.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const parts: string[] = [];
  for (const { t } of tables) parts.push(`${t}:${(await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`))[0]!.n}`);
  parts.push(JSON.stringify(await db.query('SELECT id, given_name, family_name, bsn_hash, purged_at FROM participant ORDER BY id')));
  return parts.join('\n');
}

describe(`retention purge (${DB_KIND})`, () => {
  let t: TestKoers;
  let consultant: TestUser;
  let r: ReportRegion;
  const ids: Record<'expired' | 'recent' | 'held' | 'open', string> = { expired: '', recent: '', held: '', open: '' };
  let expiredBsn = '';
  const mails = { old: randomUUID(), fresh: randomUUID(), pending: randomUUID() };

  async function aDocument(participantId: string): Promise<void> {
    await t.koers.db.query(
      `INSERT INTO document (id, municipality_id, participant_id, kind, file_name, content_type, size_bytes, sha256, content, created_at, created_by)
       SELECT $1, municipality_id, id, 'other', 'brief.pdf', 'application/pdf', $2, $3, $4, now(), $5 FROM participant WHERE id = $6`,
      [randomUUID(), PDF.length, 'a'.repeat(64), PDF, consultant.id, participantId],
    );
  }

  /** A portfolio item with words about the person and a file (R-MAP-3). */
  async function aPortfolioFile(ref: BuiltReferral): Promise<void> {
    const item = randomUUID();
    await t.koers.db.query(
      `INSERT INTO portfolio_item (id, participant_id, referral_id, provider_id, municipality_id, kind, title, body, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, 'reflection', 'Mijn stage', 'Over mijzelf', $6, now())`,
      [item, ref.participantId, ref.referralId, ref.providerId, ref.municipalityId, consultant.id],
    );
    await t.koers.db.query(
      `INSERT INTO portfolio_file (id, item_id, participant_id, municipality_id, file_name, content_type, size_bytes, sha256, content, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, 'cv.pdf', 'application/pdf', $5, $6, $7, $8, now())`,
      [randomUUID(), item, ref.participantId, ref.municipalityId, PDF.length, 'b'.repeat(64), PDF, consultant.id],
    );
  }

  beforeAll(async () => {
    t = await startTestKoers({ today: TODAY });
    consultant = await aUser(t, 'consultant', 'hoorn');
    r = { db: t.koers.db, userId: consultant.id, contractId: 'westfriesland' };
    const c = await Client.loggedIn(t, consultant);
    for (const k of Object.keys(ids) as (keyof typeof ids)[]) {
      const input = aParticipantInput();
      const res = await c.post('/api/v1/participants', input);
      expect(res.status).toBe(201);
      ids[k] = res.body.id;
      if (k === 'expired') expiredBsn = String(input.bsn);
    }
    // Closed on 1 June 2021: more than five years before the 23rd of December 2026.
    const expired = await aReportReferral(r, 'hoorn', 'taalpunt-westfriesland', 'b1_language', { referredOn: '2019-01-07', startedOn: '2019-02-04', endedOn: '2021-06-01' }, ids.expired);
    // Closed a year ago: within its term.
    const recent = await aReportReferral(r, 'hoorn', 'taalpunt-westfriesland', 'b1_language', { referredOn: '2023-01-09', endedOn: '2025-12-01' }, ids.recent);
    for (const ref of [expired, recent]) await aPortfolioFile(ref);
    // Closed as long ago, but a product earned in 2020 is within the fiscal term (kept through 2027).
    const held = await aReportReferral(r, 'hoorn', 'taalpunt-westfriesland', 'b1_language', { referredOn: '2019-01-07', endedOn: '2020-06-01' }, ids.held);
    await t.koers.db.query(
      `INSERT INTO billable_event (id, participant_id, municipality_id, provider_id, referral_id, route, product_code, earned_on, amount_cents, vat_category, vat_rate, contract_id, contract_version, fact_kind, recorded_at)
       VALUES ($1, $2, $3, $4, $5, 'b1', 'b1_language', '2020-03-01', 100000, 'E', 0, 'westfriesland', 1, 'test', now())`,
      [randomUUID(), held.participantId, held.municipalityId, held.providerId, held.referralId],
    );
    // Ended in 2020 but resumed after: not closed.
    const open = await aReportReferral(r, 'hoorn', 'taalpunt-westfriesland', 'b1_language', { referredOn: '2019-01-07', endedOn: '2020-06-01' }, ids.open);
    await aRouteEvent(r, open, 'resumed', '2020-09-01', {});
    for (const id of Object.values(ids)) await aDocument(id);
    // Issue #15: a DUO delivery still waiting for the expired participant (fails at the purge) and one received (stays).
    await t.koers.db.query(
      `INSERT INTO duo_delivery (id, municipality_id, participant_id, dedupe_key, api, bericht_id, status, sent_at, body)
       SELECT gen_random_uuid(), municipality_id, id, 'retention-test:' || s, 'PIP', gen_random_uuid(), s, CASE WHEN s = 'received' THEN now() END, '{"dagtekeningPip":"2019-02-01","leerroute":"B"}'::jsonb
       FROM participant, unnest(ARRAY['pending', 'received']) s WHERE id = $1`,
      [ids.expired],
    );
    // What DUO said about the expired participant and about the open one (the open one's stays).
    await t.koers.db.query(
      `INSERT INTO duo_fact (participant_id, municipality_id, kind, data, fetched_at) SELECT id, municipality_id, 'inburgeringsplicht', '{"indicatorInburgeringsplicht":true}'::jsonb, now() FROM participant WHERE id = ANY($1::uuid[])`,
      [[ids.expired, ids.open]],
    );
    // One expired session, one unused throttle counter and two old audit lines, beside current ones.
    await t.koers.db.query(`INSERT INTO app_session (id_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $3)`, [randomBytes(16).toString('hex'), consultant.id, daysAgo(3)]);
    await t.koers.db.query(`INSERT INTO login_throttle (key_hash, attempts, window_started_at, next_allowed_at) VALUES ($1, 3, $2, $2), ($3, 1, $4, $4)`, ['old', daysAgo(120), 'new', daysAgo(0)]);
    // Mails: an old sent one (emptied), a fresh sent one and an old one still pending (both kept).
    await t.koers.db.query(
      `INSERT INTO outbox (id, dedupe_key, recipient, subject, body, status, created_at, sent_at) VALUES
         ($1, $2, 'oud@test.koers', 'Oud', 'tekst', 'sent', $7, $7), ($3, $4, 'nieuw@test.koers', 'Nieuw', 'tekst', 'sent', $8, $8), ($5, $6, 'wacht@test.koers', 'Wacht', 'tekst', 'pending', $7, NULL)`,
      [mails.old, `t:${mails.old}`, mails.fresh, `t:${mails.fresh}`, mails.pending, `t:${mails.pending}`, daysAgo(200), daysAgo(1)],
    );
    // An expired reset link and OIDC login beside live ones.
    await t.koers.db.query(`INSERT INTO password_reset (token_hash, user_id, created_at, expires_at) VALUES ('r-old', $1, $2, $2), ('r-new', $1, $3, $4)`, [consultant.id, daysAgo(3), NOW, new Date(NOW.getTime() + 30 * 60_000)]);
    await t.koers.db.query(`INSERT INTO oidc_login (id_hash, provider, secrets_encrypted, created_at, expires_at) VALUES ('o-old', 'staff', 'x', $1, $1), ('o-new', 'staff', 'x', $2, $3)`, [daysAgo(3), NOW, new Date(NOW.getTime() + 10 * 60_000)]);
    await t.koers.db.query(
      `INSERT INTO audit_event (trace_id, operation_id, name, status, started_at, ended_at, processing_activity_id, origin)
       SELECT 't', 'o' || g, 'participant.read', 'ok', '2019-03-01T10:00:00Z', '2019-03-01T10:00:00Z', 'koers:verwerking/registratie-inburgeraar', 'test' FROM generate_series(1, 2) g`,
    );
  });

  afterAll(async () => {
    await t?.stop();
  });

  const expected = { participant: 1, document: 2, session: 1, loginThrottle: 1, auditEvent: 2, outboxMail: 1, passwordReset: 1, oidcLogin: 1, participantHeldFiscal: 1 };
  const options = { terms: DEFAULT_TERMS, today: TODAY, now: NOW, trigger: 'admin' as const, batch: 1 };

  it('a dry run counts what would go and changes nothing, over the API too', async () => {
    const before = await snapshot(t.koers.db);
    const { counts, runId } = await runPurge(t.koers.db, { ...options, dryRun: true, crypto: t.koers.crypto });
    expect(counts).toEqual(expected);
    expect(runId).toBeUndefined();
    expect(await snapshot(t.koers.db)).toBe(before);
    const admin = await Client.loggedIn(t, await aUser(t, 'admin'));
    const res = await admin.post('/api/v1/retention/dry-run');
    expect(res.status).toBe(200);
    // Over the API the clock's real time counts: the server's own fresh login lines stay.
    expect(res.body.counts).toMatchObject({ participant: 1, document: 2, auditEvent: 2, participantHeldFiscal: 1 });
    expect((await (await Client.loggedIn(t, consultant)).post('/api/v1/retention/dry-run')).status).toBe(404);
  });

  it('removes exactly what has passed its term, in batches, and logs the counts', async () => {
    // A good login sweeps stale counters itself (src/features/sessions/throttle.ts): the old one again, as it would be with no logins.
    await t.koers.db.query(`INSERT INTO login_throttle (key_hash, attempts, window_started_at, next_allowed_at) VALUES ('old', 3, $1, $1) ON CONFLICT DO NOTHING`, [daysAgo(120)]);
    const { counts, runId } = await runPurge(t.koers.db, { ...options, dryRun: false, crypto: t.koers.crypto });
    expect(counts).toEqual(expected);
    const people = await t.koers.db.query<{ id: string; family_name: string; bsn_hash: string; purged: boolean; docs: number }>(
      `SELECT p.id, p.family_name, p.bsn_hash, p.purged_at IS NOT NULL AS purged, (SELECT count(*)::int FROM document d WHERE d.participant_id = p.id) AS docs FROM participant p WHERE p.id = ANY($1::uuid[])`,
      [Object.values(ids)],
    );
    const byId = new Map(people.map((p) => [p.id, p]));
    expect(byId.get(ids.expired)).toMatchObject({ family_name: 'Verwijderd', purged: true, docs: 0 });
    for (const k of ['recent', 'held', 'open'] as const) expect(byId.get(ids[k])).toMatchObject({ family_name: 'Haddad', purged: false, docs: 1 });
    const portfolio = await t.koers.db.query<{ participant_id: string; title: string; body: string | null; files: number }>(
      `SELECT i.participant_id, i.title, i.body, (SELECT count(*)::int FROM portfolio_file f WHERE f.item_id = i.id) AS files FROM portfolio_item i WHERE i.participant_id = ANY($1::uuid[])`,
      [[ids.expired, ids.recent]],
    );
    expect(portfolio.find((p) => p.participant_id === ids.expired)).toMatchObject({ title: '(verwijderd)', body: null, files: 0 });
    expect(portfolio.find((p) => p.participant_id === ids.recent)).toMatchObject({ title: 'Mijn stage', body: 'Over mijzelf', files: 1 });
    // The facts stay (referral, route events); the BSN no longer finds anyone.
    expect((await t.koers.db.query('SELECT 1 FROM route_event WHERE participant_id = $1', [ids.expired])).length).toBe(1);
    expect((await t.koers.db.query('SELECT 1 FROM referral WHERE participant_id = $1', [ids.expired])).length).toBe(1);
    const c = await Client.loggedIn(t, consultant);
    expect((await c.post('/api/v1/participants/search', { bsn: expiredBsn })).body.items).toEqual([]);
    expect((await c.get(`/api/v1/participants/${ids.expired}`)).body.bsnMasked).toMatch(/0000$/);
    expect((await t.koers.db.query(`SELECT key_hash FROM login_throttle WHERE key_hash IN ('old', 'new')`)).map((x) => x.key_hash)).toEqual(['new']);
    expect((await t.koers.db.query(`SELECT 1 FROM audit_event WHERE started_at < '2020-01-01'`)).length).toBe(0);
    const outbox = await t.koers.db.query<{ id: string; recipient: string; body: string; dedupe_key: string }>('SELECT id, recipient, body, dedupe_key FROM outbox WHERE id = ANY($1::uuid[])', [Object.values(mails)]);
    const mail = new Map(outbox.map((m) => [m.id, m]));
    expect(mail.get(mails.old)).toMatchObject({ recipient: '(verwijderd)', body: '', dedupe_key: `t:${mails.old}` });
    expect(mail.get(mails.fresh)).toMatchObject({ recipient: 'nieuw@test.koers', body: 'tekst' });
    expect(mail.get(mails.pending)).toMatchObject({ recipient: 'wacht@test.koers', body: 'tekst' });
    expect((await t.koers.db.query(`SELECT token_hash FROM password_reset WHERE token_hash LIKE 'r-%'`)).map((x) => x.token_hash)).toEqual(['r-new']);
    expect((await t.koers.db.query(`SELECT id_hash FROM oidc_login WHERE id_hash LIKE 'o-%'`)).map((x) => x.id_hash)).toEqual(['o-new']);
    // The log: the counts, no data.
    const log = await t.koers.db.query<{ kind: string; n: number }>('SELECT kind, n FROM retention_run_count WHERE run_id = $1', [runId]);
    expect(Object.fromEntries(log.map((l) => [l.kind, l.n]))).toEqual(expected);
    // A second run finds nothing left but the held participant.
    const again = await runPurge(t.koers.db, { ...options, dryRun: false, crypto: t.koers.crypto });
    expect(again.counts).toEqual({ participant: 0, document: 0, session: 0, loginThrottle: 0, auditEvent: 0, outboxMail: 0, passwordReset: 0, oidcLogin: 0, participantHeldFiscal: 1 });
    const admin = await Client.loggedIn(t, await aUser(t, 'admin'));
    const runs = await admin.get('/api/v1/retention/runs');
    expect(runs.status).toBe(200);
    expect(runs.body.items.find((x: { id: string }) => x.id === runId).counts).toEqual(expected);
  });

  it("fails the expired participant's DUO delivery still waiting, and leaves the one DUO received", async () => {
    // After the run above.
    const rows = await t.koers.db.query<{ status: string; reasons: string[] }>(`SELECT status, reasons FROM duo_delivery WHERE participant_id = $1 ORDER BY status`, [ids.expired]);
    expect(rows.map((r) => r.status)).toEqual(['failed', 'received']);
    expect(rows[0]?.reasons[0]).toMatch(/geanonimiseerd/);
  });

  it("deletes what DUO said about the anonymised participant and empties what was delivered; the open participant's DUO facts stay", async () => {
    const bodies = await t.koers.db.query<{ body: unknown }>(`SELECT body FROM duo_delivery WHERE participant_id = $1`, [ids.expired]);
    expect(bodies).toEqual([{ body: null }, { body: null }]);
    const facts = await t.koers.db.query<{ participantId: string }>(`SELECT participant_id AS "participantId" FROM duo_fact WHERE participant_id = ANY($1::uuid[])`, [[ids.expired, ids.open]]);
    expect(facts).toEqual([{ participantId: ids.open }]);
  });

  it('keeps the audit log append-only outside the purge, and recent lines even inside it', async () => {
    await expect(t.koers.db.query(`DELETE FROM audit_event WHERE started_at < now()`)).rejects.toThrow();
    await expect(t.koers.db.query('SELECT retention_purge_audit_events(now(), 10)')).rejects.toThrow();
  });

  it('runs on the scheduled run once a day', async () => {
    const deps = { crypto: t.koers.crypto, clock: t.clock };
    await runScheduled(t.koers.db, t.koers.contracts, TODAY, deps);
    await runScheduled(t.koers.db, t.koers.contracts, TODAY, deps);
    expect(await t.koers.db.query(`SELECT 1 FROM retention_run WHERE trigger = 'scheduled' AND today = $1`, [TODAY])).toHaveLength(1);
  });
});
