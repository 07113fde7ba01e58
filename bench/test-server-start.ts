// Benchmark: how long a test server takes to start on in-memory PGlite — from an empty database
// (initdb + every migration), as before this stop, and from the migrated dump test/support/koers.ts
// hands every test server (issue #12's suite budget). Prints both medians and their ratio.
// Run: npx tsx bench/test-server-start.ts (BENCH_ROUNDS starts per variant, default 7).
import { performance } from 'node:perf_hooks';
import { createKoers } from '../src/app.js';
import { SettableClock } from '../src/platform/clock.js';
import { pgliteTemplate, testConfig } from '../test/support/koers.js';
import { stats } from './support/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

async function timeStarts(template: Blob | undefined): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    const koers = await createKoers(testConfig(), { clock: new SettableClock('2026-12-23'), inMemory: true, ...(template !== undefined ? { pgliteTemplate: template } : {}) });
    out.push(performance.now() - t0);
    await koers.stop();
  }
  return out;
}

const template = await pgliteTemplate(); // built once (or read from .tmp/pglite-template), not timed
await timeStarts(template); // warm-up: PGlite's WASM compiled, modules loaded
const empty = stats(await timeStarts(undefined));
const dumped = stats(await timeStarts(template));
console.log(`test server start on in-memory PGlite, ${ROUNDS} starts each:`);
console.log(`  empty database (initdb + migrations): p50 ${empty.p50.toFixed(0)} ms, p95 ${empty.p95.toFixed(0)} ms`);
console.log(`  from the migrated dump:               p50 ${dumped.p50.toFixed(0)} ms, p95 ${dumped.p95.toFixed(0)} ms`);
console.log(`  ratio p50: ${(dumped.p50 / empty.p50).toFixed(2)}x`);
