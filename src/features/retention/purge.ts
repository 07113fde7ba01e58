// The retention purge (R-SEC-4): what has passed its term goes, in batches, each batch its own
// transaction, on both databases. Participants are anonymised (their facts stay for the rules that read
// them), their documents deleted; old mails emptied (their dedupe key stays); expired sessions, reset
// links and OIDC logins, unused login-throttle counters and audit lines past their term are deleted. A participant whose invoiced or earned facts are within the fiscal term (AWR
// art. 52) is held, and counted as held. The run's counts, never the data, go to retention_run; a dry run
// counts the same sets and writes nothing. Terms and sources: docs/retention.md.
import { randomUUID } from 'node:crypto';
import { cutoffs, retentionTermsFrom, type Cutoffs, type RetentionTerms } from '../../domain/retention.js';
import type { IsoDate } from '../../domain/iso-date.js';
import { newOperationId, newTraceId, recordAudit, type AuditActor } from '../../platform/audit.js';
import { realNow } from '../../platform/clock.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Db, Queryable } from '../../platform/db.js';

export const PURGE_KINDS = ['participant', 'document', 'session', 'loginThrottle', 'auditEvent', 'outboxMail', 'passwordReset', 'oidcLogin', 'participantHeldFiscal'] as const;
export type PurgeKind = (typeof PURGE_KINDS)[number];
export type PurgeCounts = Record<PurgeKind, number>;
const REMOVED = PURGE_KINDS.filter((k) => k !== 'participantHeldFiscal');

export interface PurgeOptions {
  terms: RetentionTerms;
  today: IsoDate;
  /** Real time (realNow()): sessions, throttle counters and audit lines are stamped with it. */
  now: Date;
  dryRun: boolean;
  trigger: 'scheduled' | 'admin';
  crypto: Crypto;
  /** The administrator who started it (absent: the scheduled run). */
  who?: AuditActor;
  batch?: number;
}

const CLOSING = ['routeEnded', 'droppedOut', 'movedAway'];

/**
 * Participants whose route closed on or before $1 (the latest closing route event, with no later
 * referral and no later event but a warm hand-over), not yet purged; `held` picks those with a fact
 * on or after $2 within the fiscal term, else those without. $3: the closing event types.
 */
function closedParticipants(held: boolean): string {
  return `SELECT p.id, p.municipality_id FROM participant p
    CROSS JOIN LATERAL (SELECT max(e.on_date) AS closed_on FROM route_event e WHERE e.participant_id = p.id AND e.type = ANY($3::text[])) c
    WHERE p.purged_at IS NULL AND c.closed_on IS NOT NULL AND c.closed_on <= $1::date
      AND NOT EXISTS (SELECT 1 FROM route_event e WHERE e.participant_id = p.id AND e.on_date > c.closed_on AND NOT (e.type = ANY($3::text[])) AND e.type <> 'handOverHeld')
      AND NOT EXISTS (SELECT 1 FROM referral r WHERE r.participant_id = p.id AND r.referred_on > c.closed_on)
      AND ${held ? '' : 'NOT'} (
        EXISTS (SELECT 1 FROM billable_event b WHERE b.participant_id = p.id AND b.earned_on >= $2::date)
        OR EXISTS (SELECT 1 FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id WHERE l.participant_id = p.id AND i.issue_date >= $2::date))`;
}

/** Documents and portfolio files (under the document rules, R-MAP-3) of participants past the document term (and not fiscally held). */
const expiredFiles = (table: 'document' | 'portfolio_file') => `SELECT d.id FROM ${table} d WHERE d.participant_id IN (SELECT id FROM (${closedParticipants(false)}) x)`;
const EXPIRED_SESSIONS = `SELECT id_hash FROM app_session WHERE expires_at < $1`;
const UNUSED_THROTTLES = `SELECT key_hash FROM login_throttle WHERE greatest(window_started_at, next_allowed_at, coalesce(last_success_at, window_started_at)) < $1`;
// A mail is emptied, never deleted: its dedupe key must stay, or the signal engine would send it again.
const OLD_MAILS = `SELECT id FROM outbox WHERE status IN ('sent', 'failed') AND coalesce(sent_at, created_at) < $1 AND purged_at IS NULL`;
const EXPIRED_RESETS = `SELECT token_hash FROM password_reset WHERE expires_at < $1`;
const EXPIRED_OIDC = `SELECT id_hash FROM oidc_login WHERE expires_at < $1`;

async function count(q: Queryable, sql: string, params: unknown[]): Promise<number> {
  return (await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) s`, params))[0]?.n ?? 0;
}

/** The counts a run would remove now (the dry run, and the scheduled run's held count). */
export async function countExpired(q: Queryable, c: Cutoffs): Promise<PurgeCounts> {
  return {
    participant: await count(q, closedParticipants(false), [c.participantClosedBy, c.fiscalFrom, CLOSING]),
    document: (await count(q, expiredFiles('document'), [c.documentClosedBy, c.fiscalFrom, CLOSING])) + (await count(q, expiredFiles('portfolio_file'), [c.documentClosedBy, c.fiscalFrom, CLOSING])),
    session: await count(q, EXPIRED_SESSIONS, [c.sessionExpiredBefore]),
    loginThrottle: await count(q, UNUSED_THROTTLES, [c.loginThrottleUnusedBefore]),
    auditEvent: await count(q, 'SELECT id FROM audit_event WHERE started_at < $1', [c.auditBefore]),
    outboxMail: await count(q, OLD_MAILS, [c.outboxBefore]),
    passwordReset: await count(q, EXPIRED_RESETS, [c.sessionExpiredBefore]),
    oidcLogin: await count(q, EXPIRED_OIDC, [c.sessionExpiredBefore]),
    participantHeldFiscal: await count(q, closedParticipants(true), [c.participantClosedBy, c.fiscalFrom, CLOSING]),
  };
}

/** Runs `step` (one batch, in its own transaction) until it removes fewer than a batch; the total. */
async function inBatches(db: Db, batch: number, step: (tx: Queryable) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(step);
    total += n;
    if (n < batch) return total;
  }
}

/** One run: the dry run counts; a real run removes in batches and logs its counts. */
export async function runPurge(db: Db, o: PurgeOptions): Promise<{ counts: PurgeCounts; runId: string | undefined }> {
  const c = cutoffs(o.terms, o.today, o.now);
  if (o.dryRun) return { counts: await countExpired(db, c), runId: undefined };
  const batch = o.batch ?? 500;
  const who: AuditActor = o.who ?? { trace: { traceId: newTraceId(), operationId: newOperationId(), origin: 'retention-purge', startedAt: o.now } };
  // A fake BSN, so every reader that decrypts the column still can; the mask shows zeros.
  const placeholder = o.crypto.encrypt('000000000');
  const counts = Object.fromEntries(PURGE_KINDS.map((k) => [k, 0])) as PurgeCounts;
  for (const table of ['document', 'portfolio_file'] as const)
    counts.document += await inBatches(db, batch, async (tx) => (await tx.query(`DELETE FROM ${table} WHERE id IN (${expiredFiles(table)} LIMIT $4) RETURNING 1`, [c.documentClosedBy, c.fiscalFrom, CLOSING, batch])).length);
  counts.participant = await inBatches(db, batch, async (tx) => {
    const rows = await tx.query<{ id: string; municipality_id: string }>(`${closedParticipants(false)} ORDER BY p.id LIMIT $4`, [c.participantClosedBy, c.fiscalFrom, CLOSING, batch]);
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    counts.document += (await tx.query('DELETE FROM document WHERE participant_id = ANY($1::uuid[]) RETURNING 1', [ids])).length;
    counts.document += (await tx.query('DELETE FROM portfolio_file WHERE participant_id = ANY($1::uuid[]) RETURNING 1', [ids])).length;
    // Issue #15: a DUO delivery still waiting would go out with the placeholder BSN once anonymised: it
    // fails here instead, with the reason on the DUO page (the delivery row itself holds no personal data).
    await tx.query(
      `UPDATE duo_delivery SET status = 'failed', reasons = $2::jsonb WHERE participant_id = ANY($1::uuid[]) AND status IN ('pending', 'sending')`,
      [ids, JSON.stringify(['Niet verzonden: de gegevens van de inburgeraar zijn na de bewaartermijn geanonimiseerd.'])],
    );
    // DUO's answers about the person go, and what was delivered is emptied; the delivery rows (status, times,
    // berichtId, dedupe key: nothing is queued again) and the notifications' event codes and times stay.
    await tx.query('DELETE FROM duo_fact WHERE participant_id = ANY($1::uuid[])', [ids]);
    await tx.query('UPDATE duo_delivery SET body = NULL WHERE participant_id = ANY($1::uuid[])', [ids]);
    await anonymise(tx, ids, placeholder, o.now);
    await recordAudit(tx, o.crypto, who, { name: 'retention.purge', status: 'ok', subjects: rows.map((r) => ({ participantId: r.id, municipalityId: r.municipality_id })), objectType: 'participant', summary: 'anonymised: retention term passed (R-SEC-4)' });
    return rows.length;
  });
  counts.session = await inBatches(db, batch, async (tx) => (await tx.query(`DELETE FROM app_session WHERE id_hash IN (${EXPIRED_SESSIONS} LIMIT $2) RETURNING 1`, [c.sessionExpiredBefore, batch])).length);
  counts.loginThrottle = await inBatches(db, batch, async (tx) => (await tx.query(`DELETE FROM login_throttle WHERE key_hash IN (${UNUSED_THROTTLES} LIMIT $2) RETURNING 1`, [c.loginThrottleUnusedBefore, batch])).length);
  counts.auditEvent = await inBatches(db, batch, async (tx) => (await tx.query<{ n: number }>('SELECT retention_purge_audit_events($1, $2) AS n', [c.auditBefore, batch]))[0]?.n ?? 0);
  counts.outboxMail = await inBatches(db, batch, async (tx) =>
    (await tx.query(`UPDATE outbox SET recipient = '(verwijderd)', subject = '(verwijderd)', body = '', last_error = NULL, purged_at = $3 WHERE id IN (${OLD_MAILS} LIMIT $2) RETURNING 1`, [c.outboxBefore, batch, o.now])).length,
  );
  counts.passwordReset = await inBatches(db, batch, async (tx) => (await tx.query(`DELETE FROM password_reset WHERE token_hash IN (${EXPIRED_RESETS} LIMIT $2) RETURNING 1`, [c.sessionExpiredBefore, batch])).length);
  counts.oidcLogin = await inBatches(db, batch, async (tx) => (await tx.query(`DELETE FROM oidc_login WHERE id_hash IN (${EXPIRED_OIDC} LIMIT $2) RETURNING 1`, [c.sessionExpiredBefore, batch])).length);
  counts.participantHeldFiscal = await count(db, closedParticipants(true), [c.participantClosedBy, c.fiscalFrom, CLOSING]);
  const runId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.query(`INSERT INTO retention_run (id, today, started_at, ended_at, trigger, actor_user_id, terms) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      runId, o.today, o.now, o.now, o.trigger, o.who?.actor?.userId ?? null, JSON.stringify(o.terms),
    ]);
    await tx.query(`INSERT INTO retention_run_count (run_id, kind, n) SELECT $1, k, n FROM unnest($2::text[], $3::int[]) AS t(k, n)`, [runId, [...PURGE_KINDS], PURGE_KINDS.map((k) => counts[k])]);
    // A scheduled run that removed nothing leaves its log row only (the hourly run is not an event).
    if (o.trigger === 'admin' || REMOVED.some((k) => counts[k] > 0))
      await recordAudit(tx, o.crypto, who, { name: 'retention.purge', status: 'ok', subjects: [], objectType: 'retentionRun', objectId: runId, summary: PURGE_KINDS.map((k) => `${k} ${counts[k]}`).join(', ') });
  });
  return { counts, runId };
}

/** Names, BSN and contact data out; the year of birth (the youth segment, R-PAR-4), gender and route stay for the aggregates. */
async function anonymise(tx: Queryable, ids: string[], placeholder: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE participant SET given_name = '-', family_name = 'Verwijderd', bsn_encrypted = $2, bsn_hash = 'purged:' || id::text, bsn_last_four = '0000',
       date_of_birth = make_date(extract(year FROM date_of_birth)::int, 1, 1), email = NULL, phone = NULL, street = NULL, house_number = NULL,
       postcode = NULL, city = NULL, country_of_birth = NULL, mother_tongue = NULL, client_number = NULL, purged_at = $3
     WHERE id = ANY($1::uuid[])`,
    [ids, placeholder, now],
  );
  // The portfolio's own words about the person (R-MAP-3): the items stay as facts, without their text.
  await tx.query(`UPDATE portfolio_item SET title = '(verwijderd)', body = NULL WHERE participant_id = ANY($1::uuid[])`, [ids]);
  // The participant's own login: its sessions end and the account can no longer be used or found by address.
  await tx.query(`DELETE FROM app_session WHERE user_id IN (SELECT id FROM app_user WHERE participant_id = ANY($1::uuid[]))`, [ids]);
  await tx.query(`UPDATE app_user SET email = 'verwijderd-' || id::text || '@koers.invalid', name = 'Verwijderd', password_hash = '!' WHERE participant_id = ANY($1::uuid[])`, [ids]);
}

/**
 * The scheduled run's purge (src/features/scheduled-run.ts): once a day, by the instance whose run was
 * not skipped, never a dry run; the terms from KOERS_RETENTION_*. The run's own result passes through.
 */
export function withDailyPurge<T>(db: Db, today: IsoDate, deps: { crypto: Crypto }): (result: T | 'skipped') => Promise<T | 'skipped'> {
  return async (result) => {
    if (result === 'skipped') return result;
    const done = await db.query(`SELECT 1 FROM retention_run WHERE trigger = 'scheduled' AND today = $1 LIMIT 1`, [today]);
    if (done.length === 0) await runPurge(db, { terms: retentionTermsFrom(process.env), today, now: realNow(), dryRun: false, trigger: 'scheduled', crypto: deps.crypto });
    return result;
  };
}
