// Issue #16: an embedded start on an empty data directory copies a migrated database instead of running
// initdb and every migration again. initdb costs ~5 s and leaves ~600 MB of WebAssembly memory in the
// process that ran it (a second PostgreSQL instance inside PGlite), so the template is made once per
// set of migrations, in a child process (src/cli/pglite-template-build.ts), and kept as a plain data
// directory under dist/pglite-template/<key>/. A data directory seeded from it is a copy of a cleanly
// stopped PostgreSQL cluster, as initdb plus the migrations would leave it; the start still runs
// `migrate`, which finds everything applied with one query. Its shared_buffers are 32 MB instead of
// initdb's 128 MB (see pglite-template-build.ts). The demo region is not in the template: it
// is encrypted with each data directory's own secret and dated by its own today.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS_DIR } from '../platform/migrate.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The template's shared_buffers (postgresql.auto.conf); initdb's default is 128MB. */
export const SHARED_BUFFERS = '32MB';

/** Where templates are kept: KOERS_PGLITE_TEMPLATE_DIR (the benchmark's cold start), else dist/pglite-template. */
export function templateRoot(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.KOERS_PGLITE_TEMPLATE_DIR ?? path.join(ROOT, 'dist', 'pglite-template'));
}

/**
 * What a migrated template is made of: PGlite's version (its on-disk format and initdb) and every
 * migration's name and text. A changed or added migration makes a new template.
 */
export function templateKey(migrationsDir = MIGRATIONS_DIR): string {
  const hash = createHash('sha256').update('koers-pglite-template-2').update(SHARED_BUFFERS);
  hash.update(pgliteVersion());
  for (const f of readdirSync(migrationsDir).filter((n) => n.endsWith('.sql')).sort()) hash.update(f).update(readFileSync(path.join(migrationsDir, f)));
  return hash.digest('hex').slice(0, 16);
}

function pgliteVersion(): string {
  const file = path.join(ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

export type SeedOutcome = 'exists' | 'copied' | 'built' | 'unavailable';

/**
 * Gives `<dataDir>/pglite` a migrated database when it has none: a copy of the template, made first
 * when there is none. A directory that exists (a database, or whatever a failed start left) is never
 * touched. The copy is renamed into place, so two starts on one empty directory cannot both seed it
 * (the loser's rename fails; its lock then refuses it as before). When no template can be made (a
 * read-only checkout, say) the start goes on without one: PGlite runs initdb as it always did.
 */
export async function seedPgliteDataDir(dataDir: string, options: { root?: string; log?: (line: string) => void } = {}): Promise<SeedOutcome> {
  const target = path.join(dataDir, 'pglite');
  if (existsSync(target)) return 'exists';
  const root = options.root ?? templateRoot();
  const key = templateKey();
  const template = path.join(root, key);
  let built = false;
  try {
    if (!existsSync(path.join(template, 'PG_VERSION'))) {
      await buildTemplate(root, key);
      built = true;
    }
    await mkdir(dataDir, { recursive: true });
    const part = `${target}.seed-${process.pid}`;
    await rm(part, { recursive: true, force: true });
    await copyTree(template, part);
    try {
      await rename(part, target);
    } catch (err) {
      await rm(part, { recursive: true, force: true });
      if (existsSync(target)) return 'exists';
      throw err;
    }
    return built ? 'built' : 'copied';
  } catch (err) {
    options.log?.(`Geen databasesjabloon (${err instanceof Error ? err.message : String(err)}); PGlite maakt de database zelf.`);
    return 'unavailable';
  }
}

/**
 * Copies a directory tree, COPY_PARALLEL files at a time. Issue #16: the template is ~1 400 small files
 * (43 MB); `fs.cp`, `cpSync` and `cp -r` all took 1.4–1.8 s on the shared machine's disk, one file after
 * another, and 16 `copyFile`s at a time 1.0–1.2 s. copyFile keeps each file's mode; directories get theirs.
 */
async function copyTree(from: string, to: string): Promise<void> {
  const files: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    await mkdir(path.join(to, rel), { mode: (await stat(path.join(from, rel))).mode & 0o7777 });
    for (const e of await readdir(path.join(from, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) await walk(r);
      else files.push(r);
    }
  };
  await walk('');
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const f = files[next++] as string;
      await copyFile(path.join(from, f), path.join(to, f));
    }
  };
  await Promise.all(Array.from({ length: COPY_PARALLEL }, worker));
}

const COPY_PARALLEL = 16;

/** Runs the template builder in its own process (its memory goes with it), then renames its output into place. */
async function buildTemplate(root: string, key: string): Promise<void> {
  await mkdir(root, { recursive: true });
  const part = path.join(root, `${key}.part-${process.pid}`);
  await rm(part, { recursive: true, force: true });
  // The builder as this module runs: compiled (dist/cli/*.js) or from the sources (src/cli/*.ts, through tsx).
  const self = fileURLToPath(import.meta.url);
  const ext = path.extname(self);
  const builder = path.join(path.dirname(self), `pglite-template-build${ext}`);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [...(ext === '.ts' ? ['--import', 'tsx'] : []), builder, part], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) {
    await rm(part, { recursive: true, force: true });
    throw new Error(`the template builder ended with code ${code}`);
  }
  try {
    await rename(part, path.join(root, key));
  } catch (err) {
    // Another start made the same template first: use that one.
    await rm(part, { recursive: true, force: true });
    if (!existsSync(path.join(root, key, 'PG_VERSION'))) throw err;
  }
  // Templates of other migration sets are of no further use (each is ~40 MB).
  for (const old of readdirSync(root)) {
    if (old !== key && !old.includes('.part-')) await rm(path.join(root, old), { recursive: true, force: true });
  }
}
