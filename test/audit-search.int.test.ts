// Issue #17 (R-SEC-2): the privacy officer's search of the audit log, on PGlite and PostgreSQL. It must
// find every line of one participant — reads, changes and denied attempts by other organisations — and
// no line of another municipality's participants; the search is itself audited; a BSN never comes back.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectRef } from '../src/platform/audit.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

describe(`audit search on ${DB_KIND}`, () => {
  let t: TestKoers;
  let officer: Client;
  let officerEnkhuizen: Client;
  const a = aParticipantInput({ clientNumber: `HRN-${randomBytes(3).toString('hex')}x` });
  const b = aParticipantInput({ clientNumber: `ENK-${randomBytes(3).toString('hex')}x` });
  let aId = '';
  let bId = '';
  let enkhuizenEmail = '';

  beforeAll(async () => {
    t = await startTestKoers();
    const hoorn = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    const enkhuizenUser = await aUser(t, 'consultant', 'enkhuizen');
    enkhuizenEmail = enkhuizenUser.email;
    const enkhuizen = await Client.loggedIn(t, enkhuizenUser);
    aId = String((await hoorn.post('/api/v1/participants', a)).body.id);
    bId = String((await enkhuizen.post('/api/v1/participants', b)).body.id);
    expect((await hoorn.get(`/api/v1/participants/${aId}`)).status).toBe(200);
    // Enkhuizen's consultant tries Hoorn's participant: refused, and written down for Hoorn's controller.
    expect((await enkhuizen.get(`/api/v1/participants/${aId}`)).status).toBe(404);
    expect((await enkhuizen.get(`/api/v1/participants/${bId}`)).status).toBe(200);
    officer = await Client.loggedIn(t, await aUser(t, 'privacyOfficer', 'hoorn'));
    officerEnkhuizen = await Client.loggedIn(t, await aUser(t, 'privacyOfficer', 'enkhuizen'));
  });
  afterAll(async () => {
    await t?.stop();
  });

  const search = (c: Client, criteria: Record<string, unknown>, page = 1, pageSize = 100) => c.post('/api/v1/audit-search', { criteria, page, pageSize });

  it("by BSN: every line of the participant, the other municipality's denied attempt included, and no BSN in the answer", async () => {
    const expected = await t.koers.db.query<{ id: string }>(`SELECT id::text AS id FROM audit_event WHERE data_subject_ref = $1 ORDER BY id`, [subjectRef(t.koers.crypto, aId)]);
    const res = await search(officer, { bsn: a.bsn });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.participant).toEqual({ clientNumber: a.clientNumber, name: `${String(a.givenName)} Haddad` });
    // The lines that existed before this search: the search's own line is written after it reads.
    expect(res.body.items.map((l: { id: string }) => l.id).sort()).toEqual(expected.map((e) => e.id).sort());
    const ops = res.body.items.map((l: { operation: string; status: string }) => `${l.operation}:${l.status}`);
    expect(ops).toEqual(expect.arrayContaining(['participant.create:ok', 'participant.read:ok', 'participant.read:error']));
    const denied = res.body.items.find((l: { status: string }) => l.status === 'error');
    expect(denied).toMatchObject({ actorEmail: enkhuizenEmail, organisationName: 'Enkhuizen', clientNumber: a.clientNumber });
    expect(JSON.stringify(res.body)).not.toContain(String(a.bsn));
    expect(JSON.stringify(res.body)).not.toContain(String(b.clientNumber));
  });

  it('by client number: the same lines; paged newest first', async () => {
    const byBsn = await search(officer, { bsn: a.bsn });
    const byNumber = await search(officer, { clientNumber: a.clientNumber });
    expect(byNumber.status).toBe(200);
    // The first search added its own line about this participant: the second finds it too.
    expect(byNumber.body.total).toBe(byBsn.body.total + 1);
    expect(byNumber.body.items[0].operation).toBe('audit.search');
    const second = await search(officer, { clientNumber: a.clientNumber }, 2, 1);
    expect(second.body).toMatchObject({ page: 2, pageSize: 1, total: byNumber.body.total + 1 });
    expect(second.body.items).toHaveLength(1);
    const times = byNumber.body.items.map((l: { startedAt: string }) => l.startedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("by user: the other municipality's consultant in Hoorn's log is only its attempt on Hoorn's participant", async () => {
    const res = await search(officer, { userEmail: enkhuizenEmail });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const line of res.body.items) expect(line.clientNumber).toBe(a.clientNumber);
    expect(res.body.items.every((l: { status: string }) => l.status === 'error')).toBe(true);
    // Enkhuizen's own officer sees that consultant's work on Enkhuizen's participant, never Hoorn's.
    const theirs = await search(officerEnkhuizen, { userEmail: enkhuizenEmail });
    expect(theirs.body.items.map((l: { clientNumber: string | null }) => l.clientNumber)).toContain(b.clientNumber);
    expect(JSON.stringify(theirs.body)).not.toContain(String(a.clientNumber));
  });

  it("another municipality's participant is not found, and the refusal names the field without the BSN", async () => {
    const res = await search(officer, { bsn: b.bsn });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams).toEqual([{ name: 'criteria.bsn', code: 'unknownParticipant', reason: 'Er is geen inburgeraar met dit BSN bij uw gemeente.' }]);
    expect(JSON.stringify(res.body)).not.toContain(String(b.bsn));
    expect((await search(officerEnkhuizen, { clientNumber: a.clientNumber })).status).toBe(422);
  });

  it('bad criteria are refused by field and change nothing', async () => {
    const count = async () => (await t.koers.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_event'))[0]?.n;
    const before = await count();
    const none = await search(officer, {});
    expect(none.status).toBe(400);
    expect(none.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['criteria.bsn']);
    const badBsn = await search(officer, { bsn: '123456789' });
    expect(badBsn.status).toBe(400);
    expect(badBsn.body.invalidParams[0].name).toBe('criteria.bsn');
    const backwards = await search(officer, { clientNumber: a.clientNumber, from: '2026-12-10', to: '2026-12-01' });
    expect(backwards.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['criteria.to']);
    expect(await count()).toBe(before);
  });

  it('a period in Dutch days; an operation and an outcome narrow the lines', async () => {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
    const inPeriod = await search(officer, { clientNumber: a.clientNumber, from: today, to: today });
    expect(inPeriod.body.total).toBeGreaterThan(0);
    const before = await search(officer, { clientNumber: a.clientNumber, to: '2020-01-01' });
    expect(before.body.total).toBe(0);
    const reads = await search(officer, { clientNumber: a.clientNumber, operation: 'participant.read', status: 'ok' });
    expect(reads.body.items.length).toBeGreaterThan(0);
    expect(reads.body.items.every((l: { operation: string; status: string }) => l.operation === 'participant.read' && l.status === 'ok')).toBe(true);
  });

  it('the search is itself audited, with the participant as its data subject and no BSN in the line', async () => {
    await search(officer, { bsn: a.bsn });
    const lines = await t.koers.db.query<{ summary: string; actor_role: string; status: string }>(
      `SELECT summary, actor_role, status FROM audit_event WHERE name = 'audit.search' AND data_subject_ref = $1 ORDER BY id DESC LIMIT 1`,
      [subjectRef(t.koers.crypto, aId)],
    );
    expect(lines[0]).toMatchObject({ actor_role: 'privacyOfficer', status: 'ok' });
    expect(lines[0]?.summary).toMatch(/^by bsn: \d+ of \d+ lines$/);
    const refused = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'audit.search' AND status = 'error' AND summary LIKE '%unknownParticipant%'`);
    expect(refused[0]?.n).toBeGreaterThan(0);
    const all = await t.koers.db.query<{ summary: string | null }>(`SELECT summary FROM audit_event WHERE name = 'audit.search'`);
    for (const l of all) expect(l.summary ?? '').not.toContain(String(a.bsn));
  });

  it('the export holds every line of the search, as CSV, without a BSN', async () => {
    const listed = await search(officer, { clientNumber: a.clientNumber });
    const res = await fetch(`${t.url}/api/v1/audit-search/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: (officer as unknown as { cookie: string }).cookie },
      body: JSON.stringify({ criteria: { clientNumber: a.clientNumber }, format: 'csv' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="logboek-/);
    const rows = (await res.text()).trim().split('\n');
    expect(rows[0]).toContain('Tijdstip');
    // The export's own batch line is written after it reads, as the list's was.
    expect(rows.length - 1).toBe(listed.body.total + 1);
    expect(rows.join('\n')).not.toContain(String(a.bsn));
  });

  it('no other role may search', async () => {
    for (const role of ['consultant', 'policyOfficer', 'admin', 'contractManager'] as const) {
      const c = await Client.loggedIn(t, await aUser(t, role, role === 'contractManager' ? 'westfriesland' : role === 'admin' ? undefined : 'hoorn'));
      expect((await search(c, { clientNumber: a.clientNumber })).status, role).toBe(404);
    }
  });
});
