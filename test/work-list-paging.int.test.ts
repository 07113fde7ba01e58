// R-SIG-1: the work list is paged, sorted and filtered by the server, with the count per urgency bucket
// (overdue / this week / later) of the filtered list; the buckets are those of steps.ts `urgency`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urgency } from '../src/domain/steps.js';
import { organisationId } from '../src/features/organisations/store.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const TODAY = '2026-12-01';

interface Item {
  id: string;
  cause: string;
  addressee: string;
  dueDate: string;
  urgency: 'overdue' | 'thisWeek' | 'later';
  participant: { familyName: string; givenName: string; dateOfBirth: string } | null;
}

describe(`work list paging on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let provider: Client;
  let all: Item[];

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-11-02' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    provider = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    const refer = async (familyName: string) => {
      const res = await consultant.post('/api/v1/participants', aParticipantInput({ familyName, referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
      if (res.status !== 201) throw new Error(`fixture: ${res.status}`);
      return res.body.referrals[0].id as string;
    };
    // Referred a month ago: the acknowledgement is overdue on 1 December.
    for (let i = 0; i < 8; i++) await refer(`Oud${String.fromCharCode(65 + i)}`);
    t.clock.setToday(TODAY);
    // Referred today: due within the week. Acknowledged ones owe the intake invitation later.
    const fresh: string[] = [];
    for (let i = 0; i < 9; i++) fresh.push(await refer(`Nieuw${String.fromCharCode(65 + i)}`));
    for (const id of fresh.slice(0, 4)) {
      const { lockVersion } = (await provider.get(`/api/v1/referrals/${id}`)).body;
      const res = await provider.post(`/api/v1/referrals/${id}/events`, { type: 'acknowledged', lockVersion });
      if (res.status !== 200) throw new Error(`acknowledge: ${res.status}`);
    }
    all = (await consultant.get('/api/v1/signals')).body.items;
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('the counts per bucket are urgency() of every item, and each bucket is there', async () => {
    const res = await consultant.get('/api/v1/signals?pageSize=5');
    expect(res.status).toBe(200);
    const expected = { overdue: 0, thisWeek: 0, later: 0 };
    for (const s of all) expected[urgency(s.dueDate, TODAY)]++;
    expect(res.body.counts).toEqual(expected);
    expect(expected.overdue).toBeGreaterThan(0);
    expect(expected.thisWeek).toBeGreaterThan(0);
    expect(expected.later).toBeGreaterThan(0);
    expect(res.body.total).toBe(all.length);
    expect(res.body.items).toHaveLength(5);
  });

  it('a bucket filter lists that bucket only and keeps the counts of all buckets', async () => {
    const whole = (await consultant.get('/api/v1/signals?pageSize=5')).body;
    for (const bucket of ['overdue', 'thisWeek', 'later'] as const) {
      const res = (await consultant.get(`/api/v1/signals?urgency=${bucket}&pageSize=1000`)).body;
      expect(res.counts).toEqual(whole.counts);
      expect(res.total).toBe(whole.counts[bucket]);
      expect(res.items.every((s: Item) => s.urgency === bucket)).toBe(true);
    }
  });

  it('pages of 5 put together are the whole list in the same order, without repeats; past the end is empty with the total', async () => {
    const pages: Item[] = [];
    for (let page = 1; page <= Math.ceil(all.length / 5); page++) {
      const res = (await consultant.get(`/api/v1/signals?pageSize=5&page=${page}`)).body;
      expect(res.total).toBe(all.length);
      expect(res.page).toBe(page);
      pages.push(...res.items);
    }
    expect(pages.map((s) => s.id)).toEqual(all.map((s) => s.id));
    const past = (await consultant.get(`/api/v1/signals?pageSize=5&page=99`)).body;
    expect(past.items).toEqual([]);
    expect(past.total).toBe(all.length);
  });

  it('sorts by due date both ways, by participant and by kind', async () => {
    const read = async (sort: string) => ((await consultant.get(`/api/v1/signals?sort=${sort}`)).body.items as Item[]);
    const due = (await read('dueDate')).map((s) => s.dueDate);
    expect(due).toEqual([...due].sort());
    const down = (await read('-dueDate')).map((s) => s.dueDate);
    expect(down).toEqual([...due].sort().reverse());
    const names = (await read('participant')).map((s) => s.participant?.familyName ?? '');
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names[0]).toBe('NieuwA');
    const downNames = (await read('-participant')).map((s) => s.participant?.familyName ?? '');
    expect(downNames[0]).toBe('OudH');
    const causes = (await read('cause')).map((s) => s.cause);
    expect(causes).toEqual([...causes].sort());
    expect(new Set(causes).size).toBeGreaterThan(1);
  });

  it('filters on who must act and on a name, with the counts of that filter; gives the filter options', async () => {
    const res = (await consultant.get('/api/v1/signals?addressee=provider&pageSize=1000')).body;
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((s: Item) => s.addressee === 'provider')).toBe(true);
    expect(res.counts.overdue + res.counts.thisWeek + res.counts.later).toBe(res.total);
    expect(res.options.providers).toEqual([{ id: TAALPUNT, name: expect.any(String) }]);
    expect(res.options.products).toEqual([{ code: 'b1_language', name: expect.any(String) }]);
    const named = (await consultant.get('/api/v1/signals?q=OudC')).body;
    expect(named.total).toBe(1);
    expect(named.items[0].participant).toMatchObject({ familyName: 'OudC', dateOfBirth: '1990-04-12' });
  });

  it('another municipality sees nothing: all counts 0; a bad sort is a problem+json 400', async () => {
    const other = await Client.loggedIn(t, await aUser(t, 'consultant', 'enkhuizen'));
    const res = (await other.get('/api/v1/signals')).body;
    expect(res).toMatchObject({ total: 0, items: [], counts: { overdue: 0, thisWeek: 0, later: 0 } });
    const bad = await consultant.get('/api/v1/signals?sort=urgentie');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.invalidParams[0]).toMatchObject({ name: 'sort' });
  });

  it('R-SEC-2: a page audits the participants on that page only', async () => {
    const before = (await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'signal.list'`))[0]?.n ?? 0;
    await consultant.get('/api/v1/signals?pageSize=3');
    const after = (await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'signal.list'`))[0]?.n ?? 0;
    expect(after - before).toBe(3);
  });
});
