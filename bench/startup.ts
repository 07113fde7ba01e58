// Start-up time and memory on PGlite, as a user meets it (issue #16): runs what `npm start` runs
// (`node scripts/start.mjs`: the web build check, the server compile check, then the server) on an
// empty data directory (first start: the database and the demo region), polls /api/ready, stops it, and
// starts again on the same directory (restart). Three starts a round:
//   cold     — an empty data directory and no database template yet (a new checkout, or new migrations):
//              the template is built first (initdb and the migrations, in a child process);
//   first    — another empty data directory, the template there: the usual first start;
//   restart  — the first one's directory again.
// Each prints the time to ready and the memory of the Node process that runs Koers: RSS right after
// ready (VmRSS) and its peak (VmHWM), from /proc/<pid>/status; and the peak sum of RSS over the whole
// process tree, sampled every 50 ms (start.mjs, the template builder). Goal: first start ≤ 5 s, restart
// ≤ 2 s, RSS after the first start ≤ 400 MB. The web app must be built (npm run build:web) beforehand,
// or the first start builds it. Run: npx tsx bench/startup.ts (BENCH_ROUNDS=n for n rounds).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const GOAL = { first: 5, restart: 2, rssMb: 400 };
// The last figures recorded before this bench's latest run (docs/benchmarks.md, "Start-up on PGlite"):
// 2026-12-03 12:39 UTC, 495b452, load 2.0-2.4. The issue's own starting point was 8.2 s / 4.6 s / 903 MB.
const BASELINE = '2026-12-03 12:39 UTC, 495b452, load 2.0-2.4: first 6.65-7.70 s, restart 2.62-3.16 s, RSS after the first 324-357 MB';

interface Figures {
  seconds: number;
  rssMb: number;
  peakMb: number;
  treePeakMb: number;
  cpu: number;
}

/** Children of each pid, from /proc/<pid>/stat (field 4 is the parent). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const out: number[] = [];
  const todo = [root];
  while (todo.length > 0) {
    const pid = todo.pop() as number;
    out.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** CPU seconds the process and the children it has reaped (the template builder) have used. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(f[i]), 0) / 100;
  } catch {
    return NaN;
  }
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? 0 : Number(m[1]);
  } catch {
    return 0;
  }
}

/**
 * The Node process that runs Koers: start.mjs itself when it runs the compiled server in its own process
 * (issue #16), else the child that runs src/cli/main.ts start under tsx.
 */
function serverPid(root: number): number | undefined {
  const named = descendants(root).filter((pid) => {
    try {
      return /(cli\/main\.(js|ts)\0start|scripts\/start\.mjs)/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      return false;
    }
  });
  // Under tsx start.mjs and a launcher are named too; the server is the one with the most memory.
  return named.sort((a, b) => statusKb(b, 'VmRSS') - statusKb(a, 'VmRSS'))[0];
}

async function startOnce(dir: string, label: string, port: number, env: NodeJS.ProcessEnv = {}): Promise<Figures> {
  const t0 = performance.now();
  // Its own process group, so stopping it also stops start.mjs's child.
  const child = spawn(process.execPath, ['scripts/start.mjs'], { env: { ...process.env, ...env, PORT: String(port), KOERS_DATA_DIR: dir }, stdio: 'ignore', detached: true });
  let treePeakKb = 0;
  let server: number | undefined;
  try {
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      if (child.pid !== undefined) treePeakKb = Math.max(treePeakKb, descendants(child.pid).reduce((sum, pid) => sum + statusKb(pid, 'VmRSS'), 0));
      const ready = await fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.ok, () => false);
      if (ready) break;
      if (performance.now() - t0 > 180_000) throw new Error(`${label}: not ready after 180 s`);
    }
    const seconds = (performance.now() - t0) / 1000;
    const pid = child.pid === undefined ? undefined : serverPid(child.pid);
    server = pid;
    const figures = {
      seconds,
      rssMb: pid === undefined ? NaN : statusKb(pid, 'VmRSS') / 1024,
      peakMb: pid === undefined ? NaN : statusKb(pid, 'VmHWM') / 1024,
      treePeakMb: treePeakKb / 1024,
      cpu: pid === undefined ? NaN : cpuSeconds(pid),
    };
    console.log(
      `${label.padEnd(8)} ready after ${seconds.toFixed(2)} s (server CPU ${figures.cpu.toFixed(2)} s); server RSS ${figures.rssMb.toFixed(0)} MB, peak ${figures.peakMb.toFixed(0)} MB; process tree peak ${figures.treePeakMb.toFixed(0)} MB`,
    );
    return figures;
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => child.on('exit', r));
    // start.mjs may end before the server has closed the database and the port: wait for the server too.
    while (server !== undefined && existsSync(`/proc/${server}`)) await new Promise((r) => setTimeout(r, 20));
  }
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
console.log(`load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (let i = 0; i < rounds; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'koers-startup-'));
  // The cold start's own template directory, so the checkout's template (dist/pglite-template) is left alone.
  const templates = join(dir, 'templates');
  const env = { KOERS_PGLITE_TEMPLATE_DIR: templates };
  try {
    const port = 3900 + Math.floor(Math.random() * 90);
    await startOnce(join(dir, 'cold'), 'cold', port, env);
    const first = await startOnce(join(dir, 'data'), 'first', port, env);
    const again = await startOnce(join(dir, 'data'), 'restart', port, env);
    const ok = first.seconds <= GOAL.first && again.seconds <= GOAL.restart && first.rssMb <= GOAL.rssMb;
    console.log(`goal first ≤ ${GOAL.first} s, restart ≤ ${GOAL.restart} s, RSS after the first ≤ ${GOAL.rssMb} MB: ${ok ? 'met' : 'not met'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`baseline (${BASELINE})`);
console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
