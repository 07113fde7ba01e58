#!/usr/bin/env node
// `npm test`: every test, on a fresh machine. Lint, type check, unit tests, integration tests on PGlite
// and on a throw-away PostgreSQL 15 that this script starts and stops, then the browser tests in
// Debian's Chromium (installed here when missing). Ends with one line "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
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

/** Installs Debian's Chromium when missing; resolves to whether it is there. Run beside the checks: it waits on the network. */
function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return Promise.resolve(true);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const sh = 'apt-get update -qq; apt-get install -y -qq chromium';
  // Its output goes to a file, not a pipe: the test steps run with spawnSync and would leave a pipe unread.
  const log = path.join(tmp, 'apt-chromium.log');
  const fd = openSync(log, 'w');
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', sh], { cwd: root, env, stdio: ['ignore', fd, fd] });
    child.on('close', () => {
      closeSync(fd);
      console.log('\n━━ Chromium ontbrak: apt-get install -y chromium');
      console.log(readFileSync(log, 'utf8').split('\n').slice(-15).join('\n'));
      resolve(existsSync('/usr/bin/chromium'));
    });
  });
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

// What the later steps need and what only waits on the disk or the network starts now, beside the checks:
// Chromium's install (a fresh machine has none), the throw-away PostgreSQL server and the web build.
const chromium = wanted('e2e') ? ensureChromium() : Promise.resolve(true);
let pg;
let pgError;
if (wanted('integration')) {
  try {
    pg = await startPostgres();
  } catch (err) {
    pgError = err;
  }
}
// A crash or Ctrl-C must not leave the server running.
const stopPg = () => {
  const server = pg;
  pg = undefined;
  server?.stop();
};
process.on('exit', stopPg);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

// Lint (84 s) is one thread; the two type checks (24 + 26 s) and the web build (13 s) one after another on the
// other core take about as long (measured 2026-12-02: 134 s for lint and type checks one after another).
let webBuilt = true;
const checks = [];
if (wanted('lint')) checks.push(runQuietly('lint', 'npx', ['eslint', '.', '--max-warnings=0']));
checks.push(
  (async () => {
    if (wanted('typecheck')) {
      if (await runQuietly('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])) await runQuietly('typecheck web', 'npx', ['tsc', '-p', 'src/web/tsconfig.json', '--noEmit']);
    }
    if (wanted('e2e')) webBuilt = await runQuietly('build web', 'npx', ['vite', 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn']);
  })(),
);
await Promise.all(checks);
if (wanted('unit')) vitest('unit', 'unit');
if (wanted('integration')) {
  // Two workers use both cores; each file keeps its own database (measured on this two-core machine,
  // 1,895 tests: PGlite 396 s serial before the shared module graph, 159 s in two workers; PostgreSQL
  // 217 s serial, 95 s in two workers).
  const twoWorkers = ['--fileParallelism', '--maxWorkers=2'];
  vitest('integration on PGlite', 'integration', { KOERS_TEST_DB: 'pglite' }, twoWorkers);
  if (pg !== undefined) {
    try {
      vitest('integration on PostgreSQL 15', 'integration', { KOERS_TEST_DB: 'postgres', KOERS_TEST_PG_URL: pg.url }, twoWorkers);
    } finally {
      stopPg();
    }
  } else {
    console.error(pgError);
    failures.push('PostgreSQL server could not start');
  }
}
if (wanted('e2e')) {
  if (!webBuilt) {
    /* recorded */
  } else if (!(await chromium)) {
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
