// R-PAR-1, R-PAR-2, R-EXC-6: registration, validation, BSN handling, list with search/sort/paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aBsn, aParticipantInput, aUser, Client, DB_KIND, snapshot, startTestKoers, type TestKoers } from './support/koers.js';

describe(`participants on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;

  beforeAll(async () => {
    t = await startTestKoers();
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'medemblik'));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('R-PAR-2: a BSN failing the eleven-test is refused with a Dutch reason on the field, without echoing it, and nothing is stored', async () => {
    const before = await snapshot(t);
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ bsn: '123456789' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams).toEqual([expect.objectContaining({ name: 'bsn', reason: expect.stringMatching(/elfproef/) })]);
    expect(JSON.stringify(res.body)).not.toContain('123456789');
    expect(await snapshot(t)).toEqual(before);
  });

  it('names every invalid field at once', async () => {
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ givenName: '', dateOfBirth: '1990-02-30', postcode: '12', route: 'x' }));
    expect(res.status).toBe(400);
    const names = res.body.invalidParams.map((p: { name: string }) => p.name).sort();
    expect(names).toEqual(['dateOfBirth', 'givenName', 'postcode', 'route']);
  });

  it('R-PAR-2: the BSN is stored encrypted with a keyed hash, shown masked, and unique', async () => {
    const bsn = aBsn();
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ bsn }));
    expect(res.status).toBe(201);
    expect(res.body.bsnMasked).toBe(`*****${bsn.slice(5)}`);
    const rows = await t.koers.db.query<Record<string, unknown>>('SELECT * FROM participant WHERE id = $1', [res.body.id]);
    expect(JSON.stringify(rows)).not.toContain(bsn);
    expect(t.koers.crypto.decrypt(String(rows[0]?.bsn_encrypted))).toBe(bsn);
    const again = await consultant.post('/api/v1/participants', aParticipantInput({ bsn }));
    expect(again.status).toBe(409);
    expect(again.body.invalidParams[0].name).toBe('bsn');
    // A consultant of another municipality gets the same refusal, which names no municipality.
    const other = await Client.loggedIn(t, await aUser(t, 'consultant', 'opmeer'));
    const elsewhere = await other.post('/api/v1/participants', aParticipantInput({ bsn }));
    expect(elsewhere.status).toBe(409);
    expect(JSON.stringify(elsewhere.body)).not.toMatch(/Medemblik/);
  });

  it('R-EXC-6: a participant is found by BSN through a POST body; the BSN never appears in a URL', async () => {
    const bsn = aBsn();
    const created = await consultant.post('/api/v1/participants', aParticipantInput({ bsn }));
    const found = await consultant.post('/api/v1/participants/search', { bsn: `${bsn.slice(0, 3)} ${bsn.slice(3)}` });
    expect(found.status).toBe(200);
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
    const spec = await new Client(t.url).get('/api/v1/openapi.json');
    for (const [path, item] of Object.entries<Record<string, { parameters?: { name: string }[] }>>(spec.body.paths)) {
      expect(path.toLowerCase()).not.toContain('bsn');
      for (const op of Object.values(item)) for (const p of op.parameters ?? []) expect(p.name.toLowerCase()).not.toContain('bsn');
    }
  });

  it('lists with search, sort and paging, only within the municipality', async () => {
    const c = await Client.loggedIn(t, await aUser(t, 'consultant', 'koggenland'));
    const names = ['Zwart', 'Abbas', 'Meijer', 'Bakr', 'Yildiz'];
    for (const familyName of names) expect((await c.post('/api/v1/participants', aParticipantInput({ familyName, clientNumber: `KOG-${familyName}` }))).status).toBe(201);
    const page1 = await c.get('/api/v1/participants?sort=name&pageSize=2&page=1');
    expect(page1.body.total).toBe(5);
    expect(page1.body.items.map((p: { familyName: string }) => p.familyName)).toEqual(['Abbas', 'Bakr']);
    const page3 = await c.get('/api/v1/participants?sort=name&pageSize=2&page=3');
    expect(page3.body.items.map((p: { familyName: string }) => p.familyName)).toEqual(['Zwart']);
    const desc = await c.get('/api/v1/participants?sort=-name&pageSize=1');
    expect(desc.body.items[0].familyName).toBe('Zwart');
    const search = await c.get('/api/v1/participants?q=meij');
    expect(search.body.items.map((p: { familyName: string }) => p.familyName)).toEqual(['Meijer']);
    const byClient = await c.get('/api/v1/participants?q=KOG-Bakr');
    expect(byClient.body.total).toBe(1);
    // LIKE wildcards in the search are literal characters.
    expect((await c.get('/api/v1/participants?q=%25')).body.total).toBe(0);
    expect((await c.get('/api/v1/participants?pageSize=1000')).status).toBe(400);
  });
});
