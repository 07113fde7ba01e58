// Profile of one municipality's report request (issue #13) on the kept national dataset: each statement
// of the quarterly MI's and the content report's readers, one after another on one connection as the
// request runs them (inside its transaction), then the pure report, JSON serialisation and one request
// over HTTP. Run: BENCH_DATABASE_URL=... npx tsx bench/reports-profile.ts [municipality code, default hoorn]
import { performance } from 'node:perf_hooks';
import { contentReport, runningYearWindows } from '../src/domain/reports/content-report.js';
import { periodContaining } from '../src/domain/reports/periods.js';
import { quarterlyManagementInformation, quartersUpTo } from '../src/domain/reports/quarterly-mi.js';
import { unsafeContentReportFacts } from '../src/features/reports/content-facts.js';
import { unsafeQuarterlyMiFacts } from '../src/features/reports/facts.js';
import type { Queryable } from '../src/platform/db.js';
import { Client } from '../test/support/koers.js';
import { openAttendanceDataset } from './support/attendance-dataset.js';

const CODE = process.argv[2] ?? 'hoorn';
const CONTRACT = 'westfriesland';
const QUARTER = periodContaining('quarter', '2026-10-01');

/** A Queryable that logs each statement's time and row count (the readers' SQL starts with its own columns). */
function timed(q: Queryable, into: string[]): Queryable {
  return {
    query: async <T extends object>(text: string, params?: readonly unknown[]) => {
      const t0 = performance.now();
      const rows = await q.query<T>(text, params);
      into.push(`    ${(performance.now() - t0).toFixed(0).padStart(6)} ms ${String(rows.length).padStart(7)} rows  ${text.replace(/\s+/g, ' ').slice(0, 90)}`);
      return rows;
    },
  };
}

const ds = await openAttendanceDataset();
try {
  const [m] = await ds.koers.db.query<{ id: string }>(`SELECT id FROM municipality WHERE code = $1`, [CODE]);
  const contract = ds.koers.contracts.byId(CONTRACT);
  if (m === undefined || contract === undefined) throw new Error('no such municipality or contract');
  const scope = { kind: 'municipality' as const, municipalityId: m.id };
  const c = { ...contract, municipalities: contract.municipalities.filter((x) => x.code === CODE) };
  for (const round of [1, 2]) {
    console.log(`round ${round}, ${CODE}:`);
    const from = quartersUpTo(QUARTER, 3)[0]?.start ?? QUARTER.start;
    await ds.koers.db.transaction(async (tx) => {
      const log: string[] = [];
      let t0 = performance.now();
      const facts = await unsafeQuarterlyMiFacts(timed(tx, log), scope, { contractId: CONTRACT, from, to: QUARTER.end });
      console.log(`  MI facts, serial on one connection: ${(performance.now() - t0).toFixed(0)} ms\n${log.join('\n')}`);
      t0 = performance.now();
      const mi = quarterlyManagementInformation(facts, QUARTER, c, 3);
      console.log(`  MI pure report: ${(performance.now() - t0).toFixed(0)} ms`);
      t0 = performance.now();
      const json = JSON.stringify(mi);
      console.log(`  MI JSON.stringify: ${(performance.now() - t0).toFixed(0)} ms, ${json.length} bytes`);
    });
    await ds.koers.db.transaction(async (tx) => {
      const log: string[] = [];
      const windows = runningYearWindows(QUARTER);
      let t0 = performance.now();
      const facts = await unsafeContentReportFacts(timed(tx, log), scope, { contractId: CONTRACT, from: windows[0]?.start ?? QUARTER.start, to: QUARTER.end });
      console.log(`  content facts, serial on one connection: ${(performance.now() - t0).toFixed(0)} ms\n${log.join('\n')}`);
      t0 = performance.now();
      const report = contentReport(facts, QUARTER, c, CODE);
      console.log(`  content pure report: ${(performance.now() - t0).toFixed(0)} ms`);
      t0 = performance.now();
      const json = JSON.stringify(report);
      console.log(`  content JSON.stringify: ${(performance.now() - t0).toFixed(0)} ms, ${json.length} bytes`);
    });
    const client = new Client(ds.url);
    await client.post('/api/v1/sessions', { email: `consultant.${CODE}@koers.demo`, password: 'koers-demo' });
    for (const path of [`/api/v1/reports/quarterly-mi?contractId=${CONTRACT}&quarter=${QUARTER.id}`, `/api/v1/reports/content-report?contractId=${CONTRACT}&quarter=${QUARTER.id}&scope=${CODE}`]) {
      const t0 = performance.now();
      const res = await client.get(path);
      console.log(`  HTTP ${path.split('?')[0]}: ${res.status} in ${(performance.now() - t0).toFixed(0)} ms`);
    }
  }
} finally {
  await ds.close();
}
