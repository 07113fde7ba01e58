// Issue #9 hole 9: the audit lines that were missing (R-SEC-2) — making and revoking an API key, listing
// the outbox, reading an import — and the 409 that told a consultant a BSN exists in another
// municipality, now audited (the existing participant's controller sees it) and throttled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BSN_CONFLICTS_PER_HOUR } from '../src/features/participants/bsn-conflict.js';
import { organisationId } from '../src/features/organisations/store.js';
import { subjectRef } from '../src/platform/audit.js';
import { aWorld } from './support/import-fixtures.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

describe(`security audit lines on ${DB_KIND}`, () => {
  let t: TestKoers;
  const lines = (name: string, objectId?: string) =>
    t.koers.db.query<{ status: string; actor_user_id: string; object_id: string | null; data_subject_ref: string | null; municipality_id: string | null }>(
      `SELECT status, actor_user_id, object_id, data_subject_ref, municipality_id FROM audit_event WHERE name = $1 ${objectId === undefined ? '' : 'AND object_id = $2'} ORDER BY id`,
      objectId === undefined ? [name] : [name, objectId],
    );
  beforeAll(async () => {
    t = await startTestKoers();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('making and revoking an API key each write a line under the coordinator', async () => {
    const coordinator = await aUser(t, 'providerCoordinator');
    const c = await Client.loggedIn(t, coordinator);
    const made = await c.post('/api/v1/api-keys', { name: 'Roostersysteem' });
    expect(made.status).toBe(201);
    expect(await lines('apiKey.create', made.body.id)).toMatchObject([{ status: 'ok', actor_user_id: coordinator.id }]);
    expect((await c.delete(`/api/v1/api-keys/${made.body.id}`)).status).toBe(200);
    expect(await lines('apiKey.revoke', made.body.id)).toMatchObject([{ status: 'ok', actor_user_id: coordinator.id }]);
  });

  it('listing the outbox writes a line', async () => {
    const admin = await aUser(t, 'admin');
    expect((await (await Client.loggedIn(t, admin)).get('/api/v1/outbox')).status).toBe(200);
    expect((await lines('outbox.list')).filter((l) => l.actor_user_id === admin.id)).toHaveLength(1);
  });

  it('reading an import writes a line; a refused read an error line', async () => {
    const w = await aWorld(t, { size: 1, lessonCount: 1, from: '2026-11-02' });
    const lessonId = w.lessons[0]?.id ?? '';
    const pushed = await w.coordinator.request('POST', '/api/v1/attendance-batches', { items: [{ lessonId, participantId: w.members[0], present: true, calledIn: false }] }, { 'idempotency-key': 'audit-1' });
    expect(pushed.status).toBe(201);
    const importId: string = pushed.body.importId;
    expect((await w.coordinator.get(`/api/v1/imports/${importId}`)).status).toBe(200);
    const other = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord'));
    expect((await other.get(`/api/v1/imports/${importId}`)).status).toBe(404);
    expect((await lines('import.read', importId)).map((l) => l.status)).toEqual(['ok', 'error']);
  });

  it('a BSN registered in another municipality: 409 audited with the existing participant as data subject, and throttled per consultant', async () => {
    const hoorn = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    const input = aParticipantInput();
    const existing = await hoorn.post('/api/v1/participants', input);
    expect(existing.status).toBe(201);
    const otherConsultant = await aUser(t, 'consultant', 'medemblik');
    const medemblik = await Client.loggedIn(t, otherConsultant);
    const conflict = await medemblik.post('/api/v1/participants', aParticipantInput({ bsn: input.bsn }));
    expect(conflict.status).toBe(409);
    const audited = (await lines('participant.create', existing.body.id)).filter((l) => l.status === 'error');
    expect(audited).toMatchObject([{ actor_user_id: otherConsultant.id, data_subject_ref: subjectRef(t.koers.crypto, existing.body.id), municipality_id: organisationId('municipality', 'hoorn') }]);
    for (let i = 1; i < BSN_CONFLICTS_PER_HOUR; i++) expect((await medemblik.post('/api/v1/participants', aParticipantInput({ bsn: input.bsn }))).status).toBe(409);
    // Past the budget every registration waits, also one with a new BSN: the answer reveals nothing.
    const throttled = await medemblik.post('/api/v1/participants', aParticipantInput({ bsn: input.bsn }));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('content-type')).toContain('application/problem+json');
    expect((await medemblik.post('/api/v1/participants', aParticipantInput())).status).toBe(429);
    // Another consultant is not affected.
    expect((await (await Client.loggedIn(t, await aUser(t, 'consultant', 'medemblik'))).post('/api/v1/participants', aParticipantInput())).status).toBe(201);
  });
});
