// Issue #13: the demo region has four quarters of data (src/features/demo/history.ts), so every figure
// and chart has something real to show: read back through the quarterly management information as Hoorn's
// consultant, and counted in the tables the reports read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

interface Figures {
  quarter: string;
  registered: number;
  startedRunning: number;
  belowAttendanceNorm: number;
  runningGroups: Record<string, number>;
}

describe(`the demo year on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-23', config: { demo: true, demoSize: 60 } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("shows Hoorn's consultant registrations and running routes in each of the four quarters of 2026", async () => {
    const hoorn = new Client(t.url);
    expect((await hoorn.post('/api/v1/sessions', { email: 'consultant.hoorn@koers.demo', password: 'koers-demo' })).status).toBe(201);
    const res = await hoorn.get('/api/v1/reports/quarterly-mi?contractId=westfriesland&quarter=2026-Q4');
    expect(res.status).toBe(200);
    const cells = res.body.cells as { product: string; quarters: Figures[] }[];
    expect(res.body.quarters).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const sum = (q: string, pick: (f: Figures) => number) => cells.reduce((n, c) => n + pick(c.quarters.find((f) => f.quarter === q) as Figures), 0);
    for (const q of res.body.quarters as string[]) {
      expect(sum(q, (f) => f.registered), `${q} registered`).toBeGreaterThan(0);
      expect(sum(q, (f) => f.startedRunning), `${q} running`).toBeGreaterThan(0);
      expect(sum(q, (f) => Object.values(f.runningGroups).reduce((a, b) => a + b, 0)), `${q} groups`).toBeGreaterThan(0);
    }
  });

  it('has lessons with attendance, route ends, drop-outs with a reason, holds, route changes and scaling decisions, none after today', async () => {
    const q = (sql: string) => t.koers.db.query<{ quarter: string; n: number }>(sql);
    const perQuarter = async (table: string, date: string, where = 'true') =>
      new Set((await q(`SELECT to_char(${date}, 'YYYY-"Q"Q') AS quarter, count(*)::int AS n FROM ${table} WHERE ${where} GROUP BY 1`)).map((r) => r.quarter));
    expect(await perQuarter('attendance a JOIN lesson l ON l.id = a.lesson_id', 'l.date')).toEqual(new Set(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']));
    expect((await perQuarter('route_event', 'on_date', `type IN ('routeEnded', 'droppedOut')`)).size).toBeGreaterThanOrEqual(3);
    const kinds = new Set((await t.koers.db.query<{ type: string }>(`SELECT DISTINCT type FROM route_event`)).map((r) => r.type));
    for (const k of ['routeEnded', 'droppedOut', 'onHold', 'resumed', 'routeChanged']) expect(kinds, k).toContain(k);
    expect((await t.koers.db.query(`SELECT 1 FROM scaling_request WHERE status = 'approved' AND direction = 'down'`)).length).toBeGreaterThan(0);
    expect((await t.koers.db.query(`SELECT 1 FROM lesson WHERE start_time >= '18:00' AND cancelled_by_provider = false`)).length).toBeGreaterThan(0);
    const after = await t.koers.db.query(
      `SELECT 'route' AS t FROM route_event WHERE on_date > '2026-12-23' UNION ALL SELECT 'lesson' FROM lesson l JOIN attendance a ON a.lesson_id = l.id WHERE l.date > '2026-12-23'
       UNION ALL SELECT 'referral' FROM referral WHERE started_on > '2026-12-23' OR referred_on > '2026-12-23'`,
    );
    expect(after).toEqual([]);
  });
});
