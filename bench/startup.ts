// Start-up time on PGlite, as a user meets it: spawns `src/cli/main.ts start` on an empty data
// directory (first start: migrations and the demo region), polls /api/ready, stops it, and starts
// again on the same directory (restart). Prints both. Run: npx tsx bench/startup.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const dir = mkdtempSync(join(tmpdir(), 'koers-startup-'));

async function startOnce(label: string, port: number): Promise<void> {
  const t0 = performance.now();
  // Its own process group, so stopping it also stops tsx's child.
  const child = spawn('npx', ['tsx', 'src/cli/main.ts', 'start'], { env: { ...process.env, PORT: String(port), KOERS_DATA_DIR: dir }, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      const ready = await fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.ok, () => false);
      if (ready) break;
      if (performance.now() - t0 > 180_000) throw new Error(`${label}: not ready after 180 s`);
    }
    console.log(`${label}: ready after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => child.on('exit', r));
  }
}

try {
  const port = 3900 + Math.floor(Math.random() * 90);
  await startOnce('first start (migrations + demo region)', port);
  await startOnce('restart', port);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
