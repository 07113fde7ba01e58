// Issue #9 hole 7: an upload is read to the end before the import's transaction opens, so a slow or
// stalled client holds no database connection (PGlite has only one) and no lesson locks. The rows are
// kept on disk, not in memory (R-EXC-2: a 100,000-row file never sits whole in memory): one JSON line
// per sheet row, in a private temporary directory that `remove` deletes. The lines carry attendance
// and absence reasons, so they are encrypted with a key that exists only in this process's memory: a
// file left behind by a killed process is unreadable.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { realNow } from '../../platform/clock.js';
import type { InvalidParam } from '../../platform/errors.js';
import type { RowInput } from './rows.js';

/** One sheet row after the checks that need no database: its values, or what is wrong with it. */
export type SpooledRow = { rowNo: number; row: RowInput } | { rowNo: number; problems: InvalidParam[] };

// Confidentiality only: the file is written and read by this process, so nobody can tamper with it
// unnoticed who could not also read the key from memory.
const CIPHER = 'aes-256-ctr';
const PREFIX = 'koers-import-';
/** Older than any upload can last (the request timeouts end one long before): left by a killed process. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export class Spool {
  private readonly key = randomBytes(32);
  private readonly iv = randomBytes(16);
  private readonly cipher = createCipheriv(CIPHER, this.key, this.iv);
  private readonly written: Promise<void>;
  rows = 0;

  private constructor(private readonly dir: string) {
    this.written = pipeline(this.cipher, createWriteStream(this.file, { mode: 0o600 }));
    // Awaited in finish(); a write error also reaches write() through the cipher's 'error'.
    this.written.catch(() => undefined);
  }

  private get file(): string {
    return path.join(this.dir, 'rows.ndjson');
  }

  static async create(): Promise<Spool> {
    // Real time: the files' modification times are the file system's, not the business date.
    await removeStaleSpools(realNow().getTime() - STALE_AFTER_MS);
    return new Spool(await mkdtemp(path.join(os.tmpdir(), PREFIX)));
  }

  /** Appends a row; waits while the disk is behind, so the upload is read no faster than it is stored. */
  async write(entry: SpooledRow): Promise<void> {
    this.rows += 1;
    if (!this.cipher.write(`${JSON.stringify(entry)}\n`)) await once(this.cipher, 'drain');
  }

  async finish(): Promise<void> {
    this.cipher.end();
    await this.written;
  }

  /** The rows in file order, read back one line at a time. */
  async *read(): AsyncGenerator<SpooledRow> {
    const plain = createDecipheriv(CIPHER, this.key, this.iv);
    const reading = pipeline(createReadStream(this.file), plain);
    reading.catch(() => undefined);
    for await (const line of createInterface({ input: plain, crlfDelay: Infinity })) {
      if (line !== '') yield JSON.parse(line) as SpooledRow;
    }
    await reading;
  }

  async remove(): Promise<void> {
    this.cipher.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * A process killed during an import (kill -9, a crash) leaves its spool behind; unreadable without the
 * key it lost, but still disk. The next import removes those older than `before`. Another Koers on the
 * same machine may be mid-import, so a recent one is never touched.
 */
async function removeStaleSpools(before: number): Promise<void> {
  const tmp = os.tmpdir();
  for (const name of await readdir(tmp).catch(() => [])) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(tmp, name);
    const info = await stat(dir).catch(() => undefined);
    if (info?.isDirectory() === true && info.mtimeMs < before) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
