// The PostgreSQL pool survives the server ending an idle connection (a restart, a failover, an
// administrator's pg_terminate_backend): before, the pool had no 'error' listener, so Node raised the
// idle client's error as unhandled and the Koers process exited. Now the pool drops that client and the
// next query opens a new connection. PostgreSQL only: PGlite has no server to end a connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openPostgres } from '../src/platform/db.js';
import { APP_ROLE } from '../src/platform/migrate.js';
import { DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

describe.runIf(DB_KIND === 'postgres')('the PostgreSQL pool when the server ends an idle connection', () => {
  let t: TestKoers;
  let app: Db;
  const seen: Error[] = [];
  beforeAll(async () => {
    t = await startTestKoers();
    app = openPostgres(t.databaseUrl ?? '', { role: APP_ROLE, max: 1, onIdleError: (err) => seen.push(err) });
  });
  afterAll(async () => {
    await app?.close();
    await t?.stop();
  });

  it('reports the idle error, keeps the process up, and answers the next query on a new connection', async () => {
    const [first] = await app.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(first?.pid).toBeGreaterThan(0);
    // The connection is idle in the pool now; end it from the server side, as a restart would.
    const owner = openPostgres(t.databaseUrl ?? '', { max: 1 });
    try {
      const [ended] = await owner.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [first?.pid]);
      expect(ended?.ok).toBe(true);
    } finally {
      await owner.close();
    }
    // The pool hears of it as an error on the idle client.
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    expect(seen[0]?.message).toMatch(/terminat/i);
    const [next] = await app.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(next?.pid).toBeGreaterThan(0);
    expect(next?.pid).not.toBe(first?.pid);
  });
});
