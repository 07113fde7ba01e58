// The portfolio (issue #12, R-MAP-3): items with files, the 001 Bijlage 3 part with its completeness,
// the whole portfolio as one PDF. One participant is referred to WerkWijs for the MAP (a Bijlage 3
// part) and to Taalpunt for the Z-route language; another only to WerkWijs for the Z-route
// participation (evidence only, no completeness rule). The participation provider writes, the language
// provider reads but is refused (403), another provider gets 404, the consultant reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapThemes } from '../src/domain/participation.js';
import { organisationId } from '../src/features/organisations/store.js';
import { pdfText } from './support/pdf-text.js';
import { A_PDF, aBsn, aParticipantInput, aUser, Client, DB_KIND, snapshot, startTestKoers, type TestKoers } from './support/koers.js';

const WERKWIJS = organisationId('provider', 'werkwijs-participatie');
const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');

describe(`portfolio on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let werkwijs: Client;
  let taalpunt: Client;
  let leerhuis: Client;
  let participantId: string;
  let familyName: string;
  let mapReferral: string;
  let languageReferral: string;
  let zParticipantId: string;
  let zReferral: string;
  let itemId: string;

  const items = (c: Client, id = participantId) => c.get(`/api/v1/participants/${id}/portfolio-items`);
  const addItem = (c: Client, body: Record<string, unknown>, id = participantId) => c.post(`/api/v1/participants/${id}/portfolio-items`, body);
  const annex = (c: Client, id = participantId) => c.get(`/api/v1/participants/${id}/portfolio-annex`);
  const saveAnnex = (c: Client, body: Record<string, unknown>, id = participantId) => c.request('PUT', `/api/v1/participants/${id}/portfolio-annex`, body);
  const upload = (c: Client, item: string, bytes: Uint8Array, headers: Record<string, string> = {}) => c.request('POST', `/api/v1/portfolio-items/${item}/files`, bytes, { 'content-type': 'application/pdf', ...headers });
  /** The portfolio's tables and the shared snapshot: a refused request changes none of them. */
  const state = async () => {
    const own = await t.koers.db.query<{ i: number; f: number; a: number }>(
      `SELECT (SELECT count(*)::int FROM portfolio_item) AS i, (SELECT count(*)::int FROM portfolio_file) AS f, (SELECT count(*)::int FROM portfolio_annex) AS a`,
    );
    return { ...(await snapshot(t)), ...own[0] };
  };
  const fullAnnex = () => ({
    profile: { canMakeCv: { answer: 'yes', note: 'Cv gemaakt in week 3' }, workFit: { answer: 'inProgress', note: null }, diplomaValuation: { answer: 'no', note: 'IDW aangevraagd' } },
    themes: Object.fromEntries(MapThemes.map((th) => [th, { learned: `Geleerd over ${th}`, practised: `In praktijk: ${th}; leerdoel op tijd komen` }])),
  });

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-01-04' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    werkwijs = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'werkwijs-participatie'));
    taalpunt = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    leerhuis = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord'));
    const input = aParticipantInput({ route: 'z', referral: { providerId: TAALPUNT, productCode: 'z_language' } });
    familyName = String(input.familyName);
    const res = await consultant.post('/api/v1/participants', input);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    participantId = res.body.id;
    languageReferral = res.body.referrals[0].id;
    const refer = async (id: string, productCode: string) => {
      const r = await consultant.post('/api/v1/referrals', { participantId: id, providerId: WERKWIJS, productCode });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    };
    mapReferral = await refer(participantId, 'map');
    const z = await consultant.post('/api/v1/participants', aParticipantInput({ route: 'z' }));
    expect(z.status, JSON.stringify(z.body)).toBe(201);
    zParticipantId = z.body.id;
    zReferral = await refer(zParticipantId, 'z_participation');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the MAP provider adds an item; everyone who sees the participant lists it; audited', async () => {
    const res = await addItem(werkwijs, { referralId: mapReferral, kind: 'reflection', title: 'Mijn bedrijfsbezoek', body: 'Ik zag hoe een bakkerij werkt.', theme: 'realisticJobImage' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'reflection', title: 'Mijn bedrijfsbezoek', theme: 'realisticJobImage', providerName: 'WerkWijs Participatie', files: [] });
    itemId = res.body.id;
    for (const reader of [werkwijs, taalpunt, consultant]) {
      const list = await items(reader);
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([itemId]);
    }
    const audit = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'portfolio.record' AND status = 'ok' AND object_id = $1`, [itemId]);
    expect(audit[0]?.n).toBe(1);
  });

  it('the language provider is refused (403), another provider and the consultant get 404, bad input is named; nothing changes', async () => {
    const before = await state();
    const item = { referralId: mapReferral, kind: 'evidence', title: 'Cv' };
    const asLanguage = await addItem(taalpunt, { ...item, referralId: languageReferral });
    expect(asLanguage.status).toBe(403);
    expect(asLanguage.headers.get('content-type')).toContain('application/problem+json');
    expect((await saveAnnex(taalpunt, { ...fullAnnex(), referralId: languageReferral, version: 0 })).status).toBe(403);
    expect((await upload(taalpunt, itemId, A_PDF)).status).toBe(403);
    expect((await items(leerhuis)).status).toBe(404);
    expect((await annex(leerhuis)).status).toBe(404);
    expect((await leerhuis.bytes(`/api/v1/participants/${participantId}/portfolio.pdf`)).status).toBe(404);
    expect((await addItem(leerhuis, item)).status).toBe(404);
    expect((await upload(leerhuis, itemId, A_PDF)).status).toBe(404);
    expect((await addItem(consultant, item)).status).toBe(404);
    const bad = await addItem(werkwijs, { referralId: mapReferral, kind: 'diary', title: '  ', theme: 'cooking' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.invalidParams).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'kind', reason: 'Kies een soort: bewijsstuk, reflectie of opdracht.' }),
      expect.objectContaining({ name: 'title', reason: 'Vul een titel in.' }),
      expect.objectContaining({ name: 'theme' }),
    ]));
    const badAnnex = await saveAnnex(werkwijs, { referralId: mapReferral, version: 0, profile: { canMakeCv: { answer: 'misschien' } }, themes: {} });
    expect(badAnnex.status).toBe(400);
    expect(badAnnex.body.invalidParams[0]).toMatchObject({ name: 'profile.canMakeCv.answer', reason: 'Kies ja, nee of mee bezig, of laat leeg.' });
    expect(await state()).toEqual(before);
  });

  it('the Bijlage 3 part names what is missing, refuses a stale version (409), and is complete with every item; versions are kept', async () => {
    const empty = await annex(consultant);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ kind: 'annex', version: 0, completeness: { complete: false } });
    expect(empty.body.completeness.missing).toHaveLength(3 + 2 * MapThemes.length);
    // Only the MAP provider is told the referral to save under (a consultant or language provider saves nothing).
    expect(empty.body.writeReferralId).toBeNull();
    expect((await annex(werkwijs)).body.writeReferralId).toBe(mapReferral);

    const partial = fullAnnex();
    partial.profile.diplomaValuation = { answer: null as unknown as string, note: 'IDW aangevraagd' };
    partial.themes.network = { learned: 'Netwerk in kaart gebracht', practised: '' };
    const v1 = await saveAnnex(werkwijs, { ...partial, referralId: mapReferral, version: 0 });
    expect(v1.status, JSON.stringify(v1.body)).toBe(200);
    expect(v1.body.version).toBe(1);
    expect(v1.body.completeness.missing.map((m: { label: string }) => m.label)).toEqual(['klantbeeld: diplomawaardering', 'Netwerk: wat in praktijk gebracht']);
    expect(pdfText((await consultant.bytes(`/api/v1/participants/${participantId}/portfolio.pdf`)).bytes)).toContain('Nog niet compleet: klantbeeld: diplomawaardering; Netwerk: wat in praktijk gebracht.');

    const before = await state();
    const stale = await saveAnnex(werkwijs, { ...fullAnnex(), referralId: mapReferral, version: 0 });
    expect(stale.status).toBe(409);
    expect(await state()).toEqual(before);

    const v2 = await saveAnnex(werkwijs, { ...fullAnnex(), referralId: mapReferral, version: 1 });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ version: 2, completeness: { complete: true, missing: [] } });
    expect((await annex(taalpunt)).body.completeness.complete).toBe(true);
    const versions = await t.koers.db.query<{ version: number }>(`SELECT version FROM portfolio_annex WHERE participant_id = $1 ORDER BY version`, [participantId]);
    expect(versions.map((r) => r.version)).toEqual([1, 2]);
  });

  it('a Z-route portfolio has evidence only: no Bijlage 3 part and no completeness rule', async () => {
    const z = await annex(werkwijs, zParticipantId);
    expect(z.body).toMatchObject({ kind: 'evidenceOnly', completeness: null, writeReferralId: null });
    const refused = await saveAnnex(werkwijs, { ...fullAnnex(), referralId: zReferral, version: 0 }, zParticipantId);
    expect(refused.status).toBe(422);
    expect(refused.body.invalidParams[0]).toMatchObject({ name: 'referralId', code: 'noAnnex' });
    expect((await addItem(werkwijs, { referralId: zReferral, kind: 'evidence', title: 'Certificaat vrijwilligerswerk' }, zParticipantId)).status).toBe(201);
  });

  it('files follow the document rules: a PDF by its content, at most 5 MB, a BSN in the name masked; readers download it', async () => {
    const before = await state();
    const notPdf = await upload(werkwijs, itemId, Buffer.from('PK\u0003\u0004 a zip, not a pdf'));
    expect(notPdf.status).toBe(422);
    expect(notPdf.body.invalidParams[0]).toMatchObject({ name: 'file', code: 'notPdf', reason: 'Dit bestand is geen pdf. Lever het bestand bij dit portfolio-onderdeel aan als pdf-bestand.' });
    const big = await upload(werkwijs, itemId, Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(5 * 1024 * 1024 + 1)]));
    expect(big.status).toBe(413);
    expect(big.body.invalidParams[0]).toMatchObject({ name: 'file', code: 'tooLarge' });
    const wrongType = await upload(werkwijs, itemId, A_PDF, { 'content-type': 'image/png' });
    expect(wrongType.status).toBe(415);
    expect(await state()).toEqual(before);

    const bsn = aBsn();
    const ok = await upload(werkwijs, itemId, A_PDF, { 'x-file-name': encodeURIComponent(`cv ${bsn}.pdf`) });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.fileName).not.toContain(bsn);
    expect(ok.body.fileName).toContain(bsn.slice(-4));
    for (const reader of [consultant, taalpunt]) {
      const got = await reader.bytes(`/api/v1/portfolio-files/${ok.body.id}`);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(A_PDF)).toBe(true);
      expect(got.headers.get('content-disposition')).not.toContain(bsn);
    }
    expect((await leerhuis.bytes(`/api/v1/portfolio-files/${ok.body.id}`)).status).toBe(404);
    expect((await items(consultant)).body.items[0].files.map((f: { id: string }) => f.id)).toEqual([ok.body.id]);
  });

  it('the Deelname list says whether the portfolio is complete and filters on it, in the export too', async () => {
    const row = async (query: string, id: string) => ((await werkwijs.get(`/api/v1/participation/participants?pageSize=100${query}`)).body.items as { participantId: string; portfolioComplete: boolean | null }[]).find((r) => r.participantId === id);
    expect((await row('', participantId))?.portfolioComplete).toBe(true);
    expect((await row('', zParticipantId))?.portfolioComplete).toBeNull();
    expect(await row('&portfolio=complete', participantId)).toBeDefined();
    expect(await row('&portfolio=incomplete', participantId)).toBeUndefined();
    expect(await row('&portfolio=complete', zParticipantId)).toBeUndefined();
    expect(await row('&portfolio=incomplete', zParticipantId)).toBeUndefined();
    const bad = await werkwijs.get('/api/v1/participation/participants?portfolio=ja');
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0]).toMatchObject({ name: 'portfolio', reason: 'Kies: compleet of niet compleet.' });
    const csv = String((await werkwijs.get('/api/v1/participation/participants/export?format=csv&portfolio=complete')).body);
    expect(csv).toContain('Portfolio compleet');
    expect(csv).toContain(participantId);
    expect(csv).not.toContain(zParticipantId);
  });

  it('GET portfolio.pdf: the whole portfolio in one PDF for the municipality, without a BSN', async () => {
    const res = await consultant.bytes(`/api/v1/participants/${participantId}/portfolio.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="portfolio-/);
    const text = pdfText(res.bytes);
    for (const expected of ['Portfolio', familyName, 'Het deel van Bijlage 3 is compleet.', 'Algemeen klantbeeld', 'Kan een cv maken', 'Cv gemaakt in week 3', 'Reëel beroepsbeeld', 'Geleerd over network', 'Reflectie: Mijn bedrijfsbezoek', 'Ik zag hoe een bakkerij werkt.']) {
      expect(text).toContain(expected);
    }
    // One audit line per download: the one of the incomplete part above and this one.
    const row = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'portfolio.read' AND summary = 'pdf' AND status = 'ok'`);
    expect(row[0]?.n).toBe(2);
    const z = pdfText((await werkwijs.bytes(`/api/v1/participants/${zParticipantId}/portfolio.pdf`)).bytes);
    expect(z).toContain('Dit is een portfolio van de Z-route');
    expect(z).toContain('Certificaat vrijwilligerswerk');
  });
});
