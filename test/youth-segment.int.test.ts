// Issue #12 (R-PAR-4, 004 §4.5): participants under 27 are a segment the consultant's participant list,
// the work list and the Deelname list select with segment=youth, judged on referenceDate (default today);
// each row says under27 and each export has the column "Jongere (onder 27)". Around the 27th birthday,
// and for a birthday on 29 February, the lists select exactly the under-27s on the reference date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const WERKWIJS = organisationId('provider', 'werkwijs-participatie');
const TODAY = '2026-12-23';
const NAME = 'Jeugdtest';

/** Date of birth → under 27 today (2026-12-23)? */
const BORN = { '1999-12-24': true, '1999-12-23': false, '2000-02-29': true, '1990-04-12': false, '2005-06-01': true } as const;

describe(`the youth segment (under 27) on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  const idOf = new Map<string, string>(); // date of birth → participant id
  const ids = (births: readonly string[]) => births.map((b) => idOf.get(b)).sort();

  beforeAll(async () => {
    t = await startTestKoers({ today: TODAY });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    for (const dateOfBirth of Object.keys(BORN)) {
      // A MAP referral to WerkWijs: the participant is on the Deelname list, and its acknowledgement on the work list.
      const created = await consultant.post('/api/v1/participants', aParticipantInput({ familyName: NAME, dateOfBirth, referral: { providerId: WERKWIJS, productCode: 'map' } }));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      idOf.set(dateOfBirth, created.body.id);
    }
  });

  afterAll(async () => {
    await t?.stop();
  });

  const youngToday = Object.entries(BORN).filter(([, young]) => young).map(([b]) => b);

  it('the participant list selects exactly the under-27s of today, and every row says whether it is one', async () => {
    const all = await consultant.get(`/api/v1/participants?q=${NAME}`);
    expect(all.body.total).toBe(5);
    for (const row of all.body.items as { dateOfBirth: string; under27: boolean }[]) expect(row.under27).toBe(BORN[row.dateOfBirth as keyof typeof BORN]);
    const youth = await consultant.get(`/api/v1/participants?q=${NAME}&segment=youth`);
    expect(youth.status).toBe(200);
    expect(youth.body.items.map((r: { id: string }) => r.id).sort()).toEqual(ids(youngToday));
  });

  it('on another reference date: the day after a 27th birthday, and 28 February vs 1 March for a birthday on 29 February', async () => {
    const on = async (date: string) => ((await consultant.get(`/api/v1/participants?q=${NAME}&segment=youth&referenceDate=${date}`)).body.items as { id: string; under27: boolean }[]);
    const tomorrow = await on('2026-12-24');
    expect(tomorrow.map((r) => r.id).sort()).toEqual(ids(['2000-02-29', '2005-06-01']));
    expect(tomorrow.every((r) => r.under27)).toBe(true);
    expect((await on('2027-02-28')).map((r) => r.id).sort()).toEqual(ids(['2000-02-29', '2005-06-01']));
    expect((await on('2027-03-01')).map((r) => r.id).sort()).toEqual(ids(['2005-06-01']));
  });

  it('the work list and the Deelname list select the same participants; their exports carry the column', async () => {
    const work = await consultant.get(`/api/v1/signals?q=${NAME}&segment=youth`);
    expect(work.status).toBe(200);
    expect([...new Set(work.body.items.map((s: { participant: { id: string } }) => s.participant.id))].sort()).toEqual(ids(youngToday));
    expect(work.body.items.every((s: { participant: { under27: boolean } }) => s.participant.under27)).toBe(true);
    const deelname = await consultant.get(`/api/v1/participation/participants?q=${NAME}&segment=youth`);
    expect(deelname.status).toBe(200);
    expect(deelname.body.items.map((r: { participantId: string }) => r.participantId).sort()).toEqual(ids(youngToday));
    expect((await consultant.get(`/api/v1/participation/participants?q=${NAME}&segment=youth&referenceDate=2027-03-01`)).body.items.map((r: { participantId: string }) => r.participantId)).toEqual(ids(['2005-06-01']));

    for (const url of [`/api/v1/participants/export?format=csv&q=${NAME}`, `/api/v1/signals/export?format=csv&q=${NAME}`, `/api/v1/participation/participants/export?format=csv&q=${NAME}`]) {
      const lines = String((await consultant.get(url)).body).replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '').map((l) => l.split(';'));
      const column = lines[0]?.indexOf('Jongere (onder 27)') ?? -1;
      expect(column, url).toBeGreaterThanOrEqual(0);
      const values = lines.slice(1).map((l) => l[column]);
      expect(values.filter((v) => v === 'ja'), url).toHaveLength(3);
      expect(values.filter((v) => v === 'nee'), url).toHaveLength(2);
    }
    const onlyYouth = String((await consultant.get(`/api/v1/participants/export?format=csv&q=${NAME}&segment=youth`)).body).split('\r\n').filter((l) => l !== '');
    expect(onlyYouth).toHaveLength(1 + 3);
  });

  it('an unknown segment or an impossible reference date is refused in Dutch, naming the parameter', async () => {
    const bad = await consultant.get(`/api/v1/participants?segment=elderly`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bad.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['segment']);
    expect(bad.body.invalidParams[0].reason).toMatch(/Kies een groep/);
    const date = await consultant.get(`/api/v1/signals?segment=youth&referenceDate=2027-02-30`);
    expect(date.status).toBe(400);
    expect(date.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['referenceDate']);
  });
});
