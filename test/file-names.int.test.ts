// Issue #9 hole 8, R-PAR-2: a BSN in an uploaded file's name is masked however it is written. The
// probe's `scan-4970.64.960.pdf` was stored, listed and sent in Content-Disposition as it was, since
// only nine contiguous digits were masked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationId } from '../src/features/organisations/store.js';
import { aBsn, aLearningPlan, aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');
const PDF = Buffer.from('%PDF-1.4\n% ondertekend leerplan\n%%EOF\n', 'latin1');

/** Every way the test writes a BSN, reduced to its digits for the search. */
const digitsOf = (s: string) => s.replace(/[\s._-]/g, '');

describe(`BSNs in file names on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let provider: Client;

  async function step(c: Client, id: string, body: Record<string, unknown>) {
    const detail = await c.get(`/api/v1/referrals/${id}`);
    const res = await c.post(`/api/v1/referrals/${id}/events`, { lockVersion: detail.body.lockVersion, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  /** A referral waiting for its signed learning plan, of a participant with this BSN. */
  async function awaitingSignedPlan(bsn: string) {
    const p = await consultant.post('/api/v1/participants', aParticipantInput({ bsn, referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    const id = p.body.referrals[0].id as string;
    await step(provider, id, { type: 'acknowledged' });
    await step(provider, id, { type: 'intakeInvited', intakeDate: '2027-01-04', location: 'Hoorn' });
    await step(provider, id, { type: 'intakeHeld', heldOn: '2027-01-04', regularStartInTime: true });
    await step(provider, id, { type: 'planSubmitted', content: aLearningPlan() });
    const detail = await step(consultant, id, { type: 'planApproved', planVersion: 1 });
    return { referralId: id, lockVersion: detail.lockVersion as number };
  }

  async function upload(bsn: string, fileName: string) {
    const r = await awaitingSignedPlan(bsn);
    const res = await provider.request('POST', `/api/v1/referrals/${r.referralId}/signed-learning-plan?lockVersion=${r.lockVersion}`, new Uint8Array(PDF), {
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent(fileName),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { ...r, documentId: res.body.id as string, returned: res.body.fileName as string };
  }

  /** The stored name, the listed name and the download's Content-Disposition of one document. */
  async function namesOf(referralId: string, documentId: string) {
    const stored = (await t.koers.db.query<{ fileName: string }>('SELECT file_name AS "fileName" FROM document WHERE id = $1', [documentId]))[0]?.fileName ?? '';
    const list = await consultant.get(`/api/v1/referrals/${referralId}/documents`);
    expect(list.status).toBe(200);
    const download = await consultant.get(`/api/v1/documents/${documentId}`);
    expect(download.status).toBe(200);
    return { stored, listed: JSON.stringify(list.body), disposition: decodeURIComponent(download.headers.get('content-disposition') ?? '') };
  }

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-01-04' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    provider = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the probe\'s scan-4970.64.960.pdf is stored, returned, listed and sent as scan-*****4960.pdf', async () => {
    const u = await upload(aBsn(), 'scan-4970.64.960.pdf');
    expect(u.returned).toBe('scan-*****4960.pdf');
    const names = await namesOf(u.referralId, u.documentId);
    expect(names.stored).toBe('scan-*****4960.pdf');
    for (const text of Object.values(names)) expect(digitsOf(text)).not.toContain('497064960');
    expect(names.disposition).toContain('scan-*****4960.pdf');
  });

  it('the participant\'s own BSN, written with spaces or dashes, does not survive in any of them', async () => {
    const bsn = aBsn();
    const grouped = `${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}`;
    const u = await upload(bsn, `leerplan ${grouped} getekend 2027-01-04.pdf`);
    const names = await namesOf(u.referralId, u.documentId);
    for (const text of [u.returned, ...Object.values(names)]) expect(digitsOf(text)).not.toContain(bsn);
    expect(names.stored).toBe(`leerplan *****${bsn.slice(5)} getekend 2027-01-04.pdf`);
  });

  it('a name stored before this rule is masked in the listing and the download', async () => {
    const u = await upload(aBsn(), 'leerplan.pdf');
    // What an older Koers stored: the grouped BSN as written.
    await t.koers.db.query('UPDATE document SET file_name = $1 WHERE id = $2', ['scan-4970.64.960.pdf', u.documentId]);
    const names = await namesOf(u.referralId, u.documentId);
    expect(digitsOf(names.listed)).not.toContain('497064960');
    expect(digitsOf(names.disposition)).not.toContain('497064960');
  });
});
