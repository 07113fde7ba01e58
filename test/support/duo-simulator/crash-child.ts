// A Koers delivery runner in its own process that is killed with SIGKILL (kill -9) right after DUO
// answered a delivery and before the row is marked (test/duo-deliveries.int.test.ts, issue #15): what a
// crash between "sent" and "confirmed" leaves behind. PostgreSQL only: the database outlives the process.
import { startDuoDeliveries } from '../../../src/features/duo/delivery-runner.js';
import { loadContracts } from '../../../src/platform/contracts.js';
import { createCrypto } from '../../../src/platform/crypto.js';
import { openPostgres } from '../../../src/platform/db.js';

const env = JSON.parse(process.env.KOERS_DUO_CRASH_CHILD ?? '{}') as { databaseUrl: string; secret: string; contractsDir: string; baseUrl: string; doel: string; tls: { cert: string; key: string; ca: string } };
const db = openPostgres(env.databaseUrl, { max: 1 });
const runner = startDuoDeliveries(db, {
  link: { baseUrl: env.baseUrl, doel: env.doel, tls: env.tls },
  crypto: createCrypto(env.secret),
  contracts: loadContracts(env.contractsDir),
  manual: true,
  afterSend: () => {
    process.kill(process.pid, 'SIGKILL');
    return new Promise<void>(() => undefined);
  },
});
await runner.flush();
// Reached only when there was nothing to send: the test then fails on the exit code.
process.exit(3);
