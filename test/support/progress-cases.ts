// Isolation cases of issue #5 (and the API keys of issue #4): progress, reports, scaling, exams and
// route events (R-HRS-4, R-HRS-5, R-LVL-1, R-LVL-2, R-LVL-3, R-LVL-4, R-RTE-1, R-RTE-2, R-RTE-3,
// R-RTE-4, R-END-1, R-END-2). Spread into the matrix of test/isolation.int.test.ts.
import type { Client } from './koers.js';
import { onlyOwnConsultant, onlyOwnProvider, type Actor, type Case, type Expect, type Fixture } from './matrix.js';

// Issue #5: progress, reports, scaling, exams and route events (R-HRS-4, R-HRS-5, R-LVL-1, R-LVL-2,
// R-LVL-3, R-LVL-4, R-RTE-1, R-RTE-2, R-RTE-3, R-RTE-4, R-END-1, R-END-2). Reports and decisions are
// made by the own parties in prepare; drafts are the provider's only.
export function progressCases(): Case[] {
  const must = async (res: Promise<{ status: number; body: any }>, status: number) => {
    const r = await res;
    if (r.status !== status) throw new Error(`progress fixture: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const filled = { expectedEndLevel: 'B1', risks: 'Weinig tijd.', interventions: 'Extra les.', goalsReached: false, explanation: 'Ziekte.', advice: 'Taalmaatje.' };
  const report = (kind: 'progress' | 'final', submit: boolean) => async (f: Fixture, as: (a: 'ownConsultant' | 'ownProvider') => Client): Promise<Fixture> => {
    const provider = as('ownProvider');
    const draft = await must(provider.post(`/api/v1/participants/${f.participantId}/progress-reports`, { kind }), 201);
    if (!submit) return { ...f, objectId: draft.id };
    const saved = await must(provider.request('PUT', `/api/v1/progress-reports/${draft.id}`, { lockVersion: draft.lockVersion, content: { ...draft.content, ...filled } }), 200);
    await must(provider.post(`/api/v1/progress-reports/${draft.id}/submission`, { lockVersion: saved.lockVersion }), 200);
    return { ...f, objectId: draft.id };
  };
  const readers = { ...onlyOwnConsultant(200), ownProvider: 200, self: 200 } as Record<Actor, Expect>;
  return [
    // API keys (issue #4 item 6): every coordinator manages its own provider's keys only.
    { name: 'GET /api/v1/api-keys', mutates: false, call: (c) => c.get('/api/v1/api-keys'), expect: { ...onlyOwnProvider(200), otherProvider: 200 } },
    { name: 'POST /api/v1/api-keys', mutates: true, call: (c) => c.post('/api/v1/api-keys', { name: `Koppeling ${Math.random()}` }), expect: { ...onlyOwnProvider(201), otherProvider: 201 } },
    {
      name: 'DELETE /api/v1/api-keys/:id',
      mutates: true,
      prepare: async (f, as) => ({ ...f, objectId: (await must(as('ownProvider').post('/api/v1/api-keys', { name: `Koppeling ${f.participantId}` }), 201)).id }),
      call: (c, f) => c.request('DELETE', `/api/v1/api-keys/${f.objectId}`),
      expect: onlyOwnProvider(200),
    },
    { name: 'GET /api/v1/participants/:id/progress', mutates: false, call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/progress`), expect: readers },
    { name: 'GET /api/v1/participants/:id/hours-statement.pdf', mutates: false, call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/hours-statement.pdf`), expect: readers },
    {
      name: 'POST /api/v1/participants/:id/levels',
      mutates: true,
      call: (c, f) => c.post(`/api/v1/participants/${f.participantId}/levels`, { skills: [{ skill: 'writing', target: 'B1', current: 'A2' }] }),
      expect: onlyOwnProvider(200),
    },
    {
      name: 'POST /api/v1/participants/:id/progress-tests',
      mutates: true,
      call: (c, f) => c.post(`/api/v1/participants/${f.participantId}/progress-tests`, { takenOn: '2026-12-20', results: { reading: 'A2', writing: 'A1', listening: 'A2', speaking: 'A2' } }),
      expect: onlyOwnProvider(201),
    },
    { name: 'POST /api/v1/participants/:id/status-override', mutates: true, call: (c, f) => c.post(`/api/v1/participants/${f.participantId}/status-override`, { status: 'onTrack', reason: 'Net begonnen.' }), expect: onlyOwnProvider(200) },
    { name: 'POST /api/v1/participants/:id/progress-reports', mutates: true, call: (c, f) => c.post(`/api/v1/participants/${f.participantId}/progress-reports`, { kind: 'progress' }), expect: onlyOwnProvider(201) },
    // A draft: only the provider that writes it.
    // (mutates: true gives each actor its own participant, so prepare's one draft per participant holds.)
    { name: 'GET /api/v1/progress-reports/:id', mutates: true, prepare: report('progress', false), call: (c, f) => c.get(`/api/v1/progress-reports/${f.objectId}`), expect: onlyOwnProvider(200) },
    {
      name: 'PUT /api/v1/progress-reports/:id',
      mutates: true,
      prepare: report('progress', false),
      call: async (c, f) => {
        const body = { lockVersion: 0, content: { attendancePercentage: null, attendanceReasons: '', wellbeing: '', scaling: '', status: 'atRisk', statusReasons: [], hoursMade: 0, testResults: { reading: null, writing: null, listening: null, speaking: null }, expectedExamDate: null, expectedEndLevel: 'B1', risks: '', interventions: '', participation: '', selfReliance: '', functionalLanguage: '', goalsReached: null, explanation: '', advice: '' } };
        return c.request('PUT', `/api/v1/progress-reports/${f.objectId}`, body);
      },
      expect: onlyOwnProvider(200),
    },
    {
      name: 'POST /api/v1/progress-reports/:id/submission',
      mutates: true,
      prepare: async (f, as) => {
        const next = await report('progress', false)(f, as);
        const draft = await must(as('ownProvider').get(`/api/v1/progress-reports/${next.objectId}`), 200);
        await must(as('ownProvider').request('PUT', `/api/v1/progress-reports/${next.objectId}`, { lockVersion: 0, content: { ...draft.content, ...filled } }), 200);
        return next;
      },
      call: (c, f) => c.post(`/api/v1/progress-reports/${f.objectId}/submission`, { lockVersion: 1 }),
      expect: onlyOwnProvider(200),
    },
    // Submitted: shared with the municipality and the participant; every download audited (test/progress.int.test.ts).
    {
      name: 'GET /api/v1/progress-reports/:id/pdf',
      mutates: false,
      // The shared participant (whom 'self' is): its one submitted report, made on first use.
      prepare: async (f, as) => {
        const overview = await must(as('ownProvider').get(`/api/v1/participants/${f.participantId}/progress`), 200);
        const done = (overview.reports as { id: string; status: string }[]).find((r) => r.status === 'submitted');
        return done === undefined ? report('progress', true)(f, as) : { ...f, objectId: done.id };
      }, call: (c, f) => c.get(`/api/v1/progress-reports/${f.objectId}/pdf`), expect: readers },
    {
      name: 'POST /api/v1/progress-reports/:id/invoice-decision',
      mutates: true,
      prepare: report('final', true),
      call: (c, f) => c.post(`/api/v1/progress-reports/${f.objectId}/invoice-decision`, { talkHeldOn: '2026-12-20', decision: 'mayNotInvoice', reason: 'Doelen niet gehaald.' }),
      expect: onlyOwnConsultant(200),
    },
    {
      name: 'POST /api/v1/participants/:id/scaling-requests',
      mutates: true,
      call: (c, f) => c.post(`/api/v1/participants/${f.participantId}/scaling-requests`, { skill: 'writing', direction: 'down', toLevel: 'A2', reason: 'Stagnatie.' }),
      expect: onlyOwnProvider(201),
    },
    {
      name: 'POST /api/v1/scaling-requests/:id/decision',
      mutates: true,
      prepare: async (f, as) => ({ ...f, objectId: (await must(as('ownProvider').post(`/api/v1/participants/${f.participantId}/scaling-requests`, { skill: 'writing', direction: 'down', toLevel: 'A2', reason: 'Stagnatie.' }), 201)).id }),
      call: (c, f) => c.post(`/api/v1/scaling-requests/${f.objectId}/decision`, { decision: 'refused', reason: 'Te weinig uren.' }),
      expect: onlyOwnConsultant(200),
    },
    {
      name: 'POST /api/v1/participants/:id/exam-attempts',
      mutates: true,
      call: (c, f) => c.post(`/api/v1/participants/${f.participantId}/exam-attempts`, { part: 'knm', level: 'A2', registeredOn: '2026-12-20' }),
      expect: onlyOwnProvider(201),
    },
    {
      name: 'PATCH /api/v1/exam-attempts/:id',
      mutates: true,
      prepare: async (f, as) => ({ ...f, objectId: (await must(as('ownProvider').post(`/api/v1/participants/${f.participantId}/exam-attempts`, { part: 'knm', level: 'A2', registeredOn: '2026-12-20' }), 201)).id }),
      call: (c, f) => c.request('PATCH', `/api/v1/exam-attempts/${f.objectId}`, { takenOn: '2026-12-20', result: 'passed' }),
      expect: onlyOwnProvider(200),
    },
    {
      name: 'POST /api/v1/participants/:id/route-events',
      mutates: true,
      call: (c, f) => c.post(`/api/v1/participants/${f.participantId}/route-events`, { type: 'onHold', on: '2026-12-20', reason: 'illness', expectedEndOn: '2027-02-01' }),
      expect: { ...onlyOwnConsultant(201), ownProvider: 201 },
    },
    // Issue #12 (R-PRT-2): the participant's timetable — whoever reads the participant's hours, the
    // participant itself too; a teacher not (as for the hours). Behaviour: test/timetable.int.test.ts.
    {
      name: 'GET /api/v1/participants/:id/timetable',
      mutates: false,
      group: 'absent',
      call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/timetable`),
      expect: { ...readers, teacher: 404 },
    },
    // Issue #12 (R-PRT-2): the approved learning plan and its signed copy (the deep fixture has both; its
    // participant is not 'self', so self gets 404 — the participant reading their own: test/my-learning-plan.int.test.ts).
    { name: 'GET /api/v1/participants/:id/learning-plan', mutates: false, deep: true, call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/learning-plan`), expect: { ...onlyOwnConsultant(200), ownProvider: 200 } },
    { name: 'GET /api/v1/participants/:id/learning-plan/signed.pdf', mutates: false, deep: true, call: (c, f) => c.get(`/api/v1/participants/${f.participantId}/learning-plan/signed.pdf`), expect: { ...onlyOwnConsultant(200), ownProvider: 200 } },
  ];
}

