// The import of participation activities (issue #12): all-or-nothing (one bad row: nothing stored, the
// row and field named), idempotent (the same file twice: nothing changes), a changed row a correction,
// and the 200-hour meeting raised by an import as by the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const WERKWIJS = organisationId('provider', 'werkwijs-participatie');
const HEADER = 'eigen-id;deelnemer-id;aanmelding-id;soort;organisatie;lokale voorziening;begindatum;einddatum;minuten;toelichting';

describe(`participation import on ${DB_KIND}`, () => {
  let t: TestKoers;
  let werkwijs: Client;
  let taalpunt: Client;
  let participantId: string;
  let referralId: string;

  const csv = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\n'));
  const send = (c: Client, rows: string[]) => c.upload('/api/v1/imports/participation-activities', csv(rows), 'text/csv');
  const row = (id: string, over: { kind?: string; minutes?: string; start?: string; end?: string; facility?: string; participant?: string } = {}) =>
    [id, over.participant ?? participantId, referralId, over.kind ?? 'vrijwilligerswerk', 'Voedselbank Hoorn', over.facility ?? '', over.start ?? '2027-02-01', over.end ?? '2027-02-28', over.minutes ?? '630', ''].join(';');
  const stored = () =>
    t.koers.db.query<{ externalId: string; version: number; minutes: number; superseded: boolean }>(
      `SELECT external_id AS "externalId", version, minutes, superseded FROM participation_activity WHERE participant_id = $1 ORDER BY external_id, version`,
      [participantId],
    );

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-01-04' });
    const consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    werkwijs = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'werkwijs-participatie'));
    taalpunt = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ route: 'z', referral: { providerId: WERKWIJS, productCode: 'z_participation' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    participantId = res.body.id;
    referralId = res.body.referrals[0].id;
    t.clock.setToday('2027-06-01');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('one bad row among many stores nothing and names the row and field', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(`a-${String(i).padStart(2, '0')}`));
    rows[17] = row('a-17', { minutes: '0' });
    rows[22] = row('a-22', { end: '2027-06-02' });
    const res = await send(werkwijs, rows);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    // Row numbers are the file's lines: the header is line 1.
    expect(res.body.invalidParams).toEqual([
      expect.objectContaining({ name: 'row 19.minutes', code: 'minutes' }),
      expect.objectContaining({ name: 'row 24.endDate', code: 'future' }),
    ]);
    expect(await stored()).toEqual([]);
  });

  it('imports a file, and the same file again changes nothing', async () => {
    const rows = [row('b-1', { facility: 'Buurthuis De Kern' }), row('b-2', { kind: 'stage', minutes: '120' })];
    const first = await send(werkwijs, rows);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ rows: 2, created: 2, changed: 0, unchanged: 0 });
    const before = await stored();
    expect(before).toEqual([
      { externalId: 'b-1', version: 1, minutes: 630, superseded: false },
      { externalId: 'b-2', version: 1, minutes: 120, superseded: false },
    ]);
    const again = await send(werkwijs, rows);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ created: 0, changed: 0, unchanged: 2 });
    expect(await stored()).toEqual(before);
    const list = (await werkwijs.get(`/api/v1/participants/${participantId}/participation-activities`)).body.items;
    expect(list.find((a: { kind: string }) => a.kind === 'volunteering')).toMatchObject({ localFacility: true, localFacilityName: 'Buurthuis De Kern' });
  });

  it('a changed row is a correction that keeps the old version, and a 200-hour multiple raises the meeting', async () => {
    const res = await send(werkwijs, [row('b-1', { minutes: String(198 * 60) })]);
    expect(res.body).toMatchObject({ created: 0, changed: 1, unchanged: 0 });
    expect((await stored()).filter((s) => s.externalId === 'b-1')).toEqual([
      { externalId: 'b-1', version: 1, minutes: 630, superseded: true },
      { externalId: 'b-1', version: 2, minutes: 198 * 60, superseded: false },
    ]);
    const signals = await t.koers.db.query<{ period: string }>(`SELECT period FROM signal WHERE cause = 'participation.meetingDue' AND subject_id = $1`, [participantId]);
    expect(signals).toEqual([{ period: 'h200' }]);
  });

  it('a language provider, or a referral that is not the provider\'s, is refused', async () => {
    const res = await send(taalpunt, [row('c-1')]);
    expect(res.status).toBe(422);
    expect(res.body.invalidParams[0]).toMatchObject({ name: 'row 2.referralId', code: 'unknown' });
    const header = await werkwijs.upload('/api/v1/imports/participation-activities', Buffer.from('eigen-id;soort\nx;stage'), 'text/csv');
    expect(header.status).toBe(422);
    expect(header.body.invalidParams.map((p: { name: string }) => p.name)).toContain('row 1.participantId');
  });
});
