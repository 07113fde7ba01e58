// Issue #11, R-INV-4: an invoice's due date follows the payment term of the contract it is invoiced
// under — 30 days in the contract files as they are, 14 when the contract says 14 — instead of a fixed
// 30 days (the run passes the contract's term to prepareInvoice).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInvoicing } from '../src/features/invoicing/run.js';
import type { InvoicingContext } from '../src/features/invoicing/store.js';
import { organisationId } from '../src/features/organisations/store.js';
import { newOperationId, newTraceId } from '../src/platform/audit.js';
import { registryOf } from '../src/platform/contracts.js';
import { aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const PROVIDER = organisationId('provider', 'echt-nederlands');

describe(`the payment term of the contract sets the due date, on ${DB_KIND}`, () => {
  let t: TestKoers;
  let ctx: InvoicingContext;

  /** A started B1 route of Echt Nederlands in the municipality: its start earns product 1. */
  async function aStartedRoute(municipality: string, clientNumber: string): Promise<void> {
    const consultant = await Client.loggedIn(t, await aUser(t, 'consultant', municipality));
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ clientNumber, dutyStartDate: '2026-01-01', dutyEndDate: '2028-12-31', referral: { providerId: PROVIDER, productCode: 'b1_language' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    await t.koers.db.query(`UPDATE referral SET started_on = '2026-01-12' WHERE id = $1`, [res.body.referrals[0].id]);
  }

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-01-05' });
    ctx = { crypto: t.koers.crypto, clock: t.koers.clock, who: { trace: { traceId: newTraceId(), operationId: newOperationId(), origin: 'test', startedAt: new Date() } } };
    await aStartedRoute('arnhem', 'ARN-3001');
    await aStartedRoute('doesburg', 'DSB-3001');
    t.clock.setToday('2026-02-02');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('is the contract file term: 30 days', async () => {
    expect(t.koers.contracts.byId('centraal-gelderland')?.paymentTerm?.days).toBe(30);
    const { invoice } = await runInvoicing(t.koers.db, t.koers.contracts, ctx, { providerId: PROVIDER, municipalityId: organisationId('municipality', 'arnhem'), upTo: '2026-01-31' });
    expect([invoice?.issueDate, invoice?.dueDate]).toEqual(['2026-02-02', '2026-03-04']);
  });

  it('follows a contract with another term: 14 days', async () => {
    const fourteen = registryOf(t.koers.contracts.contracts.map((c) => (c.id === 'centraal-gelderland' ? { ...c, paymentTerm: { days: 14, source: 'test' } } : c)));
    const { invoice } = await runInvoicing(t.koers.db, fourteen, ctx, { providerId: PROVIDER, municipalityId: organisationId('municipality', 'doesburg'), upTo: '2026-01-31' });
    expect([invoice?.issueDate, invoice?.dueDate]).toEqual(['2026-02-02', '2026-02-16']);
  });
});
