import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/support/slow-first-sequencer.js';

// Unit and integration tests are kept apart by file name (STYLE 14):
//   *.test.ts      pure, no I/O            -> project "unit"
//   *.int.test.ts  real database (PGlite or PostgreSQL, chosen by KOERS_TEST_DB) -> "integration"
//   e2e/*.e2e.ts   real Chromium against a real server -> "e2e"
export default defineConfig({
  test: {
    sequence: { sequencer: SlowFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          // One module graph per worker, as below: measured 2026-12-02, 109 files, 46 s shared against 92 s
          // (quiet) to 271 s (loaded) isolated. The few tests that stub globals or fake timers undo it in afterEach.
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One database per file. Run alone (`npx vitest run --project integration`), files run one
          // after another; scripts/test.mjs runs both passes in two workers, one per core.
          fileParallelism: false,
          // Files share one module graph per worker: the app, its dependencies and PGlite's WASM load
          // once instead of per file (measured: 10 files 66-95 s isolated, 34-40 s shared; every file
          // still starts its own server and database). Safe because no test mocks modules or timers.
          isolate: false,
        },
      },
      // Browser files share one module graph too (see above); each starts its own server and browser.
      { test: { name: 'e2e', include: ['e2e/**/*.e2e.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false, isolate: false } },
    ],
  },
});
