// The outbox sender (ARCHITECTURE §2.9): delivers the rows src/platform/outbox.ts wrote, by SMTP.
//
// Without an SMTP URL it does nothing: the mail stays 'pending' and an admin reads it in the outbox list.
// With one, each round claims a batch in one short transaction (pending -> sending, FOR UPDATE SKIP
// LOCKED, so several app instances each get different rows), sends outside any transaction, then marks
// each row 'sent'. A process that dies after the SMTP server accepted a mail but before the 'sent' mark
// leaves the row 'sending'; after 5 minutes another round takes it over and sends it again. That is
// at-least-once delivery, made recognisable: every attempt of a row carries the same Message-ID and Date,
// so the receiving side sees a resend as the same message.
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Db } from './db.js';

export interface MailerOptions {
  /** smtp://user:pass@host:port or smtps://…; nodemailer's URL options (?pool=true, ?tls.…) apply. */
  smtpUrl?: string;
  /** Time between rounds (default 10 s). The first round runs at start, for mail a crash left behind. */
  intervalMs?: number;
  /** The From address (default "Koers <noreply@koers.invalid>"). */
  from?: string;
  /**
   * Never given a recipient or a mail body: the row id and the SMTP error's code, response code and
   * command (the full text, which may echo the address, is in the row's last_error for the admin).
   */
  log?: (msg: string, err?: unknown) => void;
}

export interface Mailer {
  /** Runs one claim-and-send round now (after any round in progress) and returns the number sent. */
  flush(): Promise<number>;
  /** Stops the timer and waits for a round in progress. Claimed rows not yet sent go back to pending. */
  stop(): Promise<void>;
}

/** Claims per round: small, so one round stays far inside the 5-minute claim. */
const BATCH = 20;
export const MAX_ATTEMPTS = 5;
/** A 'sending' row older than this belongs to a sender that died (the SQL below says the same). */
const CLAIM_MS = 5 * 60 * 1000;
/** Stop sending from a batch before its claim could be taken over, so a slow server doesn't cause doubles. */
const CLAIM_SAFETY_MS = CLAIM_MS - 60 * 1000;
const DEFAULT_INTERVAL_MS = 10_000;

// The stable identity a receiver sees. The dedupe key already names the recipient, so each recipient's
// copy has its own id, and every resend of that copy has the same one.
export function messageIdFor(dedupeKey: string): string {
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 40)}@koers>`;
}

interface ClaimedRow {
  id: string;
  dedupeKey: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
  createdAt: Date | string;
}

// Retry back-off: the n-th failed attempt waits 2^(n-1) minutes (1, 2, 4, 8), so a short SMTP outage
// does not use up the 5 attempts within a minute. A released row (claimed_at null) is due at once.
const CLAIM_SQL = `
  UPDATE outbox SET status = 'sending', claimed_at = now(), attempts = attempts + 1
  WHERE id IN (
    SELECT id FROM outbox
    WHERE (status = 'pending' AND (claimed_at IS NULL OR claimed_at < now() - interval '1 minute' * power(2, greatest(attempts - 1, 0))))
       OR (status = 'sending' AND claimed_at < now() - interval '5 minutes')
    ORDER BY created_at, id
    LIMIT ${BATCH}
    FOR UPDATE SKIP LOCKED)
  RETURNING id, dedupe_key AS "dedupeKey", recipient, subject, body, attempts, created_at AS "createdAt"`;

// Errors of the connection rather than of one mail: the rest of the batch would fail the same way,
// so it is handed back untried instead of each row using up an attempt.
const CONNECTION_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EAUTH', 'ETLS', 'EGREETING', 'ECONNREFUSED']);

/** Bounded timeouts unless the URL sets them: nodemailer's socket default is an hour, far past the claim. */
function withTimeouts(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  for (const [key, ms] of [['connectionTimeout', 10_000], ['greetingTimeout', 10_000], ['socketTimeout', 30_000]] as const) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, String(ms));
  }
  return url.toString();
}

/** What a log line may carry of a send error: an SMTP server's text often repeats the address. */
function loggable(err: unknown): { code?: string; responseCode?: number; command?: string } {
  const e = err as { code?: string; responseCode?: number; command?: string } | null;
  return { code: e?.code, responseCode: e?.responseCode, command: e?.command };
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? `${(err as { code?: string }).code ?? err.name}: ${err.message}` : String(err);
  return text.slice(0, 1000);
}

export function startMailer(db: Db, options: MailerOptions): Mailer {
  const log = options.log ?? (() => undefined);
  if (options.smtpUrl === undefined || options.smtpUrl === '') {
    // No SMTP: mail stays visible to the admin in the outbox list; nothing to run.
    return { flush: () => Promise.resolve(0), stop: () => Promise.resolve() };
  }
  const transport = nodemailer.createTransport(withTimeouts(options.smtpUrl));
  const from = options.from ?? 'Koers <noreply@koers.invalid>';
  let stopped = false;
  let busy = false;
  // Rounds of this instance run one after another; other instances are kept apart by SKIP LOCKED.
  let chain: Promise<unknown> = Promise.resolve();

  const claim = () => db.transaction((tx) => tx.query<ClaimedRow & Record<string, unknown>>(CLAIM_SQL));
  // Issue #11: the files of a mail (migration 0018), read when it is sent, in their order.
  const attachmentsOf = (row: ClaimedRow) =>
    db.query<{ filename: string; contentType: string; content: Uint8Array }>(
      `SELECT file_name AS filename, content_type AS "contentType", content FROM outbox_attachment WHERE outbox_id = $1 ORDER BY position`,
      [row.id],
    );

  // The claim's attempts value is its token: only the claim that is still current may change the row.
  const markSent = (row: ClaimedRow) =>
    db.query(`UPDATE outbox SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1 AND status = 'sending' AND attempts = $2`, [row.id, row.attempts]);
  const markFailed = (row: ClaimedRow, err: unknown) =>
    db.query(`UPDATE outbox SET status = $3, last_error = $4 WHERE id = $1 AND status = 'sending' AND attempts = $2`, [
      row.id,
      row.attempts,
      row.attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
      errorText(err),
    ]);
  // Untried rows go back as they were, due at once (for the next round or another instance).
  const release = async (rows: readonly ClaimedRow[]) => {
    for (const row of rows) {
      await db.query(`UPDATE outbox SET status = 'pending', attempts = attempts - 1, claimed_at = NULL WHERE id = $1 AND status = 'sending' AND attempts = $2`, [row.id, row.attempts]);
    }
  };

  async function round(): Promise<number> {
    if (stopped) return 0;
    const claimedAt = Date.now();
    const rows = await claim();
    let sent = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (stopped || Date.now() - claimedAt > CLAIM_SAFETY_MS) {
        await release(rows.slice(i));
        break;
      }
      try {
        const attachments = (await attachmentsOf(row)).map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) }));
        await transport.sendMail({
          from,
          to: row.recipient,
          subject: row.subject,
          text: row.body,
          messageId: messageIdFor(row.dedupeKey),
          // The enqueue time, not the send time: a resend is then the same message in every header.
          date: new Date(row.createdAt),
          // RFC 3834: no out-of-office replies to a system mail.
          headers: { 'Auto-Submitted': 'auto-generated' },
          ...(attachments.length > 0 ? { attachments } : {}),
        });
      } catch (err) {
        log(`outbox ${row.id}: attempt ${row.attempts} failed`, loggable(err));
        await markFailed(row, err);
        if (CONNECTION_ERRORS.has((err as { code?: string }).code ?? '')) {
          await release(rows.slice(i + 1));
          break;
        }
        continue;
      }
      // A crash here is the case the stable Message-ID is for: the row is sent again after 5 minutes.
      await markSent(row);
      sent++;
    }
    return sent;
  }

  function enqueueRound(): Promise<number> {
    const next = chain.then(round);
    chain = next.catch(() => undefined);
    return next;
  }

  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const tick = () => {
    // A slow round is not piled up behind: the next tick simply skips.
    if (busy || stopped) return;
    busy = true;
    enqueueRound()
      .catch((err: unknown) => log('outbox round failed', err))
      .finally(() => {
        busy = false;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();

  return {
    flush: () => (stopped ? Promise.resolve(0) : enqueueRound()),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      await chain;
      transport.close();
    },
  };
}
