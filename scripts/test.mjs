#!/usr/bin/env node
// `npm test`: every test, on a fresh machine. Lint, type check, unit tests, integration tests on PGlite
// and on a throw-away PostgreSQL 15 that this script starts and stops, then the browser tests in
// Debian's Chromium (installed here when missing). Ends with one line "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startPostgres } from './pg-server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit integration`
const wanted = (step) => only.length === 0 || only.includes(step);

let passed = 0;
let failed = 0;
const failures = [];
/** What failed, by name, repeated at the end: CI shows only the tail of this output. */
const failedTests = [];

/** The failed files and tests of a vitest JSON report, each with the first line of its message. */
function failedOf(label, report) {
  const firstLine = (text) => String(text ?? '').replace(/\x1b\[[0-9;]*m/g, '').trim().split('\n')[0].slice(0, 300);
  const out = [];
  for (const file of report.testResults ?? []) {
    const name = path.relative(root, file.name);
    const bad = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    // A file that failed outside its tests (an import, a hook) has a message and maybe no failed test.
    if (file.status === 'failed' && bad.length === 0) out.push(`${label} · ${name}: ${firstLine(file.message)}`);
    for (const a of bad) out.push(`${label} · ${name} > ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  }
  return out;
}

function run(label, cmd, args, env = {}) {
  console.log(`\n━━ ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failures.push(label);
  return r.status === 0;
}

function vitest(label, project, env = {}, extra = []) {
  const out = path.join(tmp, `vitest-${label.replace(/\W+/g, '-')}.json`);
  rmSync(out, { force: true });
  run(label, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra], env);
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    if (report.numTotalTests === 0) failures.push(`${label}: no tests ran`);
    failedTests.push(...failedOf(label, report));
  } else {
    failures.push(`${label}: no report`);
  }
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return true;
  console.log('\n━━ Chromium ontbreekt: apt-get install -y chromium');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  return r.status === 0 && existsSync('/usr/bin/chromium');
}

/** Runs a command with its output held back, so that two at once do not interleave; resolves to its output. */
function runQuietly(label, cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: process.env });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      console.log(`\n━━ ${label}`);
      process.stdout.write(output);
      if (code !== 0) failures.push(label);
      resolve(code === 0);
    });
  });
}

// Lint (84 s) and the two type checks (24 + 26 s) are one thread each: run side by side on the two cores,
// they take the time of the lint alone (measured 2026-12-02: 134 s one after another).
const checks = [];
if (wanted('lint')) checks.push(runQuietly('lint', 'npx', ['eslint', '.', '--max-warnings=0']));
if (wanted('typecheck')) {
  checks.push(runQuietly('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']).then((ok) => ok && runQuietly('typecheck web', 'npx', ['tsc', '-p', 'src/web/tsconfig.json', '--noEmit'])));
}
await Promise.all(checks);
if (wanted('unit')) vitest('unit', 'unit');
if (wanted('integration')) {
  // Two workers use both cores; each file keeps its own database (measured on this two-core machine,
  // 1,895 tests: PGlite 396 s serial before the shared module graph, 159 s in two workers; PostgreSQL
  // 217 s serial, 95 s in two workers).
  const twoWorkers = ['--fileParallelism', '--maxWorkers=2'];
  vitest('integration on PGlite', 'integration', { KOERS_TEST_DB: 'pglite' }, twoWorkers);
  let pg;
  try {
    pg = await startPostgres();
    vitest('integration on PostgreSQL 15', 'integration', { KOERS_TEST_DB: 'postgres', KOERS_TEST_PG_URL: pg.url }, twoWorkers);
  } catch (err) {
    console.error(err);
    failures.push('PostgreSQL server could not start');
  } finally {
    pg?.stop();
  }
}
if (wanted('e2e')) {
  if (!run('build web', 'npx', ['vite', 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn'])) {
    /* recorded */
  } else if (!ensureChromium()) {
    failures.push('Chromium could not be installed');
  } else {
    // Two files at a time: one file leaves a core idle while its server, Chromium and the test wait on
    // each other (measured 2026-12-02 on this machine: 561 s one at a time on a quiet machine, 514 s two
    // at a time under a load of 5-7). Each file still has its own server, database and browser.
    vitest('browser (Chromium)', 'e2e', {}, ['--fileParallelism', '--maxWorkers=2']);
  }
}

console.log('\n━━ Samenvatting');
if (failedTests.length > 0) {
  console.log(`Mislukte tests (${failedTests.length}):`);
  for (const line of failedTests.slice(0, 60)) console.log(`  ✗ ${line}`);
  if (failedTests.length > 60) console.log(`  … en ${failedTests.length - 60} meer`);
}
if (failures.length > 0) console.log(`Mislukt: ${failures.join('; ')}`);
console.log(`Tests: ${passed} passed, ${failed} failed`);
process.exit(failures.length === 0 && failed === 0 ? 0 : 1);
