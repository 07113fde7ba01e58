// Isolation cases of issue #14's contract meetings and contract-level ladder (R-CM-1, R-ESC-2, R-SEC-1).
// The matrix's contract manager runs Westfriesland: it alone plans, keeps agenda, minutes and actions and
// decides the ladder. Taalpunt (the own provider) is party to the prepared meeting and owns its action;
// Leerhuis (the other provider) is not party, so it sees no meeting and may mark nothing; everyone else
// has no permission (404). The objects are made straight through the store (the matrix can act only as
// the own consultant or provider), on the Koers the isolation test shares with the invoicing cases.
import { randomUUID } from 'node:crypto';
import { organisationId } from '../../src/features/organisations/store.js';
import { insertAction, insertAgendaItem, insertCase, insertMeeting, insertStep } from '../../src/features/contract-management/store.js';
import { invoicingKoers } from './invoicing-cases.js';
import { everyone, type Case, type Fixture } from './matrix.js';

const WF = 'westfriesland';
const TAALPUNT = 'taalpunt-westfriesland';
const none = everyone(404);
const managerOnly = (ok: number) => ({ ...none, contractManager: ok });
const readers = { ...none, contractManager: 'visible', ownProvider: 'visible', otherProvider: 'hidden' } as const;

/** The last prepared objects: prepare runs right before its call, one actor at a time. */
const made = { actionId: '', itemId: '', caseId: '' };

async function aMeeting(f: Fixture): Promise<Fixture> {
  const k = invoicingKoers.current;
  if (k === undefined) throw new Error('invoicingKoers.current is not set');
  const [user] = await k.db.query<{ id: string }>(`SELECT id FROM app_user WHERE role = 'contractManager' LIMIT 1`);
  const by = user?.id ?? '';
  const id = randomUUID();
  const at = k.clock.now();
  await k.db.transaction(async (tx) => {
    await insertMeeting(tx, { id, contractId: WF, type: 'contract', quarter: '2026-Q3', regionId: organisationId('region', WF), heldOn: '2026-10-20', providers: [TAALPUNT], municipalities: ['hoorn'], at, by });
    made.actionId = randomUUID();
    await insertAction(tx, { id: made.actionId, meetingId: id, description: 'Plan van aanpak intake', ownerKind: 'provider', ownerCode: TAALPUNT, dueOn: '2026-11-30', at, by });
    made.itemId = randomUUID();
    await insertAgendaItem(tx, id, { id: made.itemId, source: 'own', sourceKey: null, title: 'Rondvraag', detail: '' }, at, by);
  });
  return { ...f, objectId: id };
}

async function anOpenCase(f: Fixture): Promise<Fixture> {
  const k = invoicingKoers.current;
  if (k === undefined) throw new Error('invoicingKoers.current is not set');
  const [user] = await k.db.query<{ id: string }>(`SELECT id FROM app_user WHERE role = 'contractManager' LIMIT 1`);
  made.caseId = randomUUID();
  const at = k.clock.now();
  await k.db.transaction(async (tx) => {
    await tx.query(`UPDATE escalation_case SET closed_on = '2026-11-01', closed_grounds = 'matrix', closed_at = now(), closed_by = $1 WHERE provider_code = 'leerhuis-noord' AND closed_on IS NULL`, [user?.id]);
    await insertCase(tx, { id: made.caseId, contractId: WF, providerCode: 'leerhuis-noord', regionId: organisationId('region', WF), at });
    await insertStep(tx, { caseId: made.caseId, position: 1, step: 'intensifiedMeetings', decidedOn: '2026-10-20', decision: 'Verbeterafspraken gemaakt', grounds: 'Twee kwartalen onder de norm', termUntil: '2026-11-30', patterns: [], at, by: user?.id ?? '' });
  });
  return f;
}

const inMeeting = (b: { items?: { id: string }[] }, f: Fixture) => (b.items ?? []).some((m) => m.id === f.objectId);
const hasAction = (b: { items?: { id: string }[] }) => (b.items ?? []).some((a) => a.id === made.actionId);

export function meetingCases(): Case[] {
  return [
    { name: 'GET /api/v1/contract-meetings', mutates: false, prepare: aMeeting, call: (c) => c.get(`/api/v1/contract-meetings?contractId=${WF}&pageSize=100`), contains: inMeeting, expect: readers },
    { name: 'GET /api/v1/contract-meetings/export', mutates: false, call: (c) => c.get('/api/v1/contract-meetings/export?format=csv'), expect: { ...none, contractManager: 200, ownProvider: 200, otherProvider: 200 } },
    {
      name: 'POST /api/v1/contract-meetings',
      mutates: true,
      call: (c) => c.post('/api/v1/contract-meetings', { contractId: WF, type: 'execution', quarter: '2026-Q4', heldOn: '2026-12-10', providers: [TAALPUNT], municipalities: [] }),
      expect: managerOnly(201),
    },
    { name: 'GET /api/v1/contract-meetings/:id', mutates: false, prepare: aMeeting, call: (c, f) => c.get(`/api/v1/contract-meetings/${f.objectId ?? ''}`), expect: { ...none, contractManager: 200, ownProvider: 200 } },
    { name: 'GET /api/v1/contract-meetings/:id/proposal', mutates: false, prepare: aMeeting, call: (c, f) => c.get(`/api/v1/contract-meetings/${f.objectId ?? ''}/proposal`), expect: managerOnly(200) },
    { name: 'POST /api/v1/contract-meetings/:id/agenda-items', mutates: true, prepare: aMeeting, call: (c, f) => c.post(`/api/v1/contract-meetings/${f.objectId ?? ''}/agenda-items`, { title: 'Capaciteit', detail: '' }), expect: managerOnly(201) },
    { name: 'DELETE /api/v1/contract-meetings/:id/agenda-items/:itemId', mutates: true, prepare: aMeeting, call: (c, f) => c.request('DELETE', `/api/v1/contract-meetings/${f.objectId ?? ''}/agenda-items/${made.itemId}`), expect: managerOnly(204) },
    { name: 'PUT /api/v1/contract-meetings/:id/minutes', mutates: true, prepare: aMeeting, call: (c, f) => c.request('PUT', `/api/v1/contract-meetings/${f.objectId ?? ''}/minutes`, { text: 'Verslag', version: 0 }), expect: managerOnly(200) },
    {
      name: 'POST /api/v1/contract-meetings/:id/actions',
      mutates: true,
      prepare: aMeeting,
      call: (c, f) => c.post(`/api/v1/contract-meetings/${f.objectId ?? ''}/actions`, { description: 'Cijfers delen', owner: { kind: 'contractManager' }, dueOn: '2026-12-31' }),
      expect: managerOnly(201),
    },
    { name: 'GET /api/v1/contract-meeting-actions', mutates: false, prepare: aMeeting, call: (c) => c.get('/api/v1/contract-meeting-actions?status=all'), contains: hasAction, expect: readers },
    { name: 'PUT /api/v1/contract-meeting-actions/:id/done', mutates: true, prepare: aMeeting, call: (c) => c.request('PUT', `/api/v1/contract-meeting-actions/${made.actionId}/done`, { done: true }), expect: { ...none, contractManager: 200, ownProvider: 200 } },
    { name: 'GET /api/v1/escalations', mutates: false, call: (c) => c.get(`/api/v1/escalations?contractId=${WF}&quarter=2026-Q3`), expect: managerOnly(200) },
    {
      name: 'POST /api/v1/escalations/steps',
      mutates: true,
      prepare: async (f) => {
        const k = invoicingKoers.current;
        await k?.db.query(`UPDATE escalation_case SET closed_on = '2026-11-01', closed_grounds = 'matrix', closed_at = now(), closed_by = created.id FROM (SELECT id FROM app_user WHERE role = 'contractManager' LIMIT 1) created WHERE provider_code = 'werkwijs-participatie' AND closed_on IS NULL`);
        return f;
      },
      call: (c) =>
        c.post('/api/v1/escalations/steps', { contractId: WF, provider: 'werkwijs-participatie', quarter: '2026-Q3', step: 'intensifiedMeetings', decidedOn: '2026-11-20', decision: 'Verbeterafspraken gemaakt', grounds: 'Twee kwartalen onder de norm', termUntil: '2027-01-31' }),
      expect: managerOnly(201),
    },
    { name: 'POST /api/v1/escalations/:id/close', mutates: true, prepare: anOpenCase, call: (c) => c.post(`/api/v1/escalations/${made.caseId}/close`, { closedOn: '2026-11-25', grounds: 'Verbetering zichtbaar in de cijfers' }), expect: managerOnly(204) },
  ];
}
