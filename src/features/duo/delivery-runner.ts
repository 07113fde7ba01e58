// R-EXC-4 (issue #15): sends the rows src/features/duo/deliveries.ts queued, as the mail sender does
// (src/platform/mailer.ts): a round claims a batch in one short transaction (pending -> sending, FOR UPDATE
// SKIP LOCKED, so two instances never claim one row), sends outside any transaction, then marks each row
// with DUO's answer and audits the exchange in the same transaction (Logboek Dataverwerkingen: the
// participant encrypted, the berichtId kept as the foreign operation id). A process that dies between
// DUO's receipt and the mark leaves the row 'sending'; after the claim time another round sends it again
// with the same berichtId, which DUO answers as the first time and stores once: at-least-once, never twice
// in DUO's state. A failure (no answer, 5xx) waits 1, 2, 4 … minutes before the next attempt.
// Never logged, never stored: the BSN and DUO's URL (the BSN is in its path). Every kind of delivery
// (melding.ts) goes the same way; before each, DUO is asked for the facts its rules read (preflight.ts).
// A round first queues what Koers' facts owe DUO and is not queued yet (sweep.ts), at most every
// sweepIntervalMs (every round when flushed by hand).
import type { Crypto } from '../../platform/crypto.js';
import type { Db } from '../../platform/db.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import { newOperationId, newTraceId, recordAudit } from '../../platform/audit.js';
import { realNow } from '../../platform/clock.js';
import type { Clock } from '../../platform/clock.js';
import type { DuoConnection } from './queries.js';
import { deliver, DELIVERY_NL, type DeliveryKind, type DeliveryResult } from './melding.js';
import { municipalityOin } from './deliveries.js';
import { preflight, type Check } from './preflight.js';
import { queueDeliveriesFromFacts } from './sweep.js';
import type { DuoTls } from './transport.js';

export interface DuoLink {
  /** DUO's base URL with the major version (DUO_BASE_URL, or the demo simulator's). */
  baseUrl: string;
  /** DUO's OIN, the messages' target (doel). */
  doel: string;
  tls?: DuoTls;
}

export interface DuoDeliveryOptions {
  link: DuoLink;
  /** The municipality's own certificate, by municipality code, where each has one (else link.tls). */
  tlsFor?: (municipalityCode: string) => DuoTls | undefined;
  crypto: Crypto;
  contracts: ContractRegistry;
  /** Time between rounds (default 10 s); the first round runs at start, for rows a crash left behind. */
  intervalMs?: number;
  /** A 'sending' row older than this belongs to a sender that died (default 5 minutes). */
  claimTimeoutMs?: number;
  /** Never given a BSN or URL: the row id and an error code. */
  log?: (msg: string, detail?: unknown) => void;
  /** Tests: runs after DUO answered and before the row is marked (a throw there is a crash at that moment). */
  afterSend?: (deliveryId: string) => void | Promise<void>;
  /** Tests: no timer, rounds only by flush(). */
  manual?: boolean;
  /** Koers' date: "not in the future", the month of the hours (default: the real date). */
  clock?: Pick<Clock, 'today'>;
  /** Time between two sweeps of the facts for deliveries (default 5 minutes); a flush always sweeps. */
  sweepIntervalMs?: number;
  /**
   * Time before the first timed round (default 0: at start). `npm start` on PGlite waits a few seconds, so
   * the round does not hold the one session while the server opens (issue #16); what a crash left behind
   * is still sent then, only later.
   */
  firstRoundAfterMs?: number;
}

export interface DuoDeliveries {
  flush(): Promise<number>;
  stop(): Promise<void>;
}

const BATCH = 20;
export const DUO_MAX_ATTEMPTS = 10;

interface Claimed {
  id: string;
  api: DeliveryKind;
  participantId: string;
  municipalityId: string;
  municipalityCode: string;
  berichtId: string;
  body: unknown;
  attempts: number;
  bsnEncrypted: string;
  providerName: string | null;
}

const claimSql = (claimTimeoutMs: number) => `
  UPDATE duo_delivery d SET status = 'sending', claimed_at = now(), attempts = d.attempts + 1
  FROM participant p, municipality m
  WHERE p.id = d.participant_id AND m.id = d.municipality_id AND p.purged_at IS NULL AND d.id IN (
    SELECT id FROM duo_delivery
    WHERE (status = 'pending' AND (claimed_at IS NULL OR claimed_at < now() - interval '1 minute' * power(2, greatest(attempts - 1, 0))))
       OR (status = 'sending' AND claimed_at < now() - interval '1 millisecond' * ${Math.max(0, Math.floor(claimTimeoutMs))})
    ORDER BY created_at, id
    LIMIT ${BATCH}
    FOR UPDATE SKIP LOCKED)
  RETURNING d.id, d.api, d.participant_id AS "participantId", d.municipality_id AS "municipalityId", m.code AS "municipalityCode",
    d.bericht_id::text AS "berichtId", d.body, d.attempts, p.bsn_encrypted AS "bsnEncrypted",
    (SELECT name FROM provider WHERE id = d.provider_id) AS "providerName"`;

type Outcome =
  | DeliveryResult
  | { outcome: 'failed'; berichtId: string; status: 0; error: string }
  /** DUO's own facts break a rule: not sent (the reasons carry the field). */
  | { outcome: 'invalid'; berichtId: string; reasons: string[] };

export function startDuoDeliveries(db: Db, options: DuoDeliveryOptions): DuoDeliveries {
  const log = options.log ?? (() => undefined);
  const claimTimeoutMs = options.claimTimeoutMs ?? 5 * 60 * 1000;
  const today = () => options.clock?.today() ?? realNow().toISOString().slice(0, 10);
  const sweepIntervalMs = options.sweepIntervalMs ?? 5 * 60 * 1000;
  let lastSweep = -Infinity;
  let stopped = false;
  let chain: Promise<unknown> = Promise.resolve();

  const send = async (row: Claimed): Promise<{ r: Outcome; checks: Check[] }> => {
    const bron = municipalityOin(options.contracts, row.municipalityCode);
    if (!bron) return { r: { outcome: 'failed', berichtId: row.berichtId, status: 0, error: 'noOin' }, checks: [] };
    const tls = options.tlsFor?.(row.municipalityCode) ?? options.link.tls;
    const c: DuoConnection = { baseUrl: options.link.baseUrl, doel: options.link.doel, bron, ...(tls ? { tls } : {}) };
    let bsn: string;
    try {
      bsn = options.crypto.decrypt(row.bsnEncrypted);
    } catch {
      return { r: { outcome: 'failed', berichtId: row.berichtId, status: 0, error: 'decrypt' }, checks: [] };
    }
    const { checks, reasons, path } = await preflight(db, c, bsn, row, today());
    if (reasons.length > 0) return { r: { outcome: 'invalid', berichtId: row.berichtId, reasons }, checks };
    try {
      return { r: await deliver(c, { kind: row.api, bsn, ...(path ? { path } : {}), ...(row.body === null ? {} : { body: row.body }), berichtId: row.berichtId }), checks };
    } catch (err) {
      // Only the code: a message may name the host, and nothing here may name the path.
      const code = (err as { code?: unknown }).code;
      return { r: { outcome: 'failed', berichtId: row.berichtId, status: 0, error: typeof code === 'string' ? code : 'error' }, checks };
    }
  };

  // The claim's attempts value is its token: only the current claim may mark the row.
  const audit = (tx: Parameters<typeof recordAudit>[0], row: Claimed, berichtId: string, name: 'duo.deliver' | 'duo.read', ok: boolean, summary: string) =>
    recordAudit(
      tx,
      options.crypto,
      { trace: { traceId: newTraceId(), operationId: newOperationId(), origin: 'duo-outbox', startedAt: realNow(), foreign: { traceId: berichtId.replaceAll('-', ''), operationId: berichtId } } },
      { name, status: ok ? 'ok' : 'error', subjects: [{ participantId: row.participantId, municipalityId: row.municipalityId }], objectType: 'duo_delivery', objectId: row.id, summary },
    );

  const mark = (row: Claimed, r: Outcome, checks: readonly Check[]) =>
    db.transaction(async (tx) => {
      // A refusal before sending (status 0: the document's shape) is never sent and stays 'invalid'.
      const before = r.outcome === 'refused' && r.status === 0;
      const sent = (r.outcome === 'received' || r.outcome === 'refused') && !before;
      const status = r.outcome === 'invalid' || before ? 'invalid' : sent ? r.outcome : row.attempts >= DUO_MAX_ATTEMPTS ? 'failed' : 'pending';
      const reasons = r.outcome === 'refused' || r.outcome === 'invalid' ? r.reasons : [];
      const lastStatus = r.outcome === 'invalid' || before ? null : r.status;
      const changed = await tx.query(
        `UPDATE duo_delivery SET status = $3, sent_at = CASE WHEN $4 THEN now() END, last_status = $5, reasons = $6::jsonb
         WHERE id = $1 AND status = 'sending' AND attempts = $2 RETURNING id`,
        [row.id, row.attempts, status, sent, lastStatus, JSON.stringify(reasons)],
      );
      if (changed.length === 0) return;
      for (const check of checks) await audit(tx, row, check.berichtId, 'duo.read', check.outcome === 'found' || check.outcome === 'not_found', `${check.what} ${check.outcome} (${row.api} check)`);
      if (status !== 'invalid') await audit(tx, row, row.berichtId, 'duo.deliver', sent, `${DELIVERY_NL[row.api]} ${status}`);
    });

  async function round(sweep: boolean): Promise<number> {
    if (stopped) return 0;
    if (sweep || realNow().getTime() - lastSweep >= sweepIntervalMs) {
      lastSweep = realNow().getTime();
      await db.transaction((tx) => queueDeliveriesFromFacts(tx, options.contracts, today()));
    }
    const rows = await db.transaction((tx) => tx.query<Claimed & Record<string, unknown>>(claimSql(claimTimeoutMs)));
    let done = 0;
    for (const row of rows) {
      const { r, checks } = await send(row);
      if (r.outcome === 'failed') log(`duo delivery ${row.id}: attempt ${row.attempts} failed`, { status: r.status, ...('error' in r ? { code: r.error } : {}) });
      await options.afterSend?.(row.id);
      await mark(row, r, checks);
      if (r.outcome !== 'failed') done++;
    }
    return done;
  }

  const enqueueRound = (sweep = false): Promise<number> => {
    const next = chain.then(() => round(sweep));
    chain = next.catch(() => undefined);
    return next;
  };
  let timer: NodeJS.Timeout | undefined;
  let first: NodeJS.Timeout | undefined;
  if (!options.manual) {
    let busy = false;
    const tick = () => {
      if (busy || stopped) return;
      busy = true;
      enqueueRound()
        .catch((err: unknown) => log('duo delivery round failed', { code: (err as { code?: unknown }).code }))
        .finally(() => {
          busy = false;
        });
    };
    const startTimer = () => {
      tick();
      timer = setInterval(tick, options.intervalMs ?? 10_000);
      timer.unref();
    };
    if ((options.firstRoundAfterMs ?? 0) > 0) {
      first = setTimeout(() => {
        if (!stopped) startTimer();
      }, options.firstRoundAfterMs);
      first.unref();
    } else startTimer();
  }
  return {
    flush: () => (stopped ? Promise.resolve(0) : enqueueRound(true)),
    stop: async () => {
      stopped = true;
      if (first) clearTimeout(first);
      if (timer) clearInterval(timer);
      await chain;
    },
  };
}
