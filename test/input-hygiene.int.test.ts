// Issue #9 hole 5: input that used to reach PostgreSQL or the calendar and came back as HTTP 500. Each
// case is now a 400 problem+json naming the field (invalidParams) and changes nothing. The four causes
// found by probing: a NUL byte (22021), year 0000 (22008), a date the calendar cannot count with
// (RangeError), an integer past PostgreSQL `integer` (22003).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, snapshot, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');

describe(`input hygiene on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let coordinator: Client;
  let participantId: string;
  let referralId: string;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-01' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    coordinator = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    expect(res.status).toBe(201);
    participantId = res.body.id;
    referralId = res.body.referrals[0].id;
    const ack = await coordinator.post(`/api/v1/referrals/${referralId}/events`, { type: 'acknowledged', lockVersion: 0 });
    expect(ack.status).toBe(200);
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** 400, problem+json, the field named, and not one row changed. */
  async function expectRefused(send: () => Promise<{ status: number; body: any; headers: Headers }>, field: string): Promise<void> {
    const before = await snapshot(t);
    const res = await send();
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain(field);
    // R-PAR-2: a reason, never the value.
    for (const p of res.body.invalidParams as { reason: string }[]) expect(p.reason).not.toContain('\u0000');
    expect(await snapshot(t)).toEqual(before);
  }

  const lockVersion = async () => (await coordinator.get(`/api/v1/referrals/${referralId}`)).body.lockVersion as number;

  describe('a NUL byte (PostgreSQL 22021)', () => {
    it('on the anonymous login', async () => {
      await expectRefused(() => new Client(t.url).post('/api/v1/sessions', { email: 'a\u0000b@test.koers', password: 'x' }), 'email');
    });
    it('in a participant name', async () => {
      await expectRefused(() => consultant.post('/api/v1/participants', aParticipantInput({ givenName: 'Am\u0000ina' })), 'givenName');
    });
    it('in a query parameter (the search)', async () => {
      await expectRefused(() => consultant.get('/api/v1/participants?q=a%00b'), 'q');
    });
    it('in a record key no field schema names (the report\'s hours per kind)', async () => {
      const report = await coordinator.post(`/api/v1/participants/${participantId}/progress-reports`, { kind: 'progress' });
      expect(report.status).toBe(201);
      const content = { ...report.body.content, hoursByKind: { 'taal\u0000': 3 } };
      await expectRefused(() => coordinator.request('PUT', `/api/v1/progress-reports/${report.body.id}`, { lockVersion: report.body.lockVersion, content }), 'content.hoursByKind');
    });
  });

  describe('year 0000 (PostgreSQL 22008)', () => {
    it('as a date of birth', async () => {
      await expectRefused(() => consultant.post('/api/v1/participants', aParticipantInput({ dateOfBirth: '0000-01-01' })), 'dateOfBirth');
    });
    it('as the registration date of an exam attempt', async () => {
      await expectRefused(() => coordinator.post(`/api/v1/participants/${participantId}/exam-attempts`, { part: 'reading', level: 'A2', registeredOn: '0000-01-01' }), 'registeredOn');
    });
    it('as the date of pushed hours', async () => {
      const items = [{ externalId: 'h-0', participantId, referralId, date: '0000-01-01', kind: 'internship', minutes: 60 }];
      await expectRefused(() => coordinator.request('POST', '/api/v1/hours-batches', { items }, { 'idempotency-key': 'year-0000' }), 'items.0.date');
    });
  });

  describe('a date the calendar cannot count working days with (RangeError)', () => {
    for (const date of ['0001-01-01', '9999-12-31']) {
      it(`${date} as the start of the attendance-rates period`, async () => {
        await expectRefused(() => consultant.get(`/api/v1/attendance-rates?from=${date}&to=9999-12-31`), 'from');
      });
      it(`${date} as an intake date (was stored, and every deadline after it counted from it)`, async () => {
        const fresh = await consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
        const id: string = fresh.body.referrals[0].id;
        expect((await coordinator.post(`/api/v1/referrals/${id}/events`, { type: 'acknowledged', lockVersion: 0 })).status).toBe(200);
        await expectRefused(() => coordinator.post(`/api/v1/referrals/${id}/events`, { type: 'intakeInvited', lockVersion: 1, intakeDate: date, location: 'Hoorn' }), 'intakeDate');
      });
    }
  });

  describe('an integer past PostgreSQL integer (22003)', () => {
    it('as the milestone of a progress test (body)', async () => {
      const body = { takenOn: '2026-11-01', milestoneHours: 2_147_483_648, results: { reading: 'A1', writing: null, listening: null, speaking: null } };
      await expectRefused(() => coordinator.post(`/api/v1/participants/${participantId}/progress-tests`, body), 'milestoneHours');
    });
    it('as the lock version of a lifecycle step (body)', async () => {
      await expectRefused(() => coordinator.post(`/api/v1/referrals/${referralId}/events`, { type: 'intakeInvited', lockVersion: 2_147_483_648, intakeDate: '2026-12-10', location: 'Hoorn' }), 'lockVersion');
    });
    it('as the page of a list (query)', async () => {
      await expectRefused(() => consultant.get('/api/v1/participants?page=2147483648'), 'page');
    });
  });

  // Found by the fuzz suite (1,000 runs): csv-parse's "Invalid Opening Quote" has no CSV_ code and was a 500.
  it('a CSV upload with a quote inside a field is a 422 naming the row, not a 500', async () => {
    const before = await snapshot(t);
    const res = await coordinator.request('POST', '/api/v1/imports/attendance', new TextEncoder().encode('a"b;c\n'), { 'content-type': 'text/csv', origin: t.url, 'sec-fetch-site': 'same-origin' });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams[0].code).toBe('malformedCsv');
    expect(await snapshot(t)).toEqual(before);
  });

  it('the same fields still take good values', async () => {
    const v = await lockVersion();
    const res = await coordinator.post(`/api/v1/referrals/${referralId}/events`, { type: 'intakeInvited', lockVersion: v, intakeDate: '2026-12-10', location: 'Hoorn' });
    expect(res.status).toBe(200);
    expect((await consultant.get('/api/v1/attendance-rates?from=2026-09-01&to=2026-12-01')).status).toBe(200);
    expect((await consultant.get('/api/v1/participants?page=2147483647&q=Amina')).status).toBe(200);
  });
});
