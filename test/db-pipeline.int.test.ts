// Issue #16: on PostgreSQL the pool pipelines — a transaction's BEGIN goes out with its first statement,
// and a statement marked commitBehind (a read's audit INSERT) takes COMMIT with it. These hold the
// transaction's meaning: all or nothing, nothing after the commit, no statement outside its BEGIN,
// prepared statements by name on every connection. PGlite has no pool; the same checks run on it too.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Db } from '../src/platform/db.js';
import { DB_KIND, freshPostgresDatabase } from './support/koers.js';

describe(`transactions on a pipelined pool (${DB_KIND})`, () => {
  let db: Db;
  let other: Db;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (DB_KIND === 'postgres') {
      const fresh = await freshPostgresDatabase();
      drop = fresh.drop;
      db = openPostgres(fresh.url, { max: 4 });
      other = openPostgres(fresh.url, { max: 1 });
    } else {
      db = await openPglite(undefined);
      other = db;
    }
    await db.exec('CREATE TABLE pipelined (id int PRIMARY KEY, note text)');
  });
  afterAll(async () => {
    if (other !== db) await other?.close();
    await db?.close();
    await drop?.();
  });

  const ids = async (from: number, to: number) =>
    (await other.query<{ id: number }>('SELECT id FROM pipelined WHERE id BETWEEN $1 AND $2 ORDER BY id', [from, to])).map((r) => r.id);

  it('a failing second statement leaves nothing of the first: the first ran inside the BEGIN sent with it', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO pipelined (id) VALUES ($1)', [1]);
        await tx.query('INSERT INTO pipelined (id) VALUES ($1)', [1]);
      }),
    ).rejects.toThrow();
    expect(await ids(1, 1)).toEqual([]);
  });

  it('a statement marked commitBehind commits with its transaction, seen at once from another connection', async () => {
    const out = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO pipelined (id) VALUES ($1)', [10], { prepare: true });
      await tx.query('INSERT INTO pipelined (id) VALUES ($1)', [11], { prepare: true, commitBehind: true });
      return 'answer';
    });
    expect(out).toBe('answer');
    expect(await ids(10, 11)).toEqual([10, 11]);
  });

  it('a failing commitBehind statement commits nothing of its transaction', async () => {
    await db.query('INSERT INTO pipelined (id) VALUES (20)');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO pipelined (id) VALUES ($1)', [21]);
        await tx.query('INSERT INTO pipelined (id) VALUES ($1)', [20], { commitBehind: true });
      }),
    ).rejects.toThrow();
    expect(await ids(21, 21)).toEqual([]);
    // The connection goes back to the pool in a clean state: the next transaction works.
    await db.transaction((tx) => tx.query('INSERT INTO pipelined (id) VALUES ($1)', [22]));
    expect(await ids(21, 22)).toEqual([22]);
  });

  it.runIf(DB_KIND === 'postgres')('a statement after the commitBehind one is refused', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO pipelined (id) VALUES ($1)', [30], { commitBehind: true });
        await tx.query('INSERT INTO pipelined (id) VALUES ($1)', [31]);
      }),
    ).rejects.toThrow(/commits behind/);
    expect(await ids(31, 31)).toEqual([]);
  });

  it('many transactions at once on the pool, each all or nothing, with the same prepared statements', async () => {
    const runs = Array.from({ length: 40 }, (_, i) =>
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO pipelined (id, note) VALUES ($1, $2)', [100 + i, 'a'], { prepare: true });
        const seen = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM pipelined WHERE id = $1', [100 + i], { prepare: true });
        if (i % 4 === 0) throw new Error('undo');
        await tx.query('UPDATE pipelined SET note = $2 WHERE id = $1', [100 + i, `seen ${seen[0]?.n}`], { prepare: true, commitBehind: true });
      }),
    );
    const settled = await Promise.allSettled(runs);
    expect(settled.filter((s) => s.status === 'rejected')).toHaveLength(10);
    const rows = await other.query<{ id: number; note: string }>('SELECT id, note FROM pipelined WHERE id >= 100 ORDER BY id');
    expect(rows).toEqual(Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 4 !== 0).map((i) => ({ id: 100 + i, note: 'seen 1' })));
  });
  // The socket is corked from BEGIN to the first statement and around a commitBehind statement and its COMMIT.
  it('a transaction that ends before its first statement still ends: the corked BEGIN goes out and is rolled back', async () => {
    await expect(
      db.transaction(async () => {
        await new Promise((done) => setTimeout(done, 5));
        throw new Error('before any statement');
      }),
    ).rejects.toThrow('before any statement');
    await expect(db.transaction(() => Promise.resolve('nothing asked'))).resolves.toBe('nothing asked');
    // The connections are clean: a transaction on each of the pool's four works.
    await Promise.all([40, 41, 42, 43].map((id) => db.transaction(async (tx) => {
      await new Promise((done) => setTimeout(done, 5));
      await tx.query('INSERT INTO pipelined (id) VALUES ($1)', [id], { commitBehind: true });
    })));
    expect(await ids(40, 43)).toEqual([40, 41, 42, 43]);
  });

  it.runIf(DB_KIND === 'postgres')('BEGIN leaves with the first statement and COMMIT with the commitBehind one: two writes for a read and its audit', async () => {
    await db.transaction((tx) => tx.query('SELECT 1')); // a connection of the pool, already open
    const proto = net.Socket.prototype as unknown as { _writev: (...a: unknown[]) => unknown; _write: (...a: unknown[]) => unknown };
    const [writev, write] = [proto._writev, proto._write];
    let writes = 0;
    proto._writev = function (this: unknown, ...a: unknown[]) {
      writes += 1;
      return writev.apply(this, a);
    };
    proto._write = function (this: unknown, ...a: unknown[]) {
      writes += 1;
      return write.apply(this, a);
    };
    try {
      await db.transaction(async (tx) => {
        await tx.query('SELECT id FROM pipelined WHERE id = $1', [40], { prepare: true });
        await tx.query('INSERT INTO pipelined (id) VALUES ($1)', [50], { prepare: true, commitBehind: true });
      });
    } finally {
      proto._writev = writev;
      proto._write = write;
    }
    expect(writes).toBe(2);
    expect(await ids(50, 50)).toEqual([50]);
  });
});
