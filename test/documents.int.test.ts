// R-REF-7 (documents always downloadable by the municipality), R-SEC-1 (404 outside the room) and
// R-SEC-2 (every list/download/upload audited in its transaction) through the API on a real database.
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { subjectRef } from '../src/platform/audit.js';
import { pdfText } from './support/pdf-text.js';
import { aBsn, aParticipantInput, aUser, Client, DB_KIND, PASSWORD, snapshot, startTestKoers, type TestKoers, type TestUser } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n% ondertekend leerplan\n', 'latin1'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n', 'latin1')]);

const aLearningPlan = () => ({
  route: 'b1',
  targetLevels: { reading: 'B1', writing: 'A2', listening: 'B1', speaking: 'B1' },
  weeklySchedule: { dayParts: 4, evening: false, weekend: false, online: false, blended: true },
  map: { included: true, practicalPart: 'Stage bij de bibliotheek', practicalHours: 40 },
  childCare: { needed: true, days: ['mon', 'wed'], times: '08:30-12:30', changes: '' },
  expectedDurationMonths: 18,
  notes: 'Leert snel; wil graag in de zorg werken.',
});

/** Binary requests next to the JSON Client of the harness: its own session, raw bytes in and out. */
class Raw {
  private constructor(private readonly base: string, private readonly cookie: string) {}
  static async loggedIn(t: TestKoers, user: TestUser): Promise<Raw> {
    const res = await fetch(`${t.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: user.email, password: PASSWORD }) });
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (res.status !== 201 || cookie === undefined) throw new Error(`login failed: ${res.status}`);
    return new Raw(t.url, cookie);
  }
  async get(url: string) {
    const res = await fetch(this.base + url, { headers: { cookie: this.cookie } });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, json: () => JSON.parse(bytes.toString('utf8')) };
  }
  async upload(url: string, body: Buffer, headers: Record<string, string> = {}) {
    const res = await fetch(this.base + url, { method: 'POST', headers: { cookie: this.cookie, 'content-type': 'application/pdf', ...headers }, body: new Uint8Array(body) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
  }
}


describe(`documents on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let provider: Client;
  let consultantRaw: Raw;
  let otherConsultantRaw: Raw;
  let providerRaw: Raw;
  let otherProviderRaw: Raw;

  const count = async (sql: string, params: unknown[] = []) => (await t.koers.db.query<{ n: number }>(sql, params))[0]?.n ?? -1;
  const documents = () => count('SELECT count(*)::int AS n FROM document');
  const auditLines = (name: string, objectId: string, status: 'ok' | 'error' = 'ok') =>
    count('SELECT count(*)::int AS n FROM audit_event WHERE name = $1 AND object_id = $2 AND status = $3', [name, objectId, status]);
  const lastLine = async (name: string, objectId: string) =>
    (await t.koers.db.query<{ status: string; data_subject_ref: string | null; municipality_id: string | null }>(
      'SELECT status, data_subject_ref, municipality_id FROM audit_event WHERE name = $1 AND object_id = $2 ORDER BY id DESC LIMIT 1',
      [name, objectId],
    ))[0];

  async function referred() {
    const bsn = aBsn();
    const clientNumber = `KL-${Math.floor(Math.random() * 1e6)}`;
    const input = aParticipantInput({ bsn, clientNumber, referral: { providerId: TAALPUNT, productCode: 'b1_language' } });
    const res = await consultant.post('/api/v1/participants', input);
    if (res.status !== 201) throw new Error(`fixture: ${res.status} ${JSON.stringify(res.body)}`);
    return { participantId: res.body.id as string, referralId: res.body.referrals[0].id as string, bsn, clientNumber, givenName: input.givenName as string };
  }
  async function step(c: Client, id: string, body: Record<string, unknown>) {
    const detail = await c.get(`/api/v1/referrals/${id}`);
    const res = await c.post(`/api/v1/referrals/${id}/events`, { lockVersion: detail.body.lockVersion, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }
  /** A referral whose learning plan (version 1) the municipality has approved: ready for the signed copy. */
  async function approved() {
    const r = await referred();
    await step(provider, r.referralId, { type: 'acknowledged' });
    await step(provider, r.referralId, { type: 'intakeInvited', intakeDate: '2027-01-04', location: 'Hoorn' });
    await step(provider, r.referralId, { type: 'intakeHeld', heldOn: '2027-01-04', regularStartInTime: true });
    await step(provider, r.referralId, { type: 'planSubmitted', content: aLearningPlan() });
    const detail = await step(consultant, r.referralId, { type: 'planApproved', planVersion: 1 });
    return { ...r, lockVersion: detail.lockVersion as number, planId: detail.learningPlans[0].id as string };
  }

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-01-04' });
    const consultantUser = await aUser(t, 'consultant', 'hoorn');
    const providerUser = await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland');
    consultant = await Client.loggedIn(t, consultantUser);
    provider = await Client.loggedIn(t, providerUser);
    consultantRaw = await Raw.loggedIn(t, consultantUser);
    providerRaw = await Raw.loggedIn(t, providerUser);
    otherConsultantRaw = await Raw.loggedIn(t, await aUser(t, 'consultant', 'enkhuizen'));
    otherProviderRaw = await Raw.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord'));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('R-REF-7: the consultant downloads the referral as a PDF without the BSN; the download is audited once for the data subject', async () => {
    const r = await referred();
    const before = await auditLines('document.download', r.referralId);
    const res = await consultantRaw.get(`/api/v1/referrals/${r.referralId}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`attachment; filename="aanmelding-${r.clientNumber}.pdf"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // R-PAR-2: the text names the participant and shows the BSN masked, never whole; nor does the file name.
    const text = pdfText(res.bytes);
    expect(text).toContain(r.givenName);
    expect(text).toContain(`*****${r.bsn.slice(5)}`);
    expect(text).not.toContain(r.bsn);
    expect(res.headers.get('content-disposition')).not.toContain(r.bsn);
    expect(await auditLines('document.download', r.referralId)).toBe(before + 1);
    const line = await lastLine('document.download', r.referralId);
    expect(line).toMatchObject({ status: 'ok', data_subject_ref: subjectRef(t.koers.crypto, r.participantId), municipality_id: organisationId('municipality', 'hoorn') });
    // The provider the referral was sent to may download it too.
    expect((await providerRaw.get(`/api/v1/referrals/${r.referralId}/pdf`)).status).toBe(200);
    expect(await auditLines('document.download', r.referralId)).toBe(before + 2);
  });

  it('R-SEC-1: outside the room every document endpoint answers 404 and writes an audit line with status error', async () => {
    const r = await approved();
    const uploaded = await providerRaw.upload(`/api/v1/referrals/${r.referralId}/signed-learning-plan?lockVersion=${r.lockVersion}`, PDF);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const documentId: string = uploaded.body.id;
    const targets: [string, string, string][] = [
      [`/api/v1/referrals/${r.referralId}/pdf`, 'document.download', r.referralId],
      [`/api/v1/referrals/${r.referralId}/documents`, 'document.list', r.referralId],
      [`/api/v1/learning-plans/${r.planId}/pdf`, 'document.download', r.planId],
      [`/api/v1/documents/${documentId}`, 'document.download', documentId],
    ];
    for (const outsider of [otherConsultantRaw, otherProviderRaw]) {
      for (const [url, name, objectId] of targets) {
        const before = await auditLines(name, objectId, 'error');
        const res = await outsider.get(url);
        expect(res.status, url).toBe(404);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(await auditLines(name, objectId, 'error'), url).toBe(before + 1);
        // The denied line names the data subject, so the controller sees who tried (R-SEC-2).
        expect((await lastLine(name, objectId))?.data_subject_ref).toBe(subjectRef(t.koers.crypto, r.participantId));
      }
    }
    // Another provider cannot upload for a referral it does not serve.
    const before = await documents();
    const denied = await otherProviderRaw.upload(`/api/v1/referrals/${r.referralId}/signed-learning-plan?lockVersion=${r.lockVersion + 1}`, PDF);
    expect(denied.status).toBe(404);
    expect(await documents()).toBe(before);
    expect(await auditLines('document.upload', r.referralId, 'error')).toBe(1);
    // A municipality has no upload permission at all (the access hook's 404).
    expect((await consultantRaw.upload(`/api/v1/referrals/${r.referralId}/signed-learning-plan?lockVersion=0`, PDF)).status).toBe(404);
  });

  it('R-REF-6, R-REF-7: the learning-plan version downloads as a PDF with its decision; audited once', async () => {
    const r = await approved();
    const res = await consultantRaw.get(`/api/v1/learning-plans/${r.planId}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`filename="leerplan-${r.clientNumber}-v1.pdf"`);
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(res.bytes);
    expect(text).toContain('Goedgekeurd');
    expect(text).toContain('Stage bij de bibliotheek');
    expect(text).not.toContain(r.bsn);
    expect(await auditLines('document.download', r.planId)).toBe(1);
    expect((await providerRaw.get(`/api/v1/learning-plans/${r.planId}/pdf`)).status).toBe(200);
    expect(await auditLines('document.download', r.planId)).toBe(2);
    expect((await consultantRaw.get('/api/v1/learning-plans/00000000-0000-4000-8000-000000000000/pdf')).status).toBe(404);
  });

  it('R-REF-7: the provider uploads the signed plan (planSigned); the municipality lists it and downloads the same bytes', async () => {
    const r = await approved();
    const name = `leerplan ${r.bsn} getekend.pdf`;
    const res = await providerRaw.upload(`/api/v1/referrals/${r.referralId}/signed-learning-plan?lockVersion=${r.lockVersion}`, PDF, { 'x-file-name': encodeURIComponent(name) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // R-PAR-2: a BSN in the file name is masked before it is stored.
    expect(res.body).toMatchObject({ kind: 'signedLearningPlan', contentType: 'application/pdf', sizeBytes: PDF.length, fileName: `leerplan *****${r.bsn.slice(5)} getekend.pdf` });
    expect(await auditLines('document.upload', res.body.id)).toBe(1);
    const detail = await consultant.get(`/api/v1/referrals/${r.referralId}`);
    expect(detail.body.status).toBe('planSigned');
    expect(detail.body.events.at(-1)).toMatchObject({ type: 'planSigned', details: { documentId: res.body.id } });

    const list = await consultantRaw.get(`/api/v1/referrals/${r.referralId}/documents`);
    expect(list.status).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ id: res.body.id, kind: 'signedLearningPlan', createdByName: 'Test providerCoordinator' })]);
    expect(await auditLines('document.list', r.referralId)).toBe(1);

    const file = await consultantRaw.get(`/api/v1/documents/${res.body.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''leerplan%20*****`.replace('*****', '%2A%2A%2A%2A%2A'));
    expect(file.bytes.equals(PDF)).toBe(true);
    expect(await auditLines('document.download', res.body.id)).toBe(1);
  });

  it('upload refuses a stale lockVersion (409) and a referral not awaiting its signed plan (422), storing nothing', async () => {
    const r = await approved();
    const before = { ...(await snapshot(t)), documents: await documents() };
    const stale = await providerRaw.upload(`/api/v1/referrals/${r.referralId}/signed-learning-plan?lockVersion=${r.lockVersion - 1}`, PDF);
    expect(stale.status).toBe(409);
    const early = await referred();
    await step(provider, early.referralId, { type: 'acknowledged' });
    const mid = { ...(await snapshot(t)), documents: await documents() };
    const wrong = await providerRaw.upload(`/api/v1/referrals/${early.referralId}/signed-learning-plan?lockVersion=1`, PDF);
    expect(wrong.status).toBe(422);
    expect(before.documents).toBe(mid.documents);
    expect({ ...(await snapshot(t)), documents: await documents() }).toEqual(mid);
    expect(await auditLines('document.upload', r.referralId, 'error')).toBe(0);
  });

  it('upload refuses a body that is not a PDF (415, 422) or too large (413) with a Dutch problem on `file`, changing nothing', async () => {
    const r = await approved();
    const url = `/api/v1/referrals/${r.referralId}/signed-learning-plan?lockVersion=${r.lockVersion}`;
    const before = { ...(await snapshot(t)), documents: await documents() };

    const notPdf = await providerRaw.upload(url, Buffer.from('PK\u0003\u0004 a zip file, not a pdf'));
    expect(notPdf.status).toBe(422);
    expect(notPdf.headers.get('content-type')).toContain('application/problem+json');
    expect(notPdf.body.invalidParams).toEqual([expect.objectContaining({ name: 'file', code: 'notPdf', reason: expect.stringMatching(/geen pdf/) })]);

    const wrongType = await providerRaw.upload(url, PDF, { 'content-type': 'image/png' });
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get('content-type')).toContain('application/problem+json');
    expect(wrongType.body.invalidParams).toEqual([expect.objectContaining({ name: 'file', code: 'notPdf' })]);

    const empty = await providerRaw.upload(url, Buffer.alloc(0));
    expect(empty.status).toBe(422);
    expect(empty.body.invalidParams[0]).toMatchObject({ name: 'file' });

    const huge = Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), Buffer.alloc(5 * 1024 * 1024, 0x20)]);
    const tooLarge = await providerRaw.upload(url, huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get('content-type')).toContain('application/problem+json');
    expect(tooLarge.body).toMatchObject({ status: 413, invalidParams: [expect.objectContaining({ name: 'file', code: 'tooLarge', reason: expect.stringMatching(/groter dan 5 MB/) })] });

    expect({ ...(await snapshot(t)), documents: await documents() }).toEqual(before);
    // The referral still awaits its signed plan: the refused uploads took no step.
    expect((await consultant.get(`/api/v1/referrals/${r.referralId}`)).body).toMatchObject({ status: 'planApproved', lockVersion: r.lockVersion });
  });

  it('the OpenAPI document with the document routes stays valid', async () => {
    const spec = await new Client(t.url).get('/api/v1/openapi.json');
    const result = await new Validator().validate(spec.body);
    expect(result.errors ?? []).toEqual([]);
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/api/v1/referrals/{id}/pdf', '/api/v1/learning-plans/{id}/pdf', '/api/v1/referrals/{id}/signed-learning-plan', '/api/v1/documents/{id}']));
  });
});
