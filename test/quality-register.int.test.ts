// Issue #14 (R-QLT-1, R-QLT-2, R-QLT-3, R-QLT-4): the provider quality register of the Twente covenant over
// HTTP, on PGlite and PostgreSQL — who sees which record, the 11-month mark and the conversation of 003
// art. 5.2, hoor en wederhoor before a screening's decision, the teacher norm of 003 art. 5.3 and its
// signal, the exclusion: no new referral (options and create), existing ones stay, their consultants
// signalled once, also when the scheduled run goes again. Today is Monday 1 June 2026.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { runScheduled } from '../src/features/scheduled-run.js';
import { aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';
import { aReportReferral, type BuiltReferral } from './support/report-builders.js';

const TW = 'twente';
const SCHOOL = 'taalschool-twente';
const OOST = 'nt2-centrum-oost';
const rec = (provider: string) => `/api/v1/quality/contracts/${TW}/providers/${provider}`;

describe(`the quality register on ${DB_KIND}`, () => {
  let t: TestKoers;
  let manager: Client;
  let otherManager: Client;
  let school: Client;
  let oost: Client;
  let enschede: Client;
  let outsider: Client;
  let running: BuiltReferral;
  let ended: BuiltReferral;
  const put = (c: Client, url: string, body: unknown) => c.request('PUT', url, body);
  const signals = (cause: string) =>
    t.koers.db.query<{ period: string; status: string; addressee: string; participantId: string | null; resolution: string | null }>(
      `SELECT period, status, addressee, participant_id AS "participantId", resolution FROM signal WHERE cause = $1 ORDER BY raised_on, period`,
      [cause],
    );
  const run = () => runScheduled(t.koers.db, t.koers.contracts, '2026-06-01', { crypto: t.koers.crypto, clock: t.koers.clock });

  beforeAll(async () => {
    t = await startTestKoers({ today: '2026-06-01' });
    manager = await Client.loggedIn(t, await aUser(t, 'contractManager', TW));
    otherManager = await Client.loggedIn(t, await aUser(t, 'contractManager', 'westfriesland'));
    school = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', SCHOOL));
    oost = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', OOST));
    outsider = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    const consultant = await aUser(t, 'consultant', 'enschede');
    enschede = await Client.loggedIn(t, consultant);
    const r = { db: t.koers.db, userId: consultant.id, contractId: TW };
    running = await aReportReferral(r, 'enschede', SCHOOL, 'inburgering_language', { referredOn: '2026-02-02', startedOn: '2026-03-02' });
    ended = await aReportReferral(r, 'enschede', SCHOOL, 'inburgering_language', { referredOn: '2025-02-03', endedOn: '2026-01-30' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('lets the region contract manager and the provider itself in, and no one else', async () => {
    const list = await manager.get('/api/v1/quality/providers?sort=provider');
    expect(list.status).toBe(200);
    // By name; the four others are contracts/twente.yaml's demo providers (issue #14: one in every register state in the demo).
    expect(list.body.items.map((i: { providerCode: string }) => i.providerCode)).toEqual(['inburgeringshuis-zuid', 'nt2-academie-west', OOST, 'taalpunt-noord', SCHOOL, 'taalwerkplaats-centrum']);
    expect((await otherManager.get('/api/v1/quality/providers')).body.items.some((i: { contractId: string }) => i.contractId === TW)).toBe(false);
    expect((await school.get('/api/v1/quality/providers')).body.items.map((i: { providerCode: string }) => i.providerCode)).toEqual([SCHOOL]);
    expect((await manager.get(rec(SCHOOL))).status).toBe(200);
    expect((await school.get(rec(SCHOOL))).status).toBe(200);
    for (const [c, url] of [[otherManager, rec(SCHOOL)], [oost, rec(SCHOOL)], [outsider, rec(SCHOOL)], [enschede, rec(SCHOOL)], [manager, `/api/v1/quality/contracts/${TW}/providers/taalpunt-westfriesland`], [manager, `/api/v1/quality/contracts/nope/providers/${SCHOOL}`]] as const) {
      expect((await c.get(url)).status).toBe(404);
    }
    expect((await enschede.get('/api/v1/quality/providers')).status).toBe(404);
    // The coordinator may not record a mark; the contract manager may not keep the provider's teachers.
    expect((await school.post(`${rec(SCHOOL)}/marks`, { since: '2025-01-01', validUntil: '2027-12-31' })).status).toBe(404);
    expect((await manager.post(`${rec(SCHOOL)}/teachers`, { name: 'A', qualification: 'certified', alfaSpecialised: false, registeredOn: '2026-01-01' })).status).toBe(404);
  });

  it('refuses admission on a mark of 11 months unless the conversation is recorded, and signals the young mark until then', async () => {
    // Applied without a mark on record: a concern at once (003 art. 5.1).
    expect((await manager.post(`${rec(SCHOOL)}/membership`, { state: 'applied', on: '2026-04-01' })).body.markConcern).toBe('noMark');
    const bad = await manager.post(`${rec(SCHOOL)}/marks`, { since: '2026-07-01', validUntil: '2026-06-30' });
    expect(bad.status).toBe(422);
    expect(bad.body.invalidParams[0]).toMatchObject({ name: 'validUntil' });
    const marked = await manager.post(`${rec(SCHOOL)}/marks`, { since: '2025-07-01', validUntil: '2028-06-30' });
    expect(marked.body.markConcern).toBe('markTooYoung');
    expect(await signals('quality.markConcern')).toEqual([
      expect.objectContaining({ period: `${TW}:markTooYoung:${marked.body.marks[0].id}`, status: 'open', addressee: 'contractManager', participantId: null }),
      expect.objectContaining({ period: `${TW}:noMark:none`, status: 'resolved', resolution: 'noLongerCalledFor' }),
    ]);
    const refused = await manager.post(`${rec(SCHOOL)}/membership`, { state: 'admitted', on: '2026-06-01', grounds: 'Screening zonder risico' });
    expect(refused.status).toBe(422);
    expect(refused.body.invalidParams[0]).toMatchObject({ name: 'conversationOn', code: 'markTooYoung' });
    expect(refused.body.invalidParams[0].reason).toMatch(/gesprek met de Projectgroep/);
    const admitted = await manager.post(`${rec(SCHOOL)}/membership`, { state: 'admitted', on: '2026-06-01', grounds: 'Voldoende kwaliteit aangetoond', conversationOn: '2026-05-20' });
    expect(admitted.status).toBe(200);
    expect(admitted.body).toMatchObject({ membership: { state: 'admitted', conversationOn: '2026-05-20' }, markConcern: null });
    expect(admitted.body.membershipHistory.map((m: { state: string }) => m.state)).toEqual(['applied', 'admitted']);
    expect((await signals('quality.markConcern')).map((s) => s.status)).toEqual(['resolved', 'resolved']);
    // A withdrawn mark is a new concern (003 art. 14.3).
    const markId = admitted.body.marks[0].id as string;
    expect((await manager.post(`${rec(SCHOOL)}/marks/${markId}/withdrawal`, { withdrawnOn: '2026-06-01', reason: '' })).status).toBe(400);
    const withdrawn = await manager.post(`${rec(SCHOOL)}/marks/${markId}/withdrawal`, { withdrawnOn: '2026-06-01', reason: 'Ingetrokken door Blik op Werk' });
    expect(withdrawn.body).toMatchObject({ markConcern: 'markWithdrawn', marks: [{ state: 'withdrawn' }] });
    expect((await manager.post(`${rec(SCHOOL)}/marks/${markId}/withdrawal`, { withdrawnOn: '2026-06-01', reason: 'Nogmaals' })).status).toBe(422);
    expect((await signals('quality.markConcern')).filter((s) => s.status === 'open').map((s) => s.period)).toEqual([`${TW}:markWithdrawn:${markId}`]);
  });

  it('hears the provider before a screening is decided (hoor en wederhoor), and the provider answers only its own', async () => {
    const started = await manager.post(`${rec(OOST)}/screenings`, { startedOn: '2026-05-01', reason: 'Aanmelding voor het convenant' });
    expect(started.status).toBe(200);
    const s = started.body.screenings[0];
    expect(s.items.map((i: { item: string }) => i.item)).toEqual(['kvk', 'auditReports', 'inspectionRiskCheck', 'nt2TeacherList']);
    const sid = s.id as string;
    expect((await manager.post(`${rec(OOST)}/screenings/${sid}/items`, { item: 'kvk', receivedOn: '2026-05-04' })).body.screenings[0].items[0].receivedOn).toBe('2026-05-04');
    const found = await manager.post(`${rec(OOST)}/screenings/${sid}/findings`, { text: 'Twee docenten zonder registratie', foundOn: '2026-05-10' });
    const fid = found.body.screenings[0].findings[0].id as string;
    const early = await manager.post(`${rec(OOST)}/screenings/${sid}/decision`, { outcome: 'noRisks', grounds: 'Geen risico', decidedOn: '2026-06-01' });
    expect(early.status).toBe(422);
    expect(early.body.invalidParams[0]).toMatchObject({ name: 'outcome', code: 'awaitingResponse' });
    const url = `${rec(OOST)}/screenings/${sid}/findings/${fid}/responses`;
    const empty = await oost.post(url, { text: '  ' });
    // A schema refusal is 400 with the field and its Dutch reason (the API's convention; 422 is a rule's refusal).
    expect(empty.status).toBe(400);
    expect(empty.body.invalidParams[0]).toMatchObject({ name: 'text', reason: 'Vul uw reactie op de bevinding in.' });
    expect((await school.post(url, { text: 'Niet van ons' })).status).toBe(404);
    expect((await school.post(`${rec(SCHOOL)}/screenings/${sid}/findings/${fid}/responses`, { text: 'Via mijn eigen pad' })).status).toBe(404);
    expect((await manager.post(url, { text: 'Namens de aanbieder' })).status).toBe(404);
    const answered = await oost.post(url, { text: 'Beide staan inmiddels in het BVNT2-register' });
    expect(answered.status).toBe(200);
    expect(answered.body.screenings[0].findings[0].responses).toEqual([expect.objectContaining({ text: 'Beide staan inmiddels in het BVNT2-register', respondedOn: '2026-06-01' })]);
    expect((await manager.get('/api/v1/quality/providers')).body.items.find((i: { providerCode: string }) => i.providerCode === OOST).openFindings).toBe(0);
    const decided = await manager.post(`${rec(OOST)}/screenings/${sid}/decision`, { outcome: 'noRisks', grounds: 'Reactie volstaat', decidedOn: '2026-06-01' });
    expect(decided.body.screenings[0].decision).toEqual({ outcome: 'noRisks', grounds: 'Reactie volstaat', decidedOn: '2026-06-01' });
    expect((await manager.post(`${rec(OOST)}/screenings/${sid}/decision`, { outcome: 'exclusion', grounds: 'x', decidedOn: '2026-06-01' })).status).toBe(422);
    expect((await oost.post(url, { text: 'Te laat' })).status).toBe(422);
  });

  it('computes the teacher norm of 003 art. 5.3 and signals a breach once, resolved when met again', async () => {
    let last: { status: number; body: any } = { status: 0, body: null };
    for (let i = 0; i < 9; i++) last = await oost.post(`${rec(OOST)}/teachers`, { name: `Docent ${i}`, qualification: 'certified', alfaSpecialised: i === 0, registeredOn: '2026-01-05', vogOn: '2025-11-01' });
    last = await oost.post(`${rec(OOST)}/teachers`, { name: 'Vakdocent', qualification: 'otherSpecialist', alfaSpecialised: false, registeredOn: '2026-01-05' });
    expect(last.body.compliance).toMatchObject({ total: 10, certified: 9, certifiedPercent: 90, compliant: true });
    expect(last.body.teachers[0].vogValid).toBeNull(); // 003 sets no VOG rule
    const trainee = await oost.post(`${rec(OOST)}/teachers`, { name: 'Stagiair', qualification: 'inTraining', alfaSpecialised: false, registeredOn: '2026-06-01' });
    expect(trainee.body.compliance).toMatchObject({ total: 11, compliant: false, breaches: ['certifiedBelowNorm'] });
    await run();
    await run();
    expect(await signals('quality.teacherNorm')).toEqual([expect.objectContaining({ period: `${TW}:2026-06-01`, status: 'open', addressee: 'contractManager' })]);
    // The contract manager sees it on the provider's page; the provider does not.
    expect((await manager.get(rec(OOST))).body.signals.map((s: { cause: string }) => s.cause)).toEqual(['quality.teacherNorm']);
    expect((await oost.get(rec(OOST))).body.signals).toEqual([]);
    expect((await otherManager.get(rec(OOST))).status).toBe(404);
    const bad = await put(oost, `${rec(OOST)}/teachers/${randomUUID()}`, { name: 'X', qualification: 'certified', alfaSpecialised: false, version: 1 });
    expect(bad.status).toBe(404);
    const t0 = trainee.body.teachers.find((x: { name: string }) => x.name === 'Stagiair');
    expect((await put(oost, `${rec(OOST)}/teachers/${t0.id}`, { name: 'Stagiair', qualification: 'inTraining', alfaSpecialised: false, leftOn: '2026-06-01', version: 2 })).status).toBe(409);
    const left = await put(oost, `${rec(OOST)}/teachers/${t0.id}`, { name: 'Stagiair', qualification: 'inTraining', alfaSpecialised: false, leftOn: '2026-06-01', version: 1 });
    expect(left.body.compliance).toMatchObject({ total: 10, compliant: true });
    expect((await signals('quality.teacherNorm')).map((s) => s.status)).toEqual(['resolved']);
    // The contract manager reads the register, the teachers included; the other provider does not.
    expect((await manager.get(rec(OOST))).body.teachers).toHaveLength(11);
    expect((await school.get(rec(OOST))).status).toBe(404);
  });

  it('excludes with the registered letter: no new referral (options and create), existing ones stay, each consultant signalled once', async () => {
    const noLetter = await manager.post(`${rec(SCHOOL)}/membership`, { state: 'excluded', on: '2026-06-01', grounds: 'Keurmerk ingetrokken (003 art. 14.3)' });
    expect(noLetter.status).toBe(422);
    expect(noLetter.body.invalidParams[0]).toMatchObject({ name: 'letterSentOn', code: 'required' });
    const excluded = await manager.post(`${rec(SCHOOL)}/membership`, { state: 'excluded', on: '2026-06-01', grounds: 'Keurmerk ingetrokken (003 art. 14.3)', letterSentOn: '2026-06-01' });
    expect(excluded.status).toBe(200);
    await run();
    await run();
    const advised = await signals('quality.providerExcluded');
    expect(advised).toEqual([expect.objectContaining({ participantId: running.participantId, addressee: 'municipality', status: 'open' })]);
    expect(advised.some((s) => s.participantId === ended.participantId)).toBe(false);
    const options = await enschede.get('/api/v1/referral-options');
    expect(options.body.providers.map((p: { id: string }) => p.id)).not.toContain(organisationId('provider', SCHOOL));
    expect(options.body.unavailable).toEqual([expect.objectContaining({ id: organisationId('provider', SCHOOL), reason: expect.stringMatching(/uitgesloten van het convenant/) })]);
    const refused = await enschede.post('/api/v1/referrals', { participantId: running.participantId, providerId: organisationId('provider', SCHOOL), productCode: 'inburgering_language' });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toMatch(/problem\+json/);
    expect(refused.body.invalidParams[0]).toMatchObject({ name: 'providerId', code: 'providerExcluded' });
    expect((await t.koers.db.query(`SELECT count(*)::int AS n FROM referral WHERE provider_id = $1`, [organisationId('provider', SCHOOL)]))[0]).toEqual({ n: 2 });
    // The consultant sees the advice; the contract manager's own signals never reach its work list.
    const work = await enschede.get('/api/v1/signals?pageSize=100');
    const causes = work.body.items.map((s: { cause: string }) => s.cause);
    expect(causes).toContain('quality.providerExcluded');
    expect(causes.some((c: string) => c === 'quality.markConcern' || c === 'quality.teacherNorm')).toBe(false);
  });

  it('records satisfaction results and class visits, and exports the register; no participant in any answer', async () => {
    expect((await manager.post(`${rec(OOST)}/satisfaction`, { surveyedOn: '2026-05-15', conductedBy: 'blikOpWerk', score: 11, summary: 'x' })).status).toBe(400);
    await manager.post(`${rec(OOST)}/satisfaction`, { surveyedOn: '2026-05-15', conductedBy: 'blikOpWerk', score: 7.8, respondents: 41, summary: 'Tevreden over de lessen' });
    const visited = await manager.post(`${rec(OOST)}/class-visits`, { visitedOn: '2026-05-20', announced: false, findings: 'Goede differentiatie' });
    expect(visited.body).toMatchObject({ satisfaction: [{ score: 7.8, respondents: 41 }], classVisits: [{ announced: false }] });
    const csv = await manager.get('/api/v1/quality/providers/export?format=csv');
    expect(csv.status).toBe(200);
    expect(String(csv.body)).toMatch(/NT2 Centrum Oost/);
    const bodies = [JSON.stringify((await manager.get(rec(SCHOOL))).body), JSON.stringify((await manager.get('/api/v1/quality/providers')).body), JSON.stringify(visited.body), String(csv.body)];
    for (const b of bodies) for (const id of [running.participantId, ended.participantId, 'Deelnemer']) expect(b).not.toContain(id);
  });
});
