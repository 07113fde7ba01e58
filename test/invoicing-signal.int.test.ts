// Issue #11, R-INV-4 (001 §4.1.2: invoice within six weeks of the achievement; 002 eis 12: six months):
// the scheduled signal run records what the facts earned and raises `invoice.sendDue` to the provider's
// coordinator, due the contract's invoice term after the day earned; a re-run adds nothing; after the
// term it is breached; once everything earned that day is on a sent invoice it is resolved (answered).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduledInvoicing } from '../src/features/invoicing/sweep.js';
import { organisationId } from '../src/features/organisations/store.js';
import { runSignalEngine } from '../src/features/referrals/signal-engine.js';
import { invoiceDueDate } from '../src/features/signals/raisers/invoicing.js';
import { versionOf } from '../src/platform/contracts.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const PROVIDER = organisationId('provider', 'echt-nederlands');
const DOESBURG = organisationId('municipality', 'doesburg');
const PERIOD = `2026-01-12:${DOESBURG}`;

describe(`the invoice-term signal on ${DB_KIND}`, () => {
  let t: TestKoers;
  let provider: Client;
  let consultant: Client;

  const sweep = () => runSignalEngine(t.koers.db, t.koers.contracts, t.clock.today(), scheduledInvoicing(t.koers.contracts, { crypto: t.koers.crypto, clock: t.koers.clock }));
  const signals = () =>
    t.koers.db.query<{ status: string; dueDate: string; breachedOn: string | null; resolution: string | null; addressee: string; municipalityId: string }>(
      `SELECT status, due_date::text AS "dueDate", breached_on::text AS "breachedOn", resolution, addressee, municipality_id AS "municipalityId"
       FROM signal WHERE cause = 'invoice.sendDue' AND subject_type = 'provider' AND subject_id = $1 AND period = $2`,
      [PROVIDER, PERIOD],
    );

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-01-05' });
    provider = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'echt-nederlands'));
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'doesburg'));
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ clientNumber: 'DSB-4001', dutyStartDate: '2026-01-01', dutyEndDate: '2028-12-31', referral: { providerId: PROVIDER, productCode: 'b1_language' } }));
    expect(res.status).toBe(201);
    await t.koers.db.query(`UPDATE referral SET started_on = '2026-01-12' WHERE id = $1`, [res.body.referrals[0].id]);
    t.clock.setToday('2026-01-20');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the scheduled run records product 1 and raises one signal to the coordinator, due six weeks after the start (001 §4.1.2)', async () => {
    expect(await signals()).toEqual([]);
    await sweep();
    const recorded = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM billable_event WHERE provider_id = $1`, [PROVIDER]);
    expect(recorded[0]?.n).toBe(1);
    // 12 January 2026 + 6 weeks = 23 February 2026.
    expect(await signals()).toEqual([{ status: 'open', dueDate: '2026-02-23', breachedOn: null, resolution: null, addressee: 'provider', municipalityId: DOESBURG }]);
    const list = await provider.get('/api/v1/signals');
    expect(list.body.items.filter((s: { cause: string }) => s.cause === 'invoice.sendDue').map((s: { dueDate: string; participant: unknown }) => [s.dueDate, s.participant])).toEqual([['2026-02-23', null]]);
  });

  it('a re-run raises nothing new', async () => {
    await sweep();
    await sweep();
    expect(await signals()).toHaveLength(1);
  });

  it('after the term the signal is breached', async () => {
    t.clock.setToday('2026-02-23');
    await sweep();
    expect((await signals())[0]?.breachedOn).toBeNull();
    t.clock.setToday('2026-02-24');
    await sweep();
    expect(await signals()).toMatchObject([{ status: 'open', breachedOn: '2026-02-24' }]);
  });

  it('a prepared or pro-forma invoice does not resolve it; sending does', async () => {
    const run = await provider.post('/api/v1/invoicing/runs', { municipalityId: DOESBURG, upTo: '2026-02-24' });
    expect(run.status).toBe(201);
    const invoiceId = run.body.invoice.id;
    await sweep();
    expect((await signals())[0]?.status).toBe('open');
    expect((await provider.post(`/api/v1/invoices/${invoiceId}/pro-forma`)).status).toBe(200);
    await sweep();
    expect((await signals())[0]?.status).toBe('open');
    expect((await provider.post(`/api/v1/invoices/${invoiceId}/send`)).status).toBe(200);
    await sweep();
    expect(await signals()).toMatchObject([{ status: 'resolved', resolution: 'answered' }]);
  });

  it('the term is the contract version\'s: six months in the Onderwijsroute (002 eis 12)', () => {
    const contract = t.koers.contracts.byId('onderwijsroute-haaglanden-holland-rijnland');
    const version = contract === undefined ? undefined : versionOf(t.koers.contracts, { contractId: contract.id, contractVersion: contract.versions[0]?.version ?? 1 });
    expect(version?.deadlines.invoice).toMatchObject({ amount: 6, unit: 'months' });
    expect(invoiceDueDate({ providerId: PROVIDER, municipalityId: DOESBURG, earnedOn: '2026-03-31', version })).toBe('2026-09-30');
  });
});
