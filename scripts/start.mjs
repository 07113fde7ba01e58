#!/usr/bin/env node
// `npm start`: build the web app when its sources are newer than the build, compile the server when its
// sources are newer than the compiled copy, then start Koers.
//
// Issue #16: the server runs as plain JavaScript compiled into dist/. Loading the ~380 modules through
// tsx's loader took ~2.2 s and ~80 MB more than plain JavaScript (~1.2 s); compiling them is one esbuild
// call (~0.5 s) when a source changed. esbuild is what tsx itself transforms with, so the code that runs
// is the same. Without esbuild the start falls back to tsx.
//
// Issue #16 again: Node's ES module loader paid ~1–2 ms a module for the ~390 modules of Koers itself
// (resolve, read, compile, link); esbuild now bundles them, and most packages with them (EXTERNAL), into
// dist/cli/ (main.js and pglite-template-build.js, the two processes, and the chunks they share; `koers`'s
// commands still load the app's chunk only when they need it). Importing the app took 1.2–1.4 s bundled
// against 1.7–1.9 s as separate files, on the same loaded machine. A module that asks for its own
// location (import.meta.url: migrations, the web app, DUO's documents, the template builder) is told
// where it lay in the unbundled tree (dist/<its path>.js), so every path it derives is as before.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'dist/web/index.html');
const src = path.join(root, 'src');
const out = path.join(root, 'dist');
const stamp = path.join(out, 'server-build.json');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The server's sources: src/ without the web app and the tests. */
function serverSources(dir, files = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (p !== path.join(src, 'web')) serverSources(p, files);
    } else if (p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.d.ts')) files.push(p);
  }
  return files;
}

/**
 * Packages left as imports from node_modules; every other package is bundled too. Issue #16: node's
 * loader spent ~0.3 s of a restart resolving, reading and linking the packages' ~1 100 files (importing
 * the app 0.47–0.76 s bundled against 0.74–1.13 s, alternating, load ~1.5). Left out: what finds files
 * next to its own module (PGlite's wasm and data; @fastify/swagger reads its package.json by __dirname;
 * pino starts its transports' workers from their files), the native argon2 addon, the libraries loaded
 * on first use (exceljs, pdfmake, date-holidays) and the build tools.
 */
const EXTERNAL = ['@electric-sql/pglite', '@fastify/swagger', '@node-rs/argon2', 'date-holidays', 'esbuild', 'exceljs', 'pdfmake', 'pino', 'tsx'];

/** What the compile makes; a stamp of another layout is compiled again. */
const LAYOUT = 'bundle-3';

function readStamp() {
  try {
    return JSON.parse(readFileSync(stamp, 'utf8'));
  } catch {
    return {};
  }
}

/** What the packages are: the lock files of the checkout and of the last install. */
const LOCKS = [path.join(root, 'package-lock.json'), path.join(root, 'node_modules/.package-lock.json')];
/** This script: how it compiles is part of the build. */
const SELF = import.meta.filename;

/**
 * The build's id: a hash of every server source and the lock files. The server keeps derived data
 * under it (issue #16: the validated contracts, src/platform/contracts.ts), so other code never reads it.
 */
function buildId(files) {
  const hash = createHash('sha256').update(`${LAYOUT}\0`);
  for (const f of [...files].sort()) hash.update(`${path.relative(root, f)}\0`).update(readFileSync(f)).update('\0');
  for (const f of [SELF, ...LOCKS]) if (existsSync(f)) hash.update(readFileSync(f));
  return hash.digest('hex').slice(0, 32);
}

/** Tells a bundled module the URL it had unbundled: dist/<its path under src/>.js, from dist/cli/. */
const unbundledUrl = {
  name: 'unbundled-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url') || !args.path.startsWith(src + path.sep)) return undefined;
      const unbundled = path.join(out, path.relative(src, args.path)).replace(/\.ts$/, '.js');
      const rel = path.relative(path.join(out, 'cli'), unbundled).split(path.sep).join('/');
      const url = `new URL(${JSON.stringify(rel.startsWith('.') ? rel : `./${rel}`)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

/** Compiles the server into dist/ when a source is newer than the last compile; its build id, or false when it cannot. */
async function compileServer() {
  const files = serverSources(src);
  const sourcesAt = Math.max(...files.map((f) => statSync(f).mtimeMs), statSync(src).mtimeMs, statSync(SELF).mtimeMs, ...LOCKS.filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs));
  const last = readStamp();
  if (existsSync(stamp) && existsSync(path.join(out, 'cli/main.js')) && statSync(stamp).mtimeMs >= sourcesAt && last.layout === LAYOUT && typeof last.build === 'string') return last.build;
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return false;
  }
  // Files of deleted sources must not linger: the compiled tree is made anew.
  for (const e of readdirSync(src, { withFileTypes: true })) {
    if (e.name !== 'web') rmSync(path.join(out, e.isDirectory() ? e.name : e.name.replace(/\.ts$/, '.js')), { recursive: true, force: true });
  }
  await esbuild.build({
    entryPoints: { main: path.join(src, 'cli/main.ts'), 'pglite-template-build': path.join(src, 'cli/pglite-template-build.ts') },
    outdir: path.join(out, 'cli'),
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    external: EXTERNAL,
    plugins: [unbundledUrl],
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    // The packages' CommonJS code asks for `require` (node's modules, optional packages it tries): each
    // chunk gets one, resolving from dist/cli/ as node_modules/ is found from there.
    banner: { js: "import { createRequire as __koersCreateRequire } from 'node:module'; const require = __koersCreateRequire(import.meta.url);" },
  });
  await esbuild.stop();
  const build = buildId(files);
  writeFileSync(stamp, JSON.stringify({ sources: files.length, layout: LAYOUT, build }));
  return build;
}

if (!existsSync(built) || newest(path.join(src, 'web')) > statSync(built).mtimeMs) {
  console.log('Webapp bouwen…');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const build = await compileServer();
if (build === false) {
  const { KOERS_BUILD_ID: _unused, ...env } = process.env;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], { cwd: root, stdio: 'inherit', env });
  process.exit(r.status ?? 1);
}
// Issue #16: the compiled server runs in this process (a second node's start cost ~0.1 s of a restart),
// as `koers start`; the build id lets it keep what it derives from files under that build only.
process.env.KOERS_BUILD_ID = build;
process.argv = [process.argv[0], path.join(out, 'cli/main.js'), 'start'];
process.chdir(root);
await import(pathToFileURL(path.join(out, 'cli/main.js')).href);
