// Isolation cases of issue #14's provider quality register (R-QLT-1, R-QLT-2, R-QLT-3, R-QLT-4, R-SEC-1). The
// matrix's contract manager runs Westfriesland: it reads every provider's record there and records marks,
// KvK data, screenings, findings, decisions, satisfaction and class visits; Taalpunt (the own provider)
// reads its own record, answers its findings and keeps its teachers; Leerhuis (the other provider) sees
// only its own row in the list and gets 404 on Taalpunt's record; everyone else has no permission (404).
// Westfriesland's contract sets no covenant and no screening (000 names none): membership and a new
// screening are refused with 422 to the contract manager, which still shows the room let it in. The
// screening objects are made straight through the store, on the Koers the isolation test shares.
import { organisationId } from '../../src/features/organisations/store.js';
import { insertRow } from '../../src/features/quality/store.js';
import { invoicingKoers } from './invoicing-cases.js';
import { everyone, type Case, type Fixture } from './matrix.js';

const WF = 'westfriesland';
const TAALPUNT = 'taalpunt-westfriesland';
const REC = `/api/v1/quality/contracts/${WF}/providers/${TAALPUNT}`;
const none = everyone(404);
const managerOnly = (ok: number) => ({ ...none, contractManager: ok });
const providerOnly = (ok: number) => ({ ...none, ownProvider: ok });

const made = { markId: '', screeningId: '', findingId: '', teacherId: '' };

async function make(what: (insert: (table: Parameters<typeof insertRow>[1], values: Record<string, unknown>) => Promise<string>) => Promise<void>): Promise<void> {
  const k = invoicingKoers.current;
  if (k === undefined) throw new Error('invoicingKoers.current is not set');
  const [user] = await k.db.query<{ id: string }>(`SELECT id FROM app_user WHERE role = 'contractManager' LIMIT 1`);
  const who = { userId: user?.id ?? '', at: k.clock.now() };
  await k.db.transaction((tx) => what((table, values) => insertRow(tx, table, values, who)));
}

const providerId = organisationId('provider', TAALPUNT);
const aMark = async (f: Fixture) => {
  await make(async (insert) => {
    made.markId = await insert('quality_mark', { provider_id: providerId, since: '2024-01-01', valid_until: '2027-12-31' });
  });
  return f;
};
const aScreening = async (f: Fixture) => {
  await make(async (insert) => {
    made.screeningId = await insert('screening', { contract_id: WF, provider_id: providerId, started_on: '2026-10-01', reason: 'Matrix' });
    made.findingId = await insert('screening_finding', { screening_id: made.screeningId, text: 'Bevinding', found_on: '2026-10-02' });
  });
  return f;
};
const aBareScreening = async (f: Fixture) => {
  await make(async (insert) => {
    made.screeningId = await insert('screening', { contract_id: WF, provider_id: providerId, started_on: '2026-10-01', reason: 'Matrix' });
  });
  return f;
};
const aTeacher = async (f: Fixture) => {
  await make(async (insert) => {
    made.teacherId = await insert('teacher', { provider_id: providerId, registered_on: '2026-09-01' });
    await insert('teacher_version', { teacher_id: made.teacherId, version: 1, name: 'Matrixdocent', qualification: 'certified', alfa_specialised: false, vog_on: null, left_on: null });
  });
  return f;
};

const listsTaalpunt = (b: { items?: { providerCode: string }[] }) => (b.items ?? []).some((i) => i.providerCode === TAALPUNT);
const screening = () => `${REC}/screenings/${made.screeningId}`;

export function qualityCases(): Case[] {
  return [
    { name: 'GET /api/v1/quality/providers', mutates: false, call: (c) => c.get('/api/v1/quality/providers'), contains: listsTaalpunt, expect: { ...none, contractManager: 'visible', ownProvider: 'visible', otherProvider: 'hidden' } },
    { name: 'GET /api/v1/quality/providers/export', mutates: false, call: (c) => c.get('/api/v1/quality/providers/export?format=csv'), expect: { ...none, contractManager: 200, ownProvider: 200, otherProvider: 200 } },
    { name: 'GET /api/v1/quality/contracts/:contractId/providers/:providerCode', mutates: false, call: (c) => c.get(REC), expect: { ...none, contractManager: 200, ownProvider: 200 } },
    { name: 'POST /api/v1/quality/contracts/:contractId/providers/:providerCode/kvk', mutates: true, call: (c) => c.post(`${REC}/kvk`, { kvkNumber: '99990001', tradeName: 'Taalpunt', checkedOn: '2026-11-01' }), expect: managerOnly(200) },
    { name: 'POST /api/v1/quality/contracts/:contractId/providers/:providerCode/marks', mutates: true, call: (c) => c.post(`${REC}/marks`, { since: '2025-01-01', validUntil: '2028-01-01' }), expect: managerOnly(200) },
    { name: 'POST /api/v1/quality/contracts/:contractId/providers/:providerCode/marks/:markId/withdrawal', mutates: true, prepare: aMark, call: (c) => c.post(`${REC}/marks/${made.markId}/withdrawal`, { withdrawnOn: '2026-11-01', reason: 'Matrix' }), expect: managerOnly(200) },
    { name: 'POST /api/v1/quality/contracts/:contractId/providers/:providerCode/marks/:markId/audit-reports', mutates: true, prepare: aMark, call: (c) => c.post(`${REC}/marks/${made.markId}/audit-reports`, { title: 'Audit 2026', auditedOn: '2026-10-01' }), expect: managerOnly(200) },
    { name: 'POST /api/v1/quality/contracts/:contractId/providers/:providerCode/membership', mutates: true, call: (c) => c.post(`${REC}/membership`, { state: 'applied', on: '2026-11-01' }), expect: managerOnly(422) },
    { name: 'POST /api/v1/quality/contracts/:contractId/providers/:providerCode/screenings', mutates: true, call: (c) => c.post(`${REC}/screenings`, { startedOn: '2026-11-01', reason: 'Matrix' }), expect: managerOnly(422) },
    { name: 'POST /api/v1/quality/contracts/:contractId/providers/:providerCode/screenings/:screeningId/items', mutates: true, prepare: aBareScreening, call: (c) => c.post(`${screening()}/items`, { item: 'kvk', receivedOn: '2026-11-01' }), expect: managerOnly(422) },
    { name: 'POST /api/v1/quality/contracts/:contractId/providers/:providerCode/screenings/:screeningId/findings', mutates: true, prepare: aBareScreening, call: (c) => c.post(`${screening()}/findings`, { text: 'Bevinding', foundOn: '2026-11-01' }), expect: managerOnly(200) },
    { name: 'POST /api/v1/quality/contracts/:contractId/providers/:providerCode/screenings/:screeningId/findings/:findingId/responses', mutates: true, prepare: aScreening, call: (c) => c.post(`${screening()}/findings/${made.findingId}/responses`, { text: 'Reactie' }), expect: providerOnly(200) },
    { name: 'POST /api/v1/quality/contracts/:contractId/providers/:providerCode/screenings/:screeningId/decision', mutates: true, prepare: aBareScreening, call: (c) => c.post(`${screening()}/decision`, { outcome: 'noRisks', grounds: 'Matrix', decidedOn: '2026-11-01' }), expect: managerOnly(200) },
    { name: 'POST /api/v1/quality/contracts/:contractId/providers/:providerCode/teachers', mutates: true, call: (c) => c.post(`${REC}/teachers`, { name: 'Docent', qualification: 'certified', alfaSpecialised: false, registeredOn: '2026-11-01' }), expect: providerOnly(200) },
    { name: 'PUT /api/v1/quality/contracts/:contractId/providers/:providerCode/teachers/:teacherId', mutates: true, prepare: aTeacher, call: (c) => c.request('PUT', `${REC}/teachers/${made.teacherId}`, { name: 'Docent', qualification: 'inTraining', alfaSpecialised: true, version: 1 }), expect: providerOnly(200) },
    { name: 'POST /api/v1/quality/contracts/:contractId/providers/:providerCode/satisfaction', mutates: true, call: (c) => c.post(`${REC}/satisfaction`, { surveyedOn: '2026-10-01', conductedBy: 'municipality', summary: 'Matrix' }), expect: managerOnly(200) },
    { name: 'POST /api/v1/quality/contracts/:contractId/providers/:providerCode/class-visits', mutates: true, call: (c) => c.post(`${REC}/class-visits`, { visitedOn: '2026-10-01', announced: true, findings: 'Matrix' }), expect: managerOnly(200) },
    // Another region's record does not exist for Westfriesland's contract manager.
    { name: 'GET /api/v1/quality/contracts/:contractId/providers/:providerCode (another region)', mutates: false, call: (c) => c.get(`/api/v1/quality/contracts/twente/providers/taalschool-twente`), expect: none },
  ];
}
