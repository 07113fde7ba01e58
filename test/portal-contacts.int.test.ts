// Issue #12 (R-PRT-1, 001 Bijlage 1 guideline 5): the participant's home says whom to call — the
// contact of their own municipality and of the provider of their referral, from the contract files
// (migration 0021) — and never another party's. The read is the audited progress overview (R-SEC-2).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const LEERHUIS = organisationId('provider', 'leerhuis-noord');

describe(`whom the participant can call on ${DB_KIND}`, () => {
  let t: TestKoers;
  let self: Client;
  let ownId = '';
  let otherId = '';

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-01' });
    const hoorn = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    const enkhuizen = await Client.loggedIn(t, await aUser(t, 'consultant', 'enkhuizen'));
    const own = await hoorn.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    const other = await enkhuizen.post('/api/v1/participants', aParticipantInput({ referral: { providerId: LEERHUIS, productCode: 'b1_language' } }));
    expect([own.status, other.status]).toEqual([201, 201]);
    ownId = own.body.id;
    otherId = other.body.id;
    self = await Client.loggedIn(t, await aUser(t, 'participant', undefined, ownId));
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("the home's read holds their own municipality's and provider's contact, from the contract file, and audits it", async () => {
    const res = await self.get(`/api/v1/participants/${ownId}/progress`);
    expect(res.status).toBe(200);
    expect(res.body.contacts).toEqual([
      { role: 'municipality', organisation: 'Hoorn', name: 'Team Inburgering', phone: '0229 000 003', email: 'inburgering@hoorn.example', hours: 'maandag tot en met vrijdag, 9.00 tot 12.30 uur' },
      { role: 'provider', organisation: 'Taalpunt Westfriesland', name: 'Het team van de cursistenbalie', phone: '0229 000 101', email: 'cursisten@taalpunt-westfriesland.example', hours: 'maandag tot en met donderdag, 9.00 tot 17.00 uur' },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/enkhuizen|leerhuis/i);
    const audited = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE actor_role = 'participant' AND name = 'progress.read' AND status = 'ok' AND object_id = $1`, [ownId]);
    expect(audited[0]?.n).toBe(1);
  });

  it("another participant's contacts are not theirs to read: 404", async () => {
    expect((await self.get(`/api/v1/participants/${otherId}/progress`)).status).toBe(404);
  });

  it('a value the contract leaves out is null, and the database refuses a phone number or e-mail address that cannot be dialled or mailed', async () => {
    await t.koers.db.query(`UPDATE provider SET contact_phone = NULL, contact_email = NULL WHERE id = $1`, [TAALPUNT]);
    const res = await self.get(`/api/v1/participants/${ownId}/progress`);
    expect(res.body.contacts[1]).toMatchObject({ role: 'provider', phone: null, email: null, name: 'Het team van de cursistenbalie' });
    await expect(t.koers.db.query(`UPDATE provider SET contact_phone = 'bel 0229 000 101' WHERE id = $1`, [TAALPUNT])).rejects.toThrow(/check/i);
    await expect(t.koers.db.query(`UPDATE municipality SET contact_email = 'inburgering@' WHERE code = 'hoorn'`)).rejects.toThrow(/check/i);
  });
});
