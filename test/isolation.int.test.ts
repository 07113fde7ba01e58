// R-SEC-1, STYLE 7: every endpoint of the API for every role, against own / other municipality /
// other provider / anonymous. Checks the status AND that a refused request changed nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { declaredRoutes } from '../src/platform/http/server.js';
import { A_PDF, aBsn, aLearningPlan, aParticipantInput, aUser, Client, DB_KIND, snapshot, startTestKoers, type TestKoers } from './support/koers.js';
import { ACTORS, everyone, onlyOwnConsultant, onlyOwnProvider, type Actor, type Case, type Fixture } from './support/matrix.js';
import { listExportCases } from './support/list-export-cases.js';
import { invoicingKoers } from './support/invoicing-cases.js';
import { moreCases } from './support/more-cases.js';
import { participationFamilyCases } from './support/participation-family-cases.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');

const CASES: Case[] = [
  { name: 'GET /api/v1/sessions/current', mutates: false, call: (c) => c.get('/api/v1/sessions/current'), expect: everyone(200) },
  // Issue #9: the second factor, passwords and resets (their behaviour: test/second-factor.int.test.ts, test/passwords.int.test.ts).
  { name: 'GET /api/v1/sessions/current/second-factor', mutates: false, call: (c) => c.get('/api/v1/sessions/current/second-factor'), expect: everyone(200) },
  // A working session is no pending login: the second step answers 401 to everyone.
  { name: 'POST /api/v1/sessions/second-factor', mutates: false, call: (c) => c.post('/api/v1/sessions/second-factor', { code: '123456' }), expect: everyone(401) },
  // Staff set up a TOTP; participants log in with DigiD and get none.
  { name: 'POST /api/v1/sessions/second-factor/enrolment', mutates: false, call: (c) => c.post('/api/v1/sessions/second-factor/enrolment'), expect: { ...everyone(201), self: 404, otherParticipant: 404 } },
  { name: 'POST /api/v1/sessions/second-factor/enrolment/confirm', mutates: false, call: (c) => c.post('/api/v1/sessions/second-factor/enrolment/confirm', { code: '000000' }), expect: { ...everyone(400), self: 404, otherParticipant: 404 } },
  { name: 'PUT /api/v1/sessions/current/password', mutates: false, call: (c) => c.request('PUT', '/api/v1/sessions/current/password', { currentPassword: 'not-the-password', newPassword: 'een heel nieuw wachtwoord' }), expect: everyone(400) },
  { name: 'POST /api/v1/password-resets', mutates: false, call: (c) => c.post('/api/v1/password-resets', { email: 'nobody@test.koers' }), expect: { ...everyone(202), anonymous: 202 } },
  { name: 'POST /api/v1/password-resets/confirm', mutates: false, call: (c) => c.post('/api/v1/password-resets/confirm', { token: 'not-a-token', password: 'een heel nieuw wachtwoord' }), expect: { ...everyone(400), anonymous: 400 } },
  { name: 'GET /api/v1/today', mutates: false, call: (c) => c.get('/api/v1/today'), expect: everyone(200) },
  {
    name: 'GET /api/v1/participants',
    mutates: false,
    call: (c) => c.get('/api/v1/participants?pageSize=100'),
    contains: (b, f) => b.items.some((p: { id: string }) => p.id === f.participantId),
    expect: { ...onlyOwnConsultant('visible'), otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden' },
  },
  { name: 'GET /api/v1/participants/export', mutates: false, call: (c) => c.get('/api/v1/participants/export?format=csv'), contains: (b, f) => String(b).includes(f.participantId), expect: { ...onlyOwnConsultant('visible'), otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden' } },
  {
    name: 'POST /api/v1/participants/search',
    mutates: false,
    call: (c, f) => c.post('/api/v1/participants/search', { bsn: f.bsn }),
    contains: (b, f) => b.items.some((p: { id: string }) => p.id === f.participantId),
    expect: { ...onlyOwnConsultant('visible'), otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden' },
  },
  {
    name: 'GET /api/v1/participants/:id',
    mutates: false,
    call: (c, f) => c.get(`/api/v1/participants/${f.participantId}`),
    expect: { ...onlyOwnConsultant(200), ownProvider: 200, self: 200 },
  },
  { name: 'GET /api/v1/participants/:id/audit-events', mutates: false, call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/audit-events`), expect: onlyOwnConsultant(200) },
  {
    name: 'POST /api/v1/participants',
    mutates: true,
    call: (c) => c.post('/api/v1/participants', aParticipantInput()),
    expect: { ...onlyOwnConsultant(201), otherConsultant: 201 },
  },
  { name: 'GET /api/v1/referral-options', mutates: false, call: (c) => c.get('/api/v1/referral-options'), expect: { ...onlyOwnConsultant(200), otherConsultant: 200 } },
  {
    name: 'POST /api/v1/referrals',
    mutates: true,
    call: (c, f) => c.post('/api/v1/referrals', { participantId: f.participantId, providerId: TAALPUNT, productCode: 'z_language' }),
    expect: onlyOwnConsultant(201),
  },
  {
    name: 'GET /api/v1/referrals',
    mutates: false,
    call: (c) => c.get('/api/v1/referrals'),
    contains: (b, f) => b.items.some((r: { id: string }) => r.id === f.referralId),
    expect: { ...onlyOwnConsultant('visible'), otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden' },
  },
  { name: 'GET /api/v1/referrals/export', mutates: false, call: (c) => c.get('/api/v1/referrals/export?format=csv'), contains: (b, f) => String(b).includes(f.referralId), expect: { ...onlyOwnConsultant('visible'), otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden' } },
  {
    name: 'POST /api/v1/referrals/:id/acknowledgement',
    mutates: true,
    call: (c, f) => c.post(`/api/v1/referrals/${f.referralId}/acknowledgement`),
    expect: { ...onlyOwnConsultant(404), ownProvider: 200 },
  },
  {
    name: 'GET /api/v1/referrals/:id',
    mutates: false,
    call: (c, f) => c.get(`/api/v1/referrals/${f.referralId}`),
    expect: { ...onlyOwnConsultant(200), ownProvider: 200 },
  },
  {
    name: 'POST /api/v1/referrals/:id/events',
    mutates: true,
    call: (c, f) => c.post(`/api/v1/referrals/${f.referralId}/events`, { type: 'acknowledged', lockVersion: 0 }),
    // The own consultant reaches the referral, but acknowledging is the provider's step (422).
    expect: { ...onlyOwnConsultant(422), ownProvider: 200 },
  },
  {
    name: 'POST /api/v1/signals/:id/acknowledgement',
    mutates: true,
    call: (c, f) => c.post(`/api/v1/signals/${f.signalId}/acknowledgement`),
    expect: { ...onlyOwnConsultant(200), ownProvider: 200 },
  },
  { name: 'GET /api/v1/referrals/:id/documents', mutates: false, deep: true, call: (c, f) => c.get(`/api/v1/referrals/${f.referralId}/documents`), expect: { ...onlyOwnConsultant(200), ownProvider: 200 } },
  { name: 'GET /api/v1/referrals/:id/pdf', mutates: false, call: (c, f) => c.get(`/api/v1/referrals/${f.referralId}/pdf`), expect: { ...onlyOwnConsultant(200), ownProvider: 200 } },
  { name: 'GET /api/v1/learning-plans/:id/pdf', mutates: false, deep: true, call: (c, f) => c.get(`/api/v1/learning-plans/${f.planId}/pdf`), expect: { ...onlyOwnConsultant(200), ownProvider: 200 } },
  { name: 'GET /api/v1/documents/:id', mutates: false, deep: true, call: (c, f) => c.get(`/api/v1/documents/${f.documentId}`), expect: { ...onlyOwnConsultant(200), ownProvider: 200 } },
  {
    name: 'POST /api/v1/referrals/:id/signed-learning-plan',
    mutates: true,
    deep: true,
    call: (c, f) => c.upload(`/api/v1/referrals/${f.referralId}/signed-learning-plan?lockVersion=${f.lockVersion}`, A_PDF),
    // Uploading the signed plan is the provider's; a consultant has no upload permission at all.
    expect: { ...onlyOwnConsultant(404), ownProvider: 201 },
  },
  // [import and push cases: issue #4]
  // Only the coordinator of the provider that runs the group imports or pushes (R-EXC-1, R-EXC-2).
  // The import id made by the own provider's POST below is read back by the GET case after it.
  ...((): Case[] => {
    let importId = '00000000-0000-4000-8000-000000000000';
    const sheet = (f: Fixture) => Buffer.from(`les-id;deelnemer-id;aanwezig;afgemeld\n${f.lessonId};${f.participantId};nee;ja\n`);
    return [
      { name: 'GET /api/v1/imports/attendance/template.csv', mutates: false, group: 'absent', call: (c, f) => c.get(`/api/v1/imports/attendance/template.csv?groupId=${f.groupId}&month=2026-12`), expect: onlyOwnProvider(200) },
      { name: 'GET /api/v1/imports/attendance/template.xlsx', mutates: false, group: 'absent', call: (c, f) => c.get(`/api/v1/imports/attendance/template.xlsx?groupId=${f.groupId}&month=2026-12`), expect: onlyOwnProvider(200) },
      {
        name: 'POST /api/v1/imports/attendance',
        mutates: true,
        group: 'member',
        call: async (c, f) => {
          const res = await c.upload('/api/v1/imports/attendance', sheet(f), 'text/csv');
          if (res.status === 201) importId = res.body.importId;
          return res;
        },
        // Another provider gets 422 naming the row: the lesson is not its own (nothing about it is told).
        expect: { ...onlyOwnProvider(201), otherProvider: 422 },
      },
      { name: 'GET /api/v1/imports/:id', mutates: false, call: (c) => c.get(`/api/v1/imports/${importId}`), expect: onlyOwnProvider(200) },
      {
        name: 'POST /api/v1/attendance-batches',
        mutates: true,
        group: 'member',
        call: (c, f) => c.request('POST', '/api/v1/attendance-batches', { items: [{ lessonId: f.lessonId, participantId: f.participantId, present: false, calledIn: true }] }, { 'idempotency-key': `k-${f.participantId}` }),
        expect: { ...onlyOwnProvider(201), otherProvider: 422 },
      },
    ];
  })(),
  // Issue #10 item 5, the homes: the lessons of a period in the room (counts, no names; test/homes.int.test.ts),
  // the pending steps counted per kind (each room its own counts) and the aggregate figures.
  {
    name: 'GET /api/v1/lessons',
    mutates: false,
    group: 'absent',
    call: (c) => c.get('/api/v1/lessons?from=2026-12-01&to=2026-12-31'),
    contains: (b, f) => b.items.some((l: { id: string }) => l.id === f.lessonId),
    expect: { ...onlyOwnProvider('visible'), otherProvider: 'hidden', teacher: 'hidden' },
  },
  { name: 'GET /api/v1/signal-counts', mutates: false, call: (c) => c.get('/api/v1/signal-counts'), expect: everyone(200) },
  { name: 'GET /api/v1/figures', mutates: false, call: (c) => c.get('/api/v1/figures'), expect: { ...everyone(404), policyOfficer: 200, contractManager: 200 } },
  { name: 'GET /api/v1/groups/:id/lessons', mutates: false, group: 'absent', call: (c, f) => c.get(`/api/v1/groups/${f.groupId}/lessons?from=2026-12-01&to=2026-12-31`), expect: onlyOwnProvider(200) },
  // Names of the own provider's teachers only: every coordinator gets its own list (an empty room is an empty list).
  { name: 'GET /api/v1/teachers', mutates: false, call: (c) => c.get('/api/v1/teachers'), expect: { ...onlyOwnProvider(200), otherProvider: 200 } },
  // The outbox and group lists beside their exports (issue #10, R-EXC-3).
  ...listExportCases(),
  // Issue #9: OpenID Connect login is not configured in this matrix: the list is empty and every login, callback
  // and the key answer 404 to everyone (configured: test/oidc.int.test.ts).
  { name: 'GET /api/v1/oidc/providers', mutates: false, call: (c) => c.get('/api/v1/oidc/providers'), contains: (b) => b.items.length > 0, expect: { ...everyone('hidden'), anonymous: 'hidden' } },
  { name: 'GET /api/v1/oidc/jwks.json', mutates: false, call: (c) => c.get('/api/v1/oidc/jwks.json'), expect: { ...everyone(404), anonymous: 404 } },
  { name: 'GET /api/v1/oidc/:provider/login', mutates: false, call: (c) => c.get('/api/v1/oidc/staff/login'), expect: { ...everyone(404), anonymous: 404 } },
  { name: 'GET /api/v1/oidc/:provider/callback', mutates: false, call: (c) => c.get('/api/v1/oidc/digid/callback?code=x&state=y'), expect: { ...everyone(404), anonymous: 404 } },
  // Demo mode is off in these tests: the demo clock does not exist for anyone. In demo mode it is the
  // administrator's alone (issue #9): test/demo-clock.int.test.ts.
  { name: 'PUT /api/v1/demo/today', mutates: true, call: (c) => c.request('PUT', '/api/v1/demo/today', { today: '2027-01-01' }), expect: everyone(404) },
  {
    name: 'GET /api/v1/signals',
    mutates: false,
    call: (c) => c.get('/api/v1/signals?status=all'),
    contains: (b, f) => b.items.some((s: { referralId: string }) => s.referralId === f.referralId),
    expect: { ...everyone('hidden'), ownConsultant: 'visible', ownProvider: 'visible' },
  },
  { name: 'GET /api/v1/signals/export', mutates: false, call: (c) => c.get('/api/v1/signals/export?format=csv&status=all'), contains: (b, f) => String(b).includes(f.referralId), expect: { ...everyone('hidden'), ownConsultant: 'visible', ownProvider: 'visible' } },
  // Attendance rates per participant (issue #4 item 7): the municipality's own residents and the provider's
  // own participants; a teacher or a participant gets 404 (the list is not theirs). belowNorm=true keeps
  // the list short: the shared fixture's one recorded lesson is an absence (0%).
  {
    name: 'GET /api/v1/attendance-rates',
    mutates: false,
    group: 'absent',
    call: (c) => c.get('/api/v1/attendance-rates?from=2026-11-01&to=2026-12-31&belowNorm=true&pageSize=100'),
    contains: (b, f) => b.items.some((r: { participantId: string }) => r.participantId === f.participantId),
    expect: { ...onlyOwnConsultant('visible'), otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden' },
  },
  { name: 'GET /api/v1/attendance-rates/export', mutates: false, group: 'absent', call: (c) => c.get('/api/v1/attendance-rates/export?format=csv&from=2026-11-01&to=2026-12-31&belowNorm=true'), contains: (b, f) => String(b).includes(f.participantId), expect: { ...onlyOwnConsultant('visible'), otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden' } },
  // Counts only: each room its own (the fixture's numbers are checked in test/attendance-rates.int.test.ts).
  {
    name: 'GET /api/v1/attendance-rates/summary',
    mutates: false,
    group: 'absent',
    call: (c) => c.get('/api/v1/attendance-rates/summary?from=2026-11-01&to=2026-12-31'),
    expect: { ...onlyOwnConsultant(200), otherConsultant: 200, ownProvider: 200, otherProvider: 200 },
  },
  // Groups, lessons and attendance (issue #4). The matrix's teacher teaches no group of the fixture:
  // it must see nothing (test/groups.int.test.ts covers the teacher of the group).
  { name: 'POST /api/v1/groups', mutates: true, call: (c) => c.post('/api/v1/groups', aGroup()), expect: { ...onlyOwnProvider(201), otherProvider: 201 } },
  { name: 'GET /api/v1/groups/:id', mutates: false, group: 'absent', call: (c, f) => c.get(`/api/v1/groups/${f.groupId}`), expect: onlyOwnProvider(200) },
  {
    name: 'POST /api/v1/groups/:id/members',
    mutates: true,
    group: 'empty',
    call: (c, f) => c.post(`/api/v1/groups/${f.groupId}/members`, { participantId: f.participantId, referralId: f.referralId, from: '2026-12-01', literacy: 'literate' }),
    expect: onlyOwnProvider(201),
  },
  {
    name: 'POST /api/v1/groups/:id/members/:participantId/move',
    mutates: true,
    group: 'member',
    call: (c, f) => c.post(`/api/v1/groups/${f.groupId}/members/${f.participantId}/move`, { toGroupId: f.otherGroupId, on: '2026-12-10' }),
    expect: onlyOwnProvider(200),
  },
  {
    name: 'POST /api/v1/groups/:id/lessons/generate',
    mutates: true,
    group: 'member',
    call: (c, f) => c.post(`/api/v1/groups/${f.groupId}/lessons/generate`, { from: '2026-12-01', to: '2026-12-14' }),
    expect: onlyOwnProvider(200),
  },
  { name: 'PATCH /api/v1/lessons/:id', mutates: true, group: 'member', call: (c, f) => c.request('PATCH', `/api/v1/lessons/${f.lessonId}`, { cancelledByProvider: true }), expect: onlyOwnProvider(200) },
  // The consultant reads the lesson of its resident (to judge absence); the roster shows only its own.
  { name: 'GET /api/v1/lessons/:id', mutates: false, group: 'absent', call: (c, f) => c.get(`/api/v1/lessons/${f.lessonId}`), expect: { ...onlyOwnProvider(200), ownConsultant: 200 } },
  {
    name: 'PUT /api/v1/lessons/:id/attendance',
    mutates: true,
    group: 'member',
    call: (c, f) => c.request('PUT', `/api/v1/lessons/${f.lessonId}/attendance`, [{ participantId: f.participantId, present: false, calledIn: true, reason: 'illness' }]),
    expect: onlyOwnProvider(200),
  },
  {
    name: 'GET /api/v1/participants/:id/attendance',
    mutates: false,
    group: 'absent',
    call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/attendance`),
    expect: { ...onlyOwnConsultant(200), ownProvider: 200, self: 200 },
  },
  {
    name: 'POST /api/v1/attendance/:lessonId/:participantId/classification',
    mutates: true,
    group: 'absent',
    call: (c, f) => c.post(`/api/v1/attendance/${f.lessonId}/${f.participantId}/classification`, { classification: 'unauthorised' }),
    expect: onlyOwnConsultant(200),
  },
  // Hours (issue #4 item 6): only the own provider pushes; everyone who reads the participant reads its hours.
  {
    name: 'POST /api/v1/hours-batches',
    mutates: true,
    call: (c, f) => c.request('POST', '/api/v1/hours-batches', { items: [{ externalId: `h-${f.participantId}`, participantId: f.participantId, referralId: f.referralId, date: '2026-12-20', kind: 'internship', minutes: 60 }] }, { 'idempotency-key': `h-${f.participantId}` }),
    expect: { ...onlyOwnProvider(201), otherProvider: 422 },
  },
  // Issue #5's progress, issue #11's invoicing API and issue #13's reports (test/support/more-cases.ts).
  ...moreCases(),
  ...participationFamilyCases(), // issue #12, test/support/participation-family-cases.ts
  {
    name: 'GET /api/v1/participants/:id/hours',
    mutates: false,
    group: 'absent',
    call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/hours`),
    expect: { ...onlyOwnConsultant(200), ownProvider: 200, self: 200, teacher: 404 },
  },
];

function aGroup(over: Record<string, unknown> = {}) {
  return {
    name: 'B1 ochtend',
    levelBand: 'a2b1',
    literacy: 'literate',
    location: 'Hoorn',
    schedule: [{ weekday: 2, startTime: '09:00', minutes: 180, kind: 'language' }],
    activeFrom: '2026-11-01',
    ...over,
  };
}

describe(`isolation matrix on ${DB_KIND}`, () => {
  let t: TestKoers;
  const clients = new Map<Actor, Client>();
  let owner: Client;
  let shared: Fixture;
  let deepShared: Fixture;
  let groupShared: Fixture;

  /** The fixture participant in a Taalpunt group, with a lesson on Tuesday 1 December 2026. */
  async function groupFixture(kind: 'empty' | 'member' | 'absent', base?: Fixture): Promise<Fixture> {
    const f = base ?? (await fixture());
    const coordinator = clients.get('ownProvider') ?? owner;
    const must = async (res: Promise<{ status: number; body: any }>, status: number) => {
      const r = await res;
      if (r.status !== status) throw new Error(`group fixture: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const group = await must(coordinator.post('/api/v1/groups', aGroup()), 201);
    const other = await must(coordinator.post('/api/v1/groups', aGroup({ name: 'B1 middag' })), 201);
    const lessons = await must(coordinator.post(`/api/v1/groups/${group.id}/lessons/generate`, { from: '2026-12-01', to: '2026-12-07' }), 200);
    const out: Fixture = { ...f, groupId: group.id, otherGroupId: other.id, lessonId: lessons.lessons[0].id };
    if (kind === 'empty') return out;
    await must(coordinator.post(`/api/v1/groups/${group.id}/members`, { participantId: f.participantId, referralId: f.referralId, from: '2026-11-01', literacy: 'literate' }), 201);
    if (kind === 'member') return out;
    await must(coordinator.request('PUT', `/api/v1/lessons/${out.lessonId}/attendance`, [{ participantId: f.participantId, present: false, calledIn: false }]), 200);
    return out;
  }

  async function fixture(): Promise<Fixture> {
    const bsn = aBsn();
    const res = await owner.post('/api/v1/participants', aParticipantInput({ bsn, referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    if (res.status !== 201) throw new Error(`fixture: ${res.status} ${JSON.stringify(res.body)}`);
    const referralId: string = res.body.referrals[0].id;
    const signal = await t.koers.db.query<{ id: string }>('SELECT id FROM signal WHERE subject_id = $1', [referralId]);
    return { participantId: res.body.id, referralId, signalId: signal[0]?.id ?? '', bsn };
  }

  /** A referral advanced to an approved plan; with `upload`, a signed copy stored as well. */
  async function deepFixture(upload: boolean): Promise<Fixture> {
    const f = await fixture();
    const coordinator = clients.get('ownProvider') ?? owner;
    const stepAs = async (c: Client, body: Record<string, unknown>) => {
      const { lockVersion } = (await c.get(`/api/v1/referrals/${f.referralId}`)).body;
      const res = await c.post(`/api/v1/referrals/${f.referralId}/events`, { lockVersion, ...body });
      if (res.status !== 200) throw new Error(`deep fixture ${String(body.type)}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    await stepAs(coordinator, { type: 'acknowledged' });
    // The intake lies on the referral's day or after it (fact-dates.ts): today, when the fixture is made.
    await stepAs(coordinator, { type: 'intakeInvited', intakeDate: t.clock.today(), location: 'Hoorn' });
    await stepAs(coordinator, { type: 'intakeHeld', heldOn: t.clock.today(), regularStartInTime: true });
    await stepAs(coordinator, { type: 'planSubmitted', content: aLearningPlan() });
    const approved = await stepAs(owner, { type: 'planApproved', planVersion: 1 });
    const deep: Fixture = { ...f, planId: approved.learningPlans[0].id, lockVersion: approved.lockVersion };
    if (!upload) return deep;
    const doc = await coordinator.upload(`/api/v1/referrals/${f.referralId}/signed-learning-plan?lockVersion=${approved.lockVersion}`, A_PDF);
    if (doc.status !== 201) throw new Error(`deep fixture upload: ${doc.status}`);
    return { ...deep, documentId: doc.body.id };
  }

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-12-01' });
    invoicingKoers.current = t.koers;
    owner = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    shared = await fixture();
    const other = await Client.loggedIn(t, await aUser(t, 'consultant', 'enkhuizen'));
    const otherP = await other.post('/api/v1/participants', aParticipantInput());
    clients.set('ownConsultant', owner);
    clients.set('otherConsultant', other);
    clients.set('policyOfficer', await Client.loggedIn(t, await aUser(t, 'policyOfficer', 'hoorn')));
    clients.set('ownProvider', await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland')));
    clients.set('otherProvider', await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord')));
    clients.set('teacher', await Client.loggedIn(t, await aUser(t, 'teacher', 'taalpunt-westfriesland')));
    clients.set('contractManager', await Client.loggedIn(t, await aUser(t, 'contractManager', 'westfriesland')));
    clients.set('self', await Client.loggedIn(t, await aUser(t, 'participant', undefined, shared.participantId)));
    clients.set('otherParticipant', await Client.loggedIn(t, await aUser(t, 'participant', undefined, otherP.body.id)));
    clients.set('admin', await Client.loggedIn(t, await aUser(t, 'admin')));
    clients.set('anonymous', new Client(t.url));
    // The shared referral is overdue: a signal exists for the signal rows of the matrix.
    t.clock.setToday('2026-12-20');
    await owner.post('/api/v1/participants', aParticipantInput()); // any change runs the engine
    deepShared = await deepFixture(true);
    // The shared participant (whom 'self' is) placed in a group with an absence recorded.
    groupShared = await groupFixture('absent', shared);
  });
  afterAll(async () => {
    await t?.stop();
  });

  for (const c of CASES) {
    describe(c.name, () => {
      for (const actor of ACTORS) {
        const expected = c.expect[actor];
        it(`${actor} → ${String(expected)}`, async () => {
          const client = clients.get(actor);
          if (client === undefined) throw new Error(`no client for ${actor}`);
          const base = c.group !== undefined ? (c.mutates ? await groupFixture(c.group) : groupShared) : c.mutates ? (c.deep === true ? await deepFixture(false) : await fixture()) : c.deep === true ? deepShared : shared;
          const f = c.prepare === undefined ? base : await c.prepare(base, (a) => clients.get(a) ?? owner);
          const before = await snapshot(t);
          const res = await c.call(client, f);
          if (expected === 'visible' || expected === 'hidden') {
            expect(res.status).toBe(200);
            expect(c.contains?.(res.body, f)).toBe(expected === 'visible');
          } else {
            expect(res.status).toBe(expected);
          }
          if (res.status >= 400) {
            expect(res.headers.get('content-type')).toContain('application/problem+json');
            expect(await snapshot(t)).toEqual(before);
          }
        });
      }
    });
  }

  it('every API route of the server is covered by this matrix (a new endpoint must be added here)', () => {
    const covered = new Set(CASES.map((c) => c.name));
    const publicRoutes = new Set(['POST /api/v1/sessions', 'DELETE /api/v1/sessions/current', 'GET /api/health', 'GET /api/ready', 'GET /api/v1/openapi.json', 'GET /api/v1/demo-accounts']);
    const missing = listApiRoutes(t).filter((r) => !covered.has(r) && !publicRoutes.has(r));
    expect(missing).toEqual([]);
  });
});

/** "METHOD /url" for every /api route the server has registered. */
function listApiRoutes(t: TestKoers): string[] {
  return declaredRoutes(t.koers.server).map((r) => `${r.method} ${r.url}`);
}
