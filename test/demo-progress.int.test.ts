// The demo region shows every screen of issue #5 (levels, tests, a submitted report, a draft, a pending
// down-scaling decision on the municipality's work list, exams) while the demo participant's own file
// stays clean to try the flow; the demo is loaded with the application's own rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

describe(`demo progress on ${DB_KIND}`, () => {
  let t: TestKoers;
  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-23', config: { demo: true, demoSize: 120 } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('has a submitted report the municipality reads, a draft it does not, and a pending scaling decision on its work list', async () => {
    const reports = await t.koers.db.query<{ id: string; status: string; participantId: string; municipality: string }>(
      `SELECT pr.id, pr.status, pr.participant_id AS "participantId", m.code AS municipality FROM progress_report pr JOIN municipality m ON m.id = pr.municipality_id ORDER BY pr.status`,
    );
    expect(reports.map((r) => r.status)).toEqual(['draft', 'submitted']);
    const submitted = reports.find((r) => r.status === 'submitted');
    const draft = reports.find((r) => r.status === 'draft');
    if (submitted === undefined || draft === undefined) throw new Error('demo reports missing');
    const consultant = new Client(t.url);
    expect((await consultant.post('/api/v1/sessions', { email: `consultant.${submitted.municipality}@koers.demo`, password: 'koers-demo' })).status).toBe(201);
    const read = await consultant.get(`/api/v1/progress-reports/${submitted.id}`);
    expect(read.status).toBe(200);
    expect(read.body.plainDutch.length).toBeGreaterThan(3);
    const overview = await consultant.get(`/api/v1/participants/${submitted.participantId}/progress`);
    expect(overview.body.levels.filter((l: { current: string | null }) => l.current !== null)).toHaveLength(4);
    expect(overview.body.hours.made).toBeGreaterThan(400);
    expect(await t.koers.db.query(`SELECT 1 FROM scaling_request WHERE status = 'requested'`)).toHaveLength(1);
    expect(await t.koers.db.query(`SELECT 1 FROM signal WHERE cause = 'scaling.decisionDue' AND addressee = 'municipality' AND status = 'open'`)).toHaveLength(1);
    // The demo participant's file has no progress yet.
    const own = await t.koers.db.query(`SELECT 1 FROM progress_report pr JOIN app_user u ON u.participant_id = pr.participant_id WHERE u.email = 'inburgeraar@koers.demo'`);
    expect(own).toEqual([]);
  });
});
