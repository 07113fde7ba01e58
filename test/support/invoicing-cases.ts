// Isolation cases of issue #11, the invoicing API (R-INV-4, R-INV-6, R-SEC-1): spread into the matrix of
// test/isolation.int.test.ts. The matrix's own parties are Taalpunt Westfriesland and Hoorn. Prepare
// starts the fixture's referral (its start earns product 1 under the Westfriesland B1 schedule),
// records what it earned as the scheduled run does (invoicingSweep), and, where the case needs one,
// has the own provider make an invoice through the API and take it to the status the case needs.
// A prepared invoice is the provider's draft: the municipality sees invoices from proForma on.
import type { Koers } from '../../src/app.js';
import { invoicingSweep } from '../../src/features/invoicing/sweep.js';
import { organisationId } from '../../src/features/organisations/store.js';
import type { Client } from './koers.js';
import { everyone, onlyOwnConsultant, onlyOwnProvider, type Actor, type Case, type Expect, type Fixture } from './matrix.js';

const HOORN = organisationId('municipality', 'hoorn');

/** The running Koers of the matrix; set in its beforeAll (prepare needs the database and the clock). */
export const invoicingKoers: { current?: Koers } = {};

type As = (actor: 'ownConsultant' | 'ownProvider') => Client;

const must = async (res: Promise<{ status: number; body: any }>, status: number) => {
  const r = await res;
  if (r.status !== status) throw new Error(`invoicing fixture: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

function koers(): Koers {
  if (invoicingKoers.current === undefined) throw new Error('invoicingKoers.current is not set');
  return invoicingKoers.current;
}

/** The fixture's referral started today; its events recorded. Returns the event id of product 1. */
async function earned(f: Fixture): Promise<Fixture> {
  const k = koers();
  const today = k.clock.today();
  await k.db.query(`UPDATE referral SET started_on = $2 WHERE id = $1 AND started_on IS NULL`, [f.referralId, today]);
  // An invoice names each participant by the municipality's client number (R-INV-4); the matrix's fixtures have none.
  // A letter splits the id's first eight hex digits: eight digits in a row (about 1 id in 40) that pass the
  // eleven-test with a leading zero put back look like a BSN, and the invoice is rightly refused
  // (src/domain/bsn-in-text.ts) — which made the credit case fail once in a few runs, for a random role.
  await k.db.query(`UPDATE participant SET client_number = 'HRN-' || substr(id::text, 1, 4) || 'K' || substr(id::text, 5, 4) WHERE id = $1 AND client_number IS NULL`, [f.participantId]);
  await k.db.transaction((tx) => invoicingSweep(tx, k.contracts, today, { crypto: k.crypto, clock: k.clock }));
  const event = await k.db.query<{ id: string }>(`SELECT id FROM billable_event WHERE referral_id = $1 ORDER BY product_code LIMIT 1`, [f.referralId]);
  return { ...f, objectId: event[0]?.id ?? '' };
}

const made = new Map<string, Fixture>();

/** An invoice of the own provider to Hoorn with the fixture's line, in `status`; once per fixture and status. */
function invoiced(status: 'prepared' | 'proForma' | 'sent') {
  return async (f: Fixture, as: As): Promise<Fixture> => {
    const key = `${f.participantId}:${status}`;
    const seen = made.get(key);
    if (seen !== undefined) return seen;
    await earned(f);
    const provider = as('ownProvider');
    const run = await must(provider.post('/api/v1/invoicing/runs', { municipalityId: HOORN, upTo: koers().clock.today() }), 201);
    const invoiceId: string = run.invoice.id;
    if (status !== 'prepared') await must(provider.post(`/api/v1/invoices/${invoiceId}/pro-forma`), 200);
    if (status === 'sent') await must(provider.post(`/api/v1/invoices/${invoiceId}/send`), 200);
    const detail = await must(provider.get(`/api/v1/invoices/${invoiceId}`), 200);
    const line = (detail.lines as { id: string; participantId: string }[]).find((l) => l.participantId === f.participantId);
    const out = { ...f, invoiceId, lineId: line?.id ?? '', objectId: invoiceId };
    made.set(key, out);
    return out;
  };
}

const ownParties = (ok: Expect): Record<Actor, Expect> => ({ ...onlyOwnConsultant(ok), ownProvider: ok });

export function invoicingCases(): Case[] {
  return [
    // The earned list and the run are the provider's; another provider gets its own (empty) list, and its run for Hoorn finds nothing of Taalpunt's.
    {
      name: 'GET /api/v1/invoicing/earned',
      mutates: true,
      prepare: earned,
      call: (c) => c.get('/api/v1/invoicing/earned?pageSize=1000'),
      contains: (b, f) => b.items.some((e: { eventId: string }) => e.eventId === f.objectId),
      expect: { ...onlyOwnProvider('visible'), otherProvider: 'hidden' },
    },
    {
      name: 'GET /api/v1/invoicing/earned/export',
      mutates: true,
      prepare: earned,
      call: (c) => c.get('/api/v1/invoicing/earned/export?format=csv'),
      contains: (b, f) => String(b).includes(f.objectId ?? 'none'),
      expect: { ...onlyOwnProvider('visible'), otherProvider: 'hidden' },
    },
    { name: 'POST /api/v1/invoicing/runs', mutates: true, prepare: earned, call: (c) => c.post('/api/v1/invoicing/runs', { municipalityId: HOORN, upTo: koers().clock.today() }), expect: { ...onlyOwnProvider(201), otherProvider: 201 } },
    // 002 eis 12-13: the half-year round is a provider's; Hoorn is no centre of a half-year contract of either provider, so both get 422 and nothing changes.
    { name: 'GET /api/v1/invoicing/centres', mutates: false, call: (c) => c.get('/api/v1/invoicing/centres'), expect: { ...onlyOwnProvider(200), otherProvider: 200 } },
    { name: 'POST /api/v1/invoicing/rounds', mutates: false, call: (c) => c.post('/api/v1/invoicing/rounds', { centreMunicipalityId: HOORN, halfYear: '2025-H1' }), expect: { ...onlyOwnProvider(422), otherProvider: 422 } },
    // Amounts only: the contract manager's region, the policy officer's municipality.
    { name: 'GET /api/v1/invoicing/totals', mutates: false, call: (c) => c.get('/api/v1/invoicing/totals'), expect: { ...everyone(404), policyOfficer: 200, contractManager: 200 } },
    {
      name: 'GET /api/v1/invoices',
      mutates: false,
      prepare: invoiced('sent'),
      call: (c) => c.get('/api/v1/invoices?pageSize=1000'),
      contains: (b, f) => b.items.some((i: { id: string }) => i.id === f.invoiceId),
      expect: { ...onlyOwnConsultant('visible'), otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden' },
    },
    {
      name: 'GET /api/v1/invoices/export',
      mutates: false,
      prepare: invoiced('sent'),
      call: (c) => c.get('/api/v1/invoices/export?format=csv'),
      contains: (b, f) => String(b).includes(f.invoiceId ?? 'none'),
      expect: { ...onlyOwnConsultant('visible'), otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden' },
    },
    // A prepared invoice is not the municipality's yet: 404 even for the own consultant.
    { name: 'GET /api/v1/invoices/:invoiceId', mutates: true, prepare: invoiced('prepared'), call: (c, f) => c.get(`/api/v1/invoices/${f.invoiceId}`), expect: onlyOwnProvider(200) },
    { name: 'GET /api/v1/invoices/:invoiceId/pdf', mutates: false, prepare: invoiced('sent'), call: (c, f) => c.get(`/api/v1/invoices/${f.invoiceId}/pdf`), expect: ownParties(200) },
    { name: 'GET /api/v1/invoices/:invoiceId/ubl', mutates: false, prepare: invoiced('sent'), call: (c, f) => c.get(`/api/v1/invoices/${f.invoiceId}/ubl`), expect: ownParties(200) },
    { name: 'POST /api/v1/invoices/:invoiceId/pro-forma', mutates: true, prepare: invoiced('prepared'), call: (c, f) => c.post(`/api/v1/invoices/${f.invoiceId}/pro-forma`), expect: onlyOwnProvider(200) },
    { name: 'POST /api/v1/invoices/:invoiceId/send', mutates: true, prepare: invoiced('proForma'), call: (c, f) => c.post(`/api/v1/invoices/${f.invoiceId}/send`), expect: onlyOwnProvider(200) },
    {
      name: 'POST /api/v1/invoices/:invoiceId/lines/:lineId/check',
      mutates: true,
      prepare: invoiced('sent'),
      call: (c, f) => c.post(`/api/v1/invoices/${f.invoiceId}/lines/${f.lineId}/check`, { decision: 'disputed', reason: 'Klopt niet.' }),
      expect: onlyOwnConsultant(200),
    },
    { name: 'GET /api/v1/invoices/:invoiceId/lines/:lineId/evidence', mutates: false, prepare: invoiced('sent'), call: (c, f) => c.get(`/api/v1/invoices/${f.invoiceId}/lines/${f.lineId}/evidence`), expect: ownParties(200) },
    { name: 'POST /api/v1/invoices/:invoiceId/credit', mutates: true, prepare: invoiced('sent'), call: (c, f) => c.post(`/api/v1/invoices/${f.invoiceId}/credit`, { lineIds: [f.lineId], reason: 'Onjuiste startdatum.' }), expect: onlyOwnProvider(201) },
  ];
}
