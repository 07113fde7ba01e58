#!/usr/bin/env node
// `npm start`: build the web app when its sources are newer than the build, compile the server when its
// sources are newer than the compiled copy, then start Koers.
//
// Issue #16: the server runs as plain JavaScript compiled into dist/ (dist/app.js, dist/cli/main.js, …,
// the same tree as src/ one level down, so every `new URL('../..', import.meta.url)` points where it
// does from src/). Loading the ~380 modules through tsx's loader took ~2.2 s and ~80 MB more than plain
// JavaScript (~1.2 s); compiling them is one esbuild call (~0.4 s) when a source changed. esbuild is
// what tsx itself transforms with, so the code that runs is the same. Without esbuild the start falls
// back to tsx.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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

/** Compiles the server into dist/ when a source is newer than the last compile; false when it cannot. */
async function compileServer() {
  const files = serverSources(src);
  const sourcesAt = Math.max(...files.map((f) => statSync(f).mtimeMs), statSync(src).mtimeMs);
  if (existsSync(stamp) && existsSync(path.join(out, 'cli/main.js')) && statSync(stamp).mtimeMs >= sourcesAt) return true;
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
  await esbuild.build({ entryPoints: files, outdir: out, outbase: src, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
  writeFileSync(stamp, JSON.stringify({ sources: files.length }));
  return true;
}

if (!existsSync(built) || newest(path.join(src, 'web')) > statSync(built).mtimeMs) {
  console.log('Webapp bouwen…');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const compiled = await compileServer();
const args = compiled ? [path.join(out, 'cli/main.js'), 'start'] : ['--import', 'tsx', 'src/cli/main.ts', 'start'];
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
