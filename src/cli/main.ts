// `koers` command: start (default), check-contracts, run-signals, backup and restore (issue #17, docs/backup.md).
import { performance } from 'node:perf_hooks';
import { createKoers } from '../app.js';
import { duoLinkLabel, linkOf } from '../features/duo/link.js';
import { DEMO_LOGINS, DEMO_PASSWORD, ROLE_LABELS } from '../features/demo/accounts.js';
import { loadConfig } from '../platform/config.js';
import { ContractFileError, loadContracts } from '../platform/contracts.js';
import { runScheduled, runScheduledInTx } from '../features/scheduled-run.js';
import { SettableClock, systemClock } from '../platform/clock.js';
import { createCrypto } from '../platform/crypto.js';
import { openPostgres } from '../platform/db.js';
import { APP_ROLE } from '../platform/migrate.js';
import { BackupRefused } from '../features/backup/backup.js';
import { backupCommand, restoreCommand } from './backup.js';

async function start(): Promise<void> {
  const t0 = performance.now();
  const config = loadConfig();
  const koers = await createKoers(config, { logger: { level: config.logLevel }, schedule: true });
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

function checkContracts(): void {
  const config = loadConfig();
  const registry = loadContracts(config.contractsDir);
  for (const c of registry.contracts) console.log(`ok  ${c.id}: ${c.municipalities.length} municipalities, ${c.providers.length} providers, ${c.assumptions.length} assumptions`);
}

const command = process.argv[2] ?? 'start';
const run =
  command === 'check-contracts'
    ? Promise.resolve().then(checkContracts)
    : command === 'start'
      ? start()
      : command === 'run-signals'
        ? runSignals(process.argv.includes('--no-lock'))
        : command === 'backup' || command === 'restore'
          ? (command === 'backup' ? backupCommand : restoreCommand)(loadConfig(), process.argv[3]).then((line) => console.log(line))
          : Promise.reject(new Error(`unknown command: ${command}`));
run.catch((err: unknown) => {
  // A broken contract file is an operator's error: print it plainly, without a stack.
  console.error(err instanceof ContractFileError || err instanceof BackupRefused ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
