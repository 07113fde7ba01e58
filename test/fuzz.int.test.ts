// Issue #9: the fuzz suite. Reads /api/v1/openapi.json from a real Koers and, for EVERY operation,
// sends generated requests (fast-check, test/support/fuzz-arbitraries.ts): valid bodies and broken ones
// (wrong types, missing and extra fields, huge strings, NUL, unicode, out-of-range numbers and dates,
// malformed JSON), path and query values (real ids, random uuids, garbage, encoded characters), as an
// actor the route permits, with real fixtures so most requests reach the handlers. The bar: no 5xx, and
// every 4xx is application/problem+json (Dutch API Design Rules; R-SEC-1 for the 404s).
// KOERS_FUZZ_RUNS=1000 is the release size; KOERS_FUZZ_SEED repeats a run. By default 50 per operation on
// PGlite (issue #9's bar for npm test) and 15 on PostgreSQL: the handlers, schemas and checks are the same
// code on both, and what only PostgreSQL can refuse (a type or range its parser rejects) shows in the
// first runs. 207 operations × 50 took about 3 minutes per database, a sixth of the suite's budget.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { Roles, roleHasPermission, type Permission, type Role } from '../src/platform/access.js';
import { declaredRoutes } from '../src/platform/http/server.js';
import { malformedJson, nasty, nastyString, paramValue, valid, type Hints, type JsonSchema } from './support/fuzz-arbitraries.js';
import { HEADER } from './support/import-fixtures.js';
import { A_PDF, aLearningPlan, aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers, type TestUser } from './support/koers.js';

const RUNS = Number(process.env.KOERS_FUZZ_RUNS ?? (DB_KIND === 'postgres' ? 15 : 50));
const SEED = process.env.KOERS_FUZZ_SEED !== undefined ? Number(process.env.KOERS_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const TODAY = '2026-12-23';
const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const HOORN = organisationId('municipality', 'hoorn');

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  /** "POST /api/v1/referrals/:id/events", as in declaredRoutes. */
  name: string;
  method: string;
  /** "/api/v1/referrals/{id}/events", as in the OpenAPI document. */
  path: string;
  permission: Permission | 'public';
  parameters: Parameter[];
  body: { type: string; schema: JsonSchema } | undefined;
}
interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** What was broken, for the report. */
  note: string;
}

// The role that acts for a permission: the first in this order that holds it. The coordinator and the
// consultant own the fixtures below, so their requests reach real rows.
const ROLE_ORDER: readonly Role[] = ['providerCoordinator', 'consultant', 'admin', 'teacher', 'participant', 'policyOfficer', 'privacyOfficer', 'contractManager', 'providerSystem'];

function actorFor(permission: Permission | 'public'): Role | 'anonymous' {
  if (permission === 'public') return 'anonymous';
  const role = ROLE_ORDER.find((r) => roleHasPermission(r, permission));
  if (role === undefined) throw new Error(`no role holds ${permission}`);
  return role;
}

/** Which pool of real ids a path parameter draws from: `:participantId`, or `:id` after /groups/ … */
const SEGMENT_IDS: Record<string, string> = {
  participants: 'participantId',
  referrals: 'referralId',
  signals: 'signalId',
  'learning-plans': 'learningPlanId',
  documents: 'documentId',
  groups: 'groupId',
  lessons: 'lessonId',
  imports: 'importId',
  'progress-reports': 'reportId',
  'scaling-requests': 'scalingId',
  'exam-attempts': 'examId',
  'api-keys': 'apiKeyId',
};

function idKey(path: string, param: string): string {
  if (param !== 'id') return param;
  const segments = path.split('/');
  const before = segments[segments.indexOf('{id}') - 1] ?? '';
  return SEGMENT_IDS[before] ?? 'id';
}

/** Path values: mostly a real id, else a random uuid or garbage (encoded, or raw where a client could). */
function pathValue(op: Operation, p: Parameter, hints: Hints): fc.Arbitrary<{ value: string; broken: boolean }> {
  const pool = hints.ids[idKey(op.path, p.name)] ?? [];
  const real = pool.length > 0 ? fc.constantFrom(...pool) : fc.uuid();
  return fc.oneof(
    { weight: 6, arbitrary: real.map((value) => ({ value, broken: false })) },
    { weight: 1, arbitrary: fc.uuid().map((value) => ({ value, broken: false })) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          nastyString.filter((s) => s.length > 0 && s.length < 3000).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '?'))),
          fc.constantFrom('0', '-1', '2147483648', 'null', '%2e%2e', '..%2F..', '%00', '%2F', 'a%20b', '%C3%A9', 'x'.repeat(2000), '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
        )
        .map((value) => ({ value, broken: true })),
    },
  );
}

function toUrlPath(op: Operation, values: Record<string, string>): string {
  return op.path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? '');
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** JSON bodies: valid, one place broken, malformed text, or a content type that is not JSON. */
function jsonBody(schema: JsonSchema, hints: Hints): fc.Arbitrary<{ body: Uint8Array | undefined; contentType: string | undefined; note: string }> {
  return fc.oneof(
    { weight: 4, arbitrary: valid(schema, hints).map((v) => ({ body: utf8(JSON.stringify(v)), contentType: 'application/json', note: 'valid body' })) },
    { weight: 5, arbitrary: nasty(schema, hints).map((n) => ({ body: utf8(JSON.stringify(n.value) ?? 'null'), contentType: 'application/json', note: `body ${n.mutation} at "${n.at}"` })) },
    { weight: 1, arbitrary: malformedJson.map((text) => ({ body: utf8(text), contentType: 'application/json', note: 'malformed JSON' })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(valid(schema, hints), fc.constantFrom('application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', undefined))
        .map(([v, contentType]) => ({ body: utf8(JSON.stringify(v)), contentType, note: `content type ${String(contentType)}` })),
    },
    { weight: 1, arbitrary: fc.constant({ body: undefined, contentType: 'application/json', note: 'no body' }) },
  );
}

/** The signed learning plan (raw PDF body): a real PDF, other bytes, other types, an odd file name. */
function pdfBody(): fc.Arbitrary<{ body: Uint8Array | undefined; contentType: string | undefined; note: string }> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.uint8Array({ maxLength: 200 }).map((tail) => ({ body: new Uint8Array([...A_PDF, ...tail]), contentType: 'application/pdf', note: 'a PDF' })) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((body) => ({ body, contentType: 'application/pdf', note: 'random bytes as PDF' })) },
    { weight: 1, arbitrary: fc.constantFrom('application/octet-stream', 'text/plain', 'application/json', 'multipart/form-data; boundary=x', undefined).map((contentType) => ({ body: new Uint8Array(A_PDF), contentType, note: `PDF as ${String(contentType)}` })) },
    { weight: 1, arbitrary: fc.constant({ body: new Uint8Array(0), contentType: 'application/pdf', note: 'empty body' }) },
  );
}

/** An attendance import (raw CSV or XLSX body): the template's header with real and broken rows. */
function importBody(hints: Hints): fc.Arbitrary<{ body: Uint8Array | undefined; contentType: string | undefined; note: string }> {
  const cell = fc.oneof(nastyString.filter((s) => s.length < 200), fc.constantFrom('ja', 'nee', '60', '-1', '2147483648', '', '2026-12-01', '0000-01-01', '09:00'));
  const id = (key: string) => fc.oneof(fc.constantFrom(...(hints.ids[key] ?? ['x'])), fc.uuid(), cell);
  const row = fc.tuple(id('lessonId'), fc.oneof(fc.constant('2026-12-01'), cell), fc.oneof(fc.constant('09:00'), cell), id('participantId'), cell, cell, fc.constantFrom('ja', 'nee', 'x'), cell, cell, fc.constantFrom('ja', 'nee', ''));
  const csv = fc.tuple(fc.constantFrom(HEADER, HEADER.replace(/;/g, ','), 'a;b;c', ''), fc.array(row, { maxLength: 6 })).map(([head, rows]) => [head, ...rows.map((r) => r.map((c) => c.replace(/[;\n\r"]/g, ' ')).join(';'))].join('\n'));
  return fc.oneof(
    { weight: 4, arbitrary: csv.map((text) => ({ body: utf8(text), contentType: 'text/csv', note: 'CSV' })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }).map((body) => ({ body, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', note: 'random bytes as XLSX' })) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 500 }).map((body) => ({ body, contentType: 'text/csv', note: 'random bytes as CSV' })) },
    { weight: 1, arbitrary: fc.constantFrom('application/json', 'text/plain', 'application/octet-stream', undefined).chain((contentType) => csv.map((text) => ({ body: utf8(text), contentType, note: `CSV as ${String(contentType)}` }))) },
  );
}

/** Header values must be bytes 0x20..0x7e for fetch; the broken ones are empty, huge or odd. */
function headerValue(p: Parameter): fc.Arbitrary<string | undefined> {
  const printable = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.%'.split('')), minLength: 1, maxLength: 60 });
  if (p.name === 'x-file-name') {
    return fc.oneof(
      fc.string({ maxLength: 80 }).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '?'))),
      fc.constantFrom('scan-123456782.pdf', 'scan-4970.64.960.pdf', '..%2F..%2Fetc%2Fpasswd', '%00.pdf', '%E0%A4%A', '%', 'a'.repeat(1500), undefined),
    );
  }
  return fc.oneof({ weight: 4, arbitrary: printable }, { weight: 1, arbitrary: fc.constantFrom('', ' ', 'a'.repeat(200), '%00', undefined) });
}

function requestArb(op: Operation, hints: Hints): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const headerParams = op.parameters.filter((p) => p.in === 'header');
  const path = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathValue(op, p, hints)])));
  const brokenQuery = fc.boolean();
  const query = brokenQuery.chain((broken) =>
    fc
      .tuple(
        fc.record(Object.fromEntries(queryParams.map((p) => [p.name, p.required === true && !broken ? paramValue(p.schema, hints, p.name, broken) : fc.option(paramValue(p.schema, hints, p.name, broken), { freq: 3, nil: undefined })])) as Record<string, fc.Arbitrary<string | undefined>>),
        broken ? fc.option(fc.tuple(nastyString.filter((s) => s.length < 50), nastyString.filter((s) => s.length < 200)), { nil: undefined }) : fc.constant(undefined),
      )
      .map(([values, extra]) => ({ values, extra, broken })),
  );
  const headers = fc.record(Object.fromEntries(headerParams.map((p) => [p.name, headerValue(p)])));
  const none = fc.constant({ body: undefined as Uint8Array | undefined, contentType: undefined as string | undefined, note: '' });
  const body = op.body === undefined ? none : op.body.type === 'application/json' ? jsonBody(op.body.schema, hints) : op.name.includes('signed-learning-plan') ? pdfBody() : importBody(hints);
  return fc.tuple(path, query, headers, body).map(([p, q, h, b]) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(q.values)) if (v !== undefined) search.append(k, v.replace(/[\ud800-\udfff]/g, '?'));
    if (q.extra !== undefined) search.append(q.extra[0].replace(/[\ud800-\udfff]/g, '?'), q.extra[1].replace(/[\ud800-\udfff]/g, '?'));
    const qs = search.toString();
    const headerValues: Record<string, string> = {};
    for (const [k, v] of Object.entries(h)) if (v !== undefined) headerValues[k] = v;
    if (b.contentType !== undefined && b.body !== undefined) headerValues['content-type'] = b.contentType;
    const brokenPath = Object.entries(p).filter(([, v]) => v.broken).map(([k]) => k);
    const notes = [b.note, brokenPath.length > 0 ? `path ${brokenPath.join(',')} broken` : '', q.broken && queryParams.length > 0 ? 'query broken' : ''].filter((n) => n !== '');
    return {
      method: op.method,
      url: toUrlPath(op, Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.value]))) + (qs === '' ? '' : `?${qs}`),
      headers: headerValues,
      ...(b.body !== undefined ? { body: b.body } : {}),
      note: notes.join('; ') || 'valid',
    };
  });
}

/** Every operation of the OpenAPI document with its declared permission; none may be missing. */
function operationsOf(doc: { paths: Record<string, Record<string, any>> }, routes: { method: string; url: string; permission: Permission | 'public' }[]): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      const route = routes.find((r) => r.method === method.toUpperCase() && r.url === url);
      if (route === undefined) throw new Error(`${method.toUpperCase()} ${path} has no declared route`);
      const content = (op.requestBody?.content ?? {}) as Record<string, { schema?: JsonSchema }>;
      const type = Object.keys(content)[0];
      out.push({
        name: `${route.method} ${route.url}`,
        method: route.method,
        path,
        permission: route.permission,
        parameters: (op.parameters ?? []) as Parameter[],
        body: type !== undefined ? { type, schema: content[type]?.schema ?? {} } : route.url.endsWith('/signed-learning-plan') || route.url.endsWith('/imports/attendance') ? { type: 'raw', schema: {} } : undefined,
      });
    }
  }
  return out;
}

function report(op: Operation, actor: string, req: FuzzRequest, res: { status: number; headers: Headers; text: string }): string {
  const body = req.body === undefined ? '' : new TextDecoder().decode(req.body.subarray(0, 600));
  return [
    `${op.name} as ${actor} (${req.note})`,
    `  → ${req.method} ${req.url.slice(0, 400)}`,
    `    headers ${JSON.stringify(req.headers).slice(0, 300)}`,
    body === '' ? '' : `    body ${JSON.stringify(body)}${req.body !== undefined && req.body.length > 600 ? ` … (${req.body.length} bytes)` : ''}`,
    `  ← ${res.status} ${res.headers.get('content-type') ?? '(no content type)'} ${res.text.slice(0, 400)}`,
  ]
    .filter((l) => l !== '')
    .join('\n');
}

// vitest collects the tests before any hook runs, and there is one test per operation: the server is
// started and its OpenAPI document read while the file is collected.
const t: TestKoers = await startTestKoers({ today: TODAY });
const operations: Operation[] = operationsOf(
  (await new Client(t.url).get('/api/v1/openapi.json')).body,
  declaredRoutes(t.koers.server).filter((r) => r.url !== '/api/v1/openapi.json'),
);
// Logging out is fuzzed first: each of its cases logs in anew, and the login throttle's cap per address
// (src/domain/login-throttle.ts) would refuse those logins once the fuzzed logins, second-factor codes
// and password changes have failed from this address. The fuzzed logins themselves go last.
const FIRST = ['DELETE /api/v1/sessions/current'];
const LAST = ['POST /api/v1/sessions'];
const ORDERED = [
  ...operations.filter((o) => FIRST.includes(o.name)),
  ...operations.filter((o) => !FIRST.includes(o.name) && !LAST.includes(o.name)),
  ...operations.filter((o) => LAST.includes(o.name)),
];

describe(`fuzz suite on ${DB_KIND} (${RUNS} runs per operation, seed ${SEED})`, () => {
  let hints: Hints;
  const users = new Map<Role, TestUser>();
  const clients = new Map<Role | 'anonymous', Client>();
  const totals = { requests: 0, status5xx: 0, notProblem: 0, byClass: new Map<string, number>() };
  const started = Date.now();

  const must = async (res: Promise<{ status: number; body: any }>, status: number, what: string) => {
    const r = await res;
    if (r.status !== status) throw new Error(`fuzz fixture ${what}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  beforeAll(async () => {
    for (const role of Roles) if (role !== 'participant' && role !== 'providerSystem') users.set(role, await aUser(t, role));
    const consultant = await Client.loggedIn(t, users.get('consultant')!);
    const coordinator = await Client.loggedIn(t, users.get('providerCoordinator')!);
    const ids: Record<string, string[]> = { participantId: [], referralId: [], providerId: [TAALPUNT], municipalityId: [HOORN], teacherUserId: [users.get('teacher')!.id] };
    const add = (key: string, id: string | undefined) => {
      if (id !== undefined) (ids[key] ??= []).push(id);
    };

    // Three participants referred to Taalpunt: one with an approved, signed plan, one acknowledged, one new.
    for (let i = 0; i < 3; i++) {
      const p = await must(consultant.post('/api/v1/participants', aParticipantInput({ referral: { providerId: TAALPUNT, productCode: 'b1_language' } })), 201, 'participant');
      add('participantId', p.id);
      add('referralId', p.referrals[0].id);
    }
    const [deep, acked] = ids.referralId as [string, string];
    const step = async (c: Client, referralId: string, body: Record<string, unknown>) => {
      const { lockVersion } = await must(c.get(`/api/v1/referrals/${referralId}`), 200, 'referral');
      return must(c.post(`/api/v1/referrals/${referralId}/events`, { lockVersion, ...body }), 200, String(body.type));
    };
    await step(coordinator, acked, { type: 'acknowledged' });
    await step(coordinator, deep, { type: 'acknowledged' });
    await step(coordinator, deep, { type: 'intakeInvited', intakeDate: TODAY, location: 'Hoorn' });
    await step(coordinator, deep, { type: 'intakeHeld', heldOn: TODAY, regularStartInTime: true });
    await step(coordinator, deep, { type: 'planSubmitted', content: aLearningPlan() });
    const approved = await step(consultant, deep, { type: 'planApproved', planVersion: 1 });
    add('learningPlanId', approved.learningPlans[0].id);
    const doc = await must(coordinator.upload(`/api/v1/referrals/${deep}/signed-learning-plan?lockVersion=${approved.lockVersion}`, A_PDF), 201, 'upload');
    add('documentId', doc.id);

    // A group with lessons, two members and an absence; a second group to move to.
    const [p1, p2] = ids.participantId as [string, string];
    const groupBody = { name: 'B1 ochtend', levelBand: 'a2b1', literacy: 'literate', location: 'Hoorn', teacherUserId: users.get('teacher')!.id, schedule: [{ weekday: 2, startTime: '09:00', minutes: 180, kind: 'language' }], activeFrom: '2026-11-01' };
    const group = await must(coordinator.post('/api/v1/groups', groupBody), 201, 'group');
    const other = await must(coordinator.post('/api/v1/groups', { ...groupBody, name: 'B1 middag' }), 201, 'group');
    add('groupId', group.id);
    add('groupId', other.id);
    ids.toGroupId = ids.groupId!;
    const lessons = await must(coordinator.post(`/api/v1/groups/${group.id}/lessons/generate`, { from: '2026-11-01', to: '2026-12-22' }), 200, 'lessons');
    for (const l of lessons.lessons as { id: string }[]) add('lessonId', l.id);
    await must(coordinator.post(`/api/v1/groups/${group.id}/members`, { participantId: p1, referralId: deep, from: '2026-11-01', literacy: 'literate' }), 201, 'member');
    await must(coordinator.post(`/api/v1/groups/${group.id}/members`, { participantId: p2, referralId: acked, from: '2026-11-01', literacy: 'literate' }), 201, 'member');
    await must(coordinator.request('PUT', `/api/v1/lessons/${ids.lessonId![0]}/attendance`, [{ participantId: p1, present: false, calledIn: false }, { participantId: p2, present: true, calledIn: false }]), 200, 'attendance');
    const batch = await must(coordinator.request('POST', '/api/v1/attendance-batches', { items: [{ lessonId: ids.lessonId![1], participantId: p1, present: true, calledIn: false }] }, { 'idempotency-key': 'fuzz-fixture' }), 201, 'batch');
    add('importId', batch.importId);

    // Progress: a report, a scaling request, an exam attempt; an API key; the signals the engine raised.
    add('reportId', (await must(coordinator.post(`/api/v1/participants/${p1}/progress-reports`, { kind: 'progress' }), 201, 'report')).id);
    add('reportId', (await must(coordinator.post(`/api/v1/participants/${p2}/progress-reports`, { kind: 'final' }), 201, 'report')).id);
    add('scalingId', (await must(coordinator.post(`/api/v1/participants/${p1}/scaling-requests`, { skill: 'writing', direction: 'down', toLevel: 'A2', reason: 'Stagnatie.' }), 201, 'scaling')).id);
    add('examId', (await must(coordinator.post(`/api/v1/participants/${p1}/exam-attempts`, { part: 'knm', level: 'A2', registeredOn: '2026-12-20' }), 201, 'exam')).id);
    add('apiKeyId', (await must(coordinator.post('/api/v1/api-keys', { name: 'Fuzz-koppeling' }), 201, 'api key')).id);
    for (const s of await t.koers.db.query<{ id: string }>('SELECT id FROM signal')) add('signalId', s.id);
    hints = { ids, today: TODAY };

    users.set('participant', await aUser(t, 'participant', undefined, p1));
    for (const [role, user] of users) clients.set(role, role === 'consultant' ? consultant : role === 'providerCoordinator' ? coordinator : await Client.loggedIn(t, user));
    clients.set('anonymous', new Client(t.url));
  });

  afterAll(async () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const classes = [...totals.byClass].sort().map(([k, n]) => `${n} × ${k}`).join(', ');
    console.log(`fuzz on ${DB_KIND}: ${totals.requests} requests over ${operations.length} operations, ${totals.status5xx} × 5xx, ${totals.notProblem} × 4xx without problem+json (${classes}) in ${seconds} s, seed ${SEED}`);
    await t.stop();
  });

  it('fuzzes every operation of the API (the document lists every declared route)', () => {
    const declared = declaredRoutes(t.koers.server).filter((r) => r.url !== '/api/v1/openapi.json').map((r) => `${r.method} ${r.url}`);
    expect(operations.map((o) => o.name).sort()).toEqual(declared.sort());
    expect(operations.length).toBeGreaterThan(60);
  });

  // One test per operation, so a failure names its operation.
  for (const [index, op] of ORDERED.entries()) {
    const name = op.name;
    it(name, { timeout: Math.max(60_000, RUNS * 400) }, async () => {
      const role = actorFor(op.permission);
      const failures: string[] = [];
      const opStarted = Date.now();
      let sent = 0;
      let broken = 0;
      await fc.assert(
        fc.asyncProperty(requestArb(op, hints), async (req) => {
          // Logging out ends the session: that operation gets a fresh one every time.
          const client = name === 'DELETE /api/v1/sessions/current' && role !== 'anonymous' ? await Client.loggedIn(t, users.get(role)!) : clients.get(role)!;
          const headers = { origin: t.url, 'sec-fetch-site': 'same-origin', ...req.headers };
          const res = await client.request(req.method, req.url, req.body, headers);
          sent++;
          totals.requests++;
          const klass = `${String(res.status).slice(0, 1)}xx`;
          totals.byClass.set(klass, (totals.byClass.get(klass) ?? 0) + 1);
          const contentType = res.headers.get('content-type') ?? '';
          const text = typeof res.body === 'string' ? res.body : (JSON.stringify(res.body) ?? '');
          if (res.status >= 500) totals.status5xx++;
          const problem = res.status >= 400 && res.status < 500 && !contentType.includes('application/problem+json');
          if (problem) totals.notProblem++;
          if (res.status >= 500 || problem) broken++;
          if ((res.status >= 500 || problem) && failures.length < 5) failures.push(report(op, role, req, { status: res.status, headers: res.headers, text }));
          return true;
        }),
        // Each operation its own stream of cases, all repeatable from the one seed.
        { numRuns: RUNS, seed: SEED + index, endOnFailure: true },
      );
      if (process.env.KOERS_FUZZ_VERBOSE === '1') process.stderr.write(`${name}: ${sent} requests as ${role}, ${broken} failing, ${Date.now() - opStarted} ms\n`);
      expect(sent).toBe(RUNS);
      if (broken > 0) throw new Error(`${broken} of ${sent} answers broke the bar (no 5xx, every 4xx problem+json); the first ${failures.length}:\n${failures.join('\n')}`);
    });
  }
});
