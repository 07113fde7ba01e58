// Isolation cases of issue #14's complaints register (R-CM-3, R-SEC-1). Taalpunt (the own provider)
// registers a complaint about the fixture's referral and handles it; the own consultant (Hoorn, the
// referral's municipality) reads it; the other consultant and the other provider see none of it (the
// other provider's registration on that referral is refused as an unknown referral, 422); the contract
// manager reads counts only; everyone else has no permission (404).
import { invoicingKoers } from './invoicing-cases.js';
import { everyone, type Case, type Fixture } from './matrix.js';

const none = everyone(404);
const today = () => {
  const k = invoicingKoers.current;
  if (k === undefined) throw new Error('invoicingKoers.current is not set');
  return k.clock.today();
};
const aComplaint = (f: Fixture) => ({ receivedOn: today(), from: { kind: 'participant', referralId: f.referralId }, subject: 'Matrixklacht' });

/** The fixture's complaint, registered by the own provider; its id in objectId. */
const registered = async (f: Fixture, as: (actor: 'ownConsultant' | 'ownProvider') => { post: (url: string, body: unknown) => Promise<{ status: number; body: any }> }): Promise<Fixture> => {
  const res = await as('ownProvider').post('/api/v1/complaints', aComplaint(f));
  if (res.status !== 200) throw new Error(`complaint fixture: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...f, objectId: res.body.id };
};
const listsIt = (b: { items?: { id: string }[] }, f: Fixture) => (b.items ?? []).some((i) => i.id === f.objectId);

export function complaintCases(): Case[] {
  return [
    { name: 'GET /api/v1/complaints', mutates: false, prepare: registered, call: (c) => c.get('/api/v1/complaints?pageSize=500'), contains: listsIt, expect: { ...none, ownConsultant: 'visible', otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden' } },
    { name: 'GET /api/v1/complaints/export', mutates: false, prepare: registered, call: (c) => c.get('/api/v1/complaints/export?format=csv'), contains: (b) => String(b).includes('Matrixklacht'), expect: { ...none, ownConsultant: 'visible', otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden' } },
    { name: 'GET /api/v1/complaints/totals', mutates: false, call: (c) => c.get('/api/v1/complaints/totals'), expect: { ...none, contractManager: 200 } },
    { name: 'GET /api/v1/complaints/:id', mutates: false, prepare: registered, call: (c, f) => c.get(`/api/v1/complaints/${f.objectId}`), expect: { ...none, ownConsultant: 200, ownProvider: 200 } },
    { name: 'POST /api/v1/complaints', mutates: true, call: (c, f) => c.post('/api/v1/complaints', aComplaint(f)), expect: { ...none, ownProvider: 200, otherProvider: 422 } },
    { name: 'POST /api/v1/complaints/:id/handling', mutates: true, prepare: registered, call: (c, f) => c.post(`/api/v1/complaints/${f.objectId}/handling`, { version: 1, handledBy: 'Matrix', measures: 'Gesprek' }), expect: { ...none, ownProvider: 200 } },
  ];
}
