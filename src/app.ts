// Composition root: contracts → database → migrations → organisations → demo → HTTP server.
// Used by the CLI (`npm start`), the integration tests and the browser tests alike.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { ROUTES } from './features/index.js';
import { loadDemoRegion } from './features/demo/generator.js';
import { syncOrganisations } from './features/organisations/store.js';
import { runScheduled } from './features/scheduled-run.js';
import { applyStoredVersions } from './features/contract-versions/registry.js';
import { applyStoredIdentifiers } from './features/organisation-admin/service.js';
import { duoNotificationUrl, startDuoLink } from './features/duo/link.js';
import { SCHEDULED_JOB } from './features/system/metrics-route.js';
import { ImportRules } from './features/imports/pending-rules.js';
import { Metrics, observeJob } from './platform/metrics.js';
import { SettableClock, systemClock, type Clock } from './platform/clock.js';
import { mfaRolesOf, type Config } from './platform/config.js';
import { loadContracts, type ContractRegistry } from './platform/contracts.js';
import { createCrypto, type Crypto } from './platform/crypto.js';
import { openPglite, openPostgres, type Db } from './platform/db.js';
import { buildServer } from './platform/http/server.js';
import { lockDataDir } from './platform/lockfile.js';
import { startMailer } from './platform/mailer.js';
import { APP_ROLE, migrate } from './platform/migrate.js';
import { DEFAULT_IDLE_MINUTES } from './platform/session-store.js';

export const WEB_DIR = fileURLToPath(new URL('../dist/web/', import.meta.url));

export interface Koers {
  server: FastifyInstance;
  db: Db;
  crypto: Crypto;
  clock: Clock;
  contracts: ContractRegistry;
  demo: { loaded: boolean; participants: number } | undefined;
  /** Issue #16: the imports' absence and hours rules, run after each commit; `drain()` waits for them. */
  importRules: { drain(): Promise<void> };
  stop(): Promise<void>;
}

export interface KoersOptions {
  /** Overrides the clock (tests). In demo mode a settable clock is made from config.today. */
  clock?: Clock;
  logger?: FastifyServerOptions['logger'];
  /** Keep the database in memory (PGlite only; tests). */
  inMemory?: boolean;
  /**
   * Start the in-memory PGlite from this dump of a data directory (PGlite's `dumpDataDir`): tests hand
   * in one migrated database so every server skips initdb (~1.5 s a server, issue #12's suite budget).
   * The migrations still run, and apply whatever the dump lacks.
   */
  pgliteTemplate?: Blob;
  /** Run the scheduled signal engine (default: true when listening). */
  schedule?: boolean;
  /**
   * With `schedule`: milliseconds before the first scheduled run and the first DUO delivery round
   * (default 0: at once). `npm start` on PGlite waits (src/cli/main.ts, issue #16).
   */
  firstRunAfterMs?: number;
  /**
   * Run an import's absence and hours rules right after its commit (default true). Tests of a process
   * that dies between the two turn it off: the rules then wait for the next start or hourly run.
   */
  importRulesAfterCommit?: boolean;
}

const HOUR = 60 * 60 * 1000;

/** Opens the database, applies migrations as the owner, then works as the restricted app role. */
async function openDatabase(config: Config, inMemory: boolean, template: Blob | undefined): Promise<{ db: Db; release: () => void }> {
  if (config.databaseUrl !== undefined) {
    const owner = openPostgres(config.databaseUrl, { max: 1 });
    try {
      await migrate(owner);
    } finally {
      await owner.close();
    }
    return { db: openPostgres(config.databaseUrl, { role: APP_ROLE }), release: () => undefined };
  }
  const release = inMemory ? () => undefined : lockDataDir(config.dataDir);
  try {
    const db = await openPglite(inMemory ? undefined : path.join(config.dataDir, 'pglite'), inMemory ? template : undefined);
    await migrate(db);
    // PGlite is one session: the role holds for every later query of this process.
    await db.exec(`SET ROLE ${APP_ROLE}`);
    return { db, release };
  } catch (err) {
    release();
    throw err;
  }
}

export async function createKoers(config: Config, options: KoersOptions = {}): Promise<Koers> {
  // Contracts first: a broken file stops the start before anything is touched.
  const contracts = loadContracts(config.contractsDir);
  // In demo mode the date can be moved (issue #3 item 7): a clock handed in by a test harness is
  // settable then too, so browser tests can step time the way a reviewer does.
  const given = options.clock;
  const settable = config.demo ? (given instanceof SettableClock ? given : given === undefined ? new SettableClock(config.today) : undefined) : undefined;
  const clock: Clock = given ?? settable ?? (config.today !== undefined ? new SettableClock(config.today) : systemClock);
  const crypto = createCrypto(config.secret);
  const { db, release } = await openDatabase(config, options.inMemory === true, options.pgliteTemplate);
  let timer: NodeJS.Timeout | undefined;
  let firstRun: NodeJS.Timeout | undefined;
  const firstRunAfterMs = options.schedule === true ? (options.firstRunAfterMs ?? 0) : 0;
  // Issue #17: request counts and job runs for GET /metrics and the health check.
  const metrics = new Metrics();
  try {
    // Issue #17 (R-CON-10): the versions activated in Koers, on top of the files.
    await applyStoredVersions(db, contracts);
    await applyStoredIdentifiers(db, contracts);
    await syncOrganisations(db, contracts);
    // The server's logger once it exists; a run only starts after that.
    let logError = (msg: string, err: unknown) => console.error(msg, err);
    const importRules = new ImportRules(db, contracts, clock, (msg, err) => logError(msg, err));
    const demo = config.demo ? await loadDemoRegion(db, crypto, contracts, { size: config.demoSize, today: clock.today(), now: clock.now() }) : undefined;
    const server = await buildServer(
      {
        db,
        crypto,
        clock,
        contracts,
        demo: config.demo,
        production: config.production,
        webDir: WEB_DIR,
        logger: options.logger ?? false,
        mfaRoles: config.mfaRoles ?? mfaRolesOf(undefined, config.demo),
        sessionIdleMinutes: config.sessionIdleMinutes ?? DEFAULT_IDLE_MINUTES,
        oidc: config.oidc,
        publicUrl: config.publicUrl,
        trustedProxies: config.trustedProxies,
        metrics,
        metricsToken: config.metricsToken,
        ...(options.importRulesAfterCommit === false ? {} : { importRules }),
        ...(settable !== undefined ? { settableClock: settable } : {}),
      },
      ROUTES,
    );
    logError = (msg, err) => server.log.error({ err }, msg);
    // Issue #16: whatever rules a stopped process left pending (migration 0046) run now, after the start.
    importRules.after();
    // Mail leaves through the outbox (issue #3); without SMTP_URL it waits there for an admin to read.
    const mailer =
      options.schedule === true
        ? startMailer(db, { smtpUrl: config.smtpUrl, from: config.smtpFrom, log: (msg, err) => server.log.warn({ err }, msg) })
        : startMailer(db, {});
    // Issue #15 (R-EXC-4): DUO (DUO_BASE_URL) or, in demo mode, the DUO simulator; deliveries leave through its outbox.
    const duo = await startDuoLink(db, { config, crypto, contracts, clock, schedule: options.schedule === true || config.demo, ...(firstRunAfterMs > 0 ? { firstRoundAfterMs: firstRunAfterMs } : {}), notificationUrl: () => duoNotificationUrl(server), log: (msg, detail) => server.log.warn({ detail }, msg) });
    if (options.schedule === true) {
      // R-SIG-1: time-based breaches appear without anyone changing anything. Hourly is cheap and
      // idempotent; the advisory lock lets one instance of many do the work.
      // Issue #11: the same run records the billable events the facts have earned (src/features/invoicing/sweep.ts).
      const tick = () =>
        void observeJob(metrics, SCHEDULED_JOB, () => new Date(), async () => {
          // Issue #17: a contract version another instance activated is taken in here, before the run.
          await applyStoredVersions(db, contracts);
          await applyStoredIdentifiers(db, contracts);
          // Issue #16: rules a process on another instance left pending when it died.
          importRules.after();
          return runScheduled(db, contracts, clock.today(), { crypto, clock });
        }).catch((err: unknown) => server.log.error({ err }, 'signal engine failed'));
      const startTimer = () => {
        tick();
        timer = setInterval(tick, HOUR);
        timer.unref();
      };
      if (firstRunAfterMs > 0) {
        firstRun = setTimeout(startTimer, firstRunAfterMs);
        firstRun.unref();
      } else startTimer();
    }
    return {
      server,
      db,
      crypto,
      clock,
      contracts,
      demo,
      importRules,
      stop: async () => {
        if (firstRun !== undefined) clearTimeout(firstRun);
        if (timer !== undefined) clearInterval(timer);
        await server.close();
        // Rules under way finish (or roll back and stay pending) before the database closes.
        await importRules.stop();
        // Before the database closes, so a send round can finish or hand its rows back.
        await mailer.stop();
        await duo?.stop();
        await db.close();
        release();
      },
    };
  } catch (err) {
    await db.close().catch(() => undefined);
    release();
    throw err;
  }
}
