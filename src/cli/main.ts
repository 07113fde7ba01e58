// `koers` command: start (default), check-contracts, run-signals, backup and restore (issue #17, docs/backup.md).
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../platform/config.js';
import { seedPgliteDataDir } from './pglite-seed.js';

/** Issue #16: how long a start on PGlite waits before its first scheduled run and DUO delivery round. */
const EMBEDDED_FIRST_RUN_AFTER_MS = 10_000;

// Issue #16: only the configuration and the seeding are imported up front; the app's modules (~1 s of
// loading) are imported by the command that needs them, so the start seeds the data directory (and on a
// new checkout builds the database template in a child process) while they load.
async function start(): Promise<void> {
  const t0 = performance.now();
  const config = loadConfig();
  const seeding = config.databaseUrl === undefined ? seedPgliteDataDir(config.dataDir, { log: (line) => console.warn(line) }) : undefined;
  const [{ createKoers }, { duoLinkLabel, linkOf }, { DEMO_LOGINS, DEMO_PASSWORD, ROLE_LABELS }, { useContractsCache }] = await Promise.all([
    import('../app.js'),
    import('../features/duo/link.js'),
    import('../features/demo/accounts.js'),
    import('../platform/contracts.js'),
  ]);
  await seeding;
  // Issue #16: a compiled build (scripts/start.mjs names it in KOERS_BUILD_ID) keeps the contracts it
  // validated in the data directory, keyed by the files' bytes and the build, so a restart with the same
  // files skips YAML and zod (~0.45 s). Without the id (tsx, tests) every start parses them as before.
  const build = process.env.KOERS_BUILD_ID;
  if (build !== undefined && build !== '') useContractsCache({ dir: config.dataDir, build });
  // Issue #16: on PGlite the first scheduled run (~1.3 s of CPU) and the first DUO delivery round wait
  // EMBEDDED_FIRST_RUN_AFTER_MS. PGlite is one session, so /api/ready and every first request waited
  // behind them; on PostgreSQL they run beside the requests and start at once as before. Safe: the run
  // derives its signals, billable events and purges from the stored facts and the date, idempotently
  // (unique keys, R-SIG-1), so a run a few seconds later raises exactly what it would have raised at
  // once; the hourly schedule already lets a time-based breach wait up to an hour, and the demo loads
  // its own signals. A delivery a crash left 'sending' is sent by that later round all the same.
  const embedded = config.databaseUrl === undefined;
  const koers = await createKoers(config, { logger: { level: config.logLevel }, schedule: true, ...(embedded ? { firstRunAfterMs: EMBEDDED_FIRST_RUN_AFTER_MS } : {}) });
  const address = await koers.server.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${new URL(address).port}`;
  const lines = [
    '',
    `Koers draait op ${url}`,
    `  database: ${koers.db.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}; datum van het systeem: ${koers.clock.today()}`,
    `  API: ${url}/api/v1/openapi.json · ${url}/api/health · ${url}/api/ready`,
    `  gestart in ${Math.round(performance.now() - t0)} ms${koers.demo?.loaded === true ? `; demoregio Westfriesland geladen (${koers.demo.participants} inburgeraars)` : ''}`,
    // Issue #15: never DUO's URL here (a log may keep it); only whether and how Koers is linked.
    `  DUO: ${duoLinkLabel(linkOf(koers.db))}`,
  ];
  if (config.demo) {
    lines.push('', `Demo-accounts (wachtwoord: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_LOGINS) lines.push(`  ${a.email.padEnd(34)} ${ROLE_LABELS[a.role]}`);
  }
  console.log(lines.join('\n'));
  const shutdown = () => {
    koers.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/**
 * `koers run-signals [--no-lock]`: one scheduled run (signals, the invoicing sweep, the report signals)
 * against the configured database (ops, e.g. from cron, and the concurrency test). --no-lock skips the advisory lock to prove the unique key alone holds.
 */
async function runSignals(noLock: boolean): Promise<void> {
  const config = loadConfig();
  const [{ loadContracts }, { runScheduled, runScheduledInTx }, { SettableClock, systemClock }, { createCrypto }, { openPostgres }, { APP_ROLE }] = await Promise.all([
    import('../platform/contracts.js'),
    import('../features/scheduled-run.js'),
    import('../platform/clock.js'),
    import('../platform/crypto.js'),
    import('../platform/db.js'),
    import('../platform/migrate.js'),
  ]);
  if (config.databaseUrl === undefined) throw new Error('run-signals needs DATABASE_URL (a running Koers owns the embedded database)');
  const contracts = loadContracts(config.contractsDir);
  const db = openPostgres(config.databaseUrl, { role: APP_ROLE });
  try {
    // The same run as a server's hourly one (src/features/scheduled-run.ts), at KOERS_TODAY when set.
    const clock = config.today !== undefined ? new SettableClock(config.today) : systemClock;
    const deps = { crypto: createCrypto(config.secret), clock };
    const today = clock.today();
    const result = noLock ? await db.transaction((tx) => runScheduledInTx(tx, contracts, today, deps)) : await runScheduled(db, contracts, today, deps);
    console.log(JSON.stringify(result));
  } finally {
    await db.close();
  }
}

async function checkContracts(): Promise<void> {
  const config = loadConfig();
  const { loadContracts } = await import('../platform/contracts.js');
  const registry = loadContracts(config.contractsDir);
  for (const c of registry.contracts) console.log(`ok  ${c.id}: ${c.municipalities.length} municipalities, ${c.providers.length} providers, ${c.assumptions.length} assumptions`);
}

const command = process.argv[2] ?? 'start';
const run =
  command === 'check-contracts'
    ? checkContracts()
    : command === 'start'
      ? start()
      : command === 'run-signals'
        ? runSignals(process.argv.includes('--no-lock'))
        : command === 'backup' || command === 'restore'
          ? import('./backup.js').then(({ backupCommand, restoreCommand }) => (command === 'backup' ? backupCommand : restoreCommand)(loadConfig(), process.argv[3])).then((line) => console.log(line))
          : Promise.reject(new Error(`unknown command: ${command}`));
run.catch(async (err: unknown) => {
  // A broken contract file is an operator's error: print it plainly, without a stack.
  const [{ ContractFileError }, { BackupRefused }] = await Promise.all([import('../platform/contracts.js'), import('../features/backup/backup.js')]);
  console.error(err instanceof ContractFileError || err instanceof BackupRefused ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
