// Issue #14 (R-QLT-3; 003 art. 4.4, 15): the demo's Enschede consultant (src/features/demo/twente-consultant.ts).
// NT2 Centrum Oost is contracted for Enschede's product but excluded from the covenant: the consultant's
// referral options name it apart with the reason, the two participants referred to it before the exclusion
// keep their referral and give the consultant one advice signal each, also after the engine runs again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScheduled } from '../src/features/scheduled-run.js';
import { Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

describe(`the demo's Twente consultant on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-23', config: { demo: true, demoSize: 20 } });
    consultant = new Client(t.url);
    expect((await consultant.post('/api/v1/sessions', { email: 'consultant.enschede@koers.demo', password: 'koers-demo' })).status).toBe(201);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('has four participants, three referred, and the excluded provider named apart in the options', async () => {
    const list = await consultant.get('/api/v1/participants?pageSize=50');
    expect(list.body.items.map((p: { givenName: string }) => p.givenName).sort()).toEqual(['Hamid', 'Olena', 'Selam', 'Yusuf']);
    const options = await consultant.get('/api/v1/referral-options');
    expect(options.body.providers.map((p: { name: string }) => p.name)).toEqual(['Taalschool Twente']);
    expect(options.body.unavailable).toEqual([expect.objectContaining({ name: 'NT2 Centrum Oost', reason: expect.stringMatching(/^Deze aanbieder is op 08-10-2026 uitgesloten/) as string })]);
  });

  it('signals the consultant once per participant still at the excluded provider, also when the engine runs again', async () => {
    const count = async () =>
      (await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM signal WHERE cause = 'quality.providerExcluded' AND municipality_id = (SELECT id FROM municipality WHERE code = 'enschede')`))[0]?.n;
    expect(await count()).toBe(2);
    await runScheduled(t.koers.db, t.koers.contracts, '2026-12-23', { crypto: t.koers.crypto, clock: t.koers.clock });
    expect(await count()).toBe(2);
    const work = await consultant.get('/api/v1/signals?pageSize=100');
    expect(work.body.items.filter((s: { cause: string }) => s.cause === 'quality.providerExcluded')).toHaveLength(2);
  });
});
