// R-SEC-2: every read and change of personal data is audited in its transaction, one line per data
// subject; denied attempts too; the log is append-only and readable by the controller.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectRef } from '../src/platform/audit.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

interface AuditRow {
  name: string;
  status: string;
  actor_user_id: string | null;
  organisation_id: string | null;
  municipality_id: string | null;
  object_id: string | null;
  trace_id: string;
  operation_id: string;
  foreign_operation_id: string | null;
  processing_activity_id: string;
  data_subject_id_encrypted: string | null;
}

describe(`audit on ${DB_KIND}`, () => {
  let t: TestKoers;
  let hoorn: Client;
  let enkhuizenUser: Awaited<ReturnType<typeof aUser>>;
  let enkhuizen: Client;

  const linesFor = (participantId: string) =>
    t.koers.db.query<AuditRow & Record<string, unknown>>('SELECT * FROM audit_event WHERE data_subject_ref = $1 ORDER BY id', [subjectRef(t.koers.crypto, participantId)]);

  beforeAll(async () => {
    t = await startTestKoers();
    hoorn = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    enkhuizenUser = await aUser(t, 'consultant', 'enkhuizen');
    enkhuizen = await Client.loggedIn(t, enkhuizenUser);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('a consultant of municipality A gets 404 for a participant of B, and an audit line records the denied attempt', async () => {
    const p = await hoorn.post('/api/v1/participants', aParticipantInput());
    const res = await enkhuizen.get(`/api/v1/participants/${p.body.id}`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain(p.body.familyName);
    const denied = (await linesFor(p.body.id)).filter((l) => l.status === 'error');
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ name: 'participant.read', actor_user_id: enkhuizenUser.id, organisation_id: enkhuizenUser.organisationId, object_id: p.body.id });
    // The data subject id is encrypted, not stored in clear.
    expect(denied[0]?.data_subject_id_encrypted).not.toContain(p.body.id);
    expect(t.koers.crypto.decrypt(String(denied[0]?.data_subject_id_encrypted))).toBe(p.body.id);
  });

  it('a denied route (wrong role) is logged as access.denied', async () => {
    const teacher = await aUser(t, 'teacher');
    const c = await Client.loggedIn(t, teacher);
    expect((await c.get('/api/v1/participants')).status).toBe(404);
    const rows = await t.koers.db.query<AuditRow & Record<string, unknown>>(`SELECT * FROM audit_event WHERE actor_user_id = $1 AND name = 'access.denied'`, [teacher.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe('error');
  });

  it('a list of N participants writes N lines, one per data subject, with the Logboek fields', async () => {
    const c = await Client.loggedIn(t, await aUser(t, 'consultant', 'drechterland'));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await c.post('/api/v1/participants', aParticipantInput())).body.id);
    const trace = '4bf92f3577b34da6a3ce929d0e0e4736';
    await c.request('GET', '/api/v1/participants', undefined, { traceparent: `00-${trace}-00f067aa0ba902b7-01` });
    const lines = await t.koers.db.query<AuditRow & Record<string, unknown>>(`SELECT * FROM audit_event WHERE name = 'participant.list' AND trace_id = $1`, [trace]);
    expect(lines).toHaveLength(3);
    expect(new Set(lines.map((l) => l.operation_id)).size).toBe(3);
    for (const l of lines) {
      expect(l).toMatchObject({ status: 'ok', foreign_operation_id: '00f067aa0ba902b7', processing_activity_id: 'koers:verwerking/registratie-inburgeraar' });
      expect(ids).toContain(t.koers.crypto.decrypt(String(l.data_subject_id_encrypted)));
    }
  });

  it('the audit log is append-only: UPDATE and DELETE fail', async () => {
    await expect(t.koers.db.query(`UPDATE audit_event SET status = 'ok'`)).rejects.toThrow();
    await expect(t.koers.db.query('DELETE FROM audit_event')).rejects.toThrow();
    const n = await t.koers.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event');
    expect(n[0]?.n).toBeGreaterThan(0);
  });

  it('the application role may only SELECT and INSERT on the audit log', async () => {
    const rows = await t.koers.db.query<{ priv: string }>(
      `SELECT privilege_type AS priv FROM information_schema.role_table_grants WHERE grantee = 'koers_app' AND table_name = 'audit_event' ORDER BY 1`,
    );
    expect(rows.map((r) => r.priv)).toEqual(['INSERT', 'SELECT']);
    const who = await t.koers.db.query<{ u: string }>('SELECT current_user AS u');
    expect(who[0]?.u).toBe('koers_app');
    await expect(t.koers.db.query('TRUNCATE audit_event')).rejects.toThrow(/permission denied|append-only/);
  });

  it('a consultant reads who processed the data of its own participant, and that read is audited too', async () => {
    const p = await hoorn.post('/api/v1/participants', aParticipantInput());
    await hoorn.get(`/api/v1/participants/${p.body.id}`);
    const res = await hoorn.get(`/api/v1/participants/${p.body.id}/audit-events`);
    expect(res.status).toBe(200);
    const names = res.body.items.map((i: { name: string }) => i.name);
    expect(names).toEqual(expect.arrayContaining(['participant.create', 'participant.read']));
    expect(res.body.items[0]).toMatchObject({ actorName: 'Test consultant', organisationName: 'Hoorn' });
    expect((await linesFor(p.body.id)).some((l) => l.name === 'participant.auditRead')).toBe(true);
  });

  it('a failed change leaves no audit line behind (same transaction)', async () => {
    const before = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'participant.create'`);
    const res = await hoorn.post('/api/v1/participants', aParticipantInput({ referral: { providerId: '00000000-0000-4000-8000-000000000000', productCode: 'b1_language' } }));
    expect(res.status).toBe(422);
    const after = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'participant.create'`);
    expect(after[0]?.n).toBe(before[0]?.n);
  });
});
