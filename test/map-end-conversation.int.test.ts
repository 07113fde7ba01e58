// The MAP end conversation (issue #12: R-MAP-1, R-MAP-3; 001 §3 and Bijlage 2). The participant is
// referred to WerkWijs Participatie for the MAP and to Taalpunt for the language: WerkWijs prepares the
// conversation per Bijlage 2 and proposes the date, the Hoorn consultant records the date held and the
// outcome; "sufficient" is refused below 40 practical hours or with a theme not done; the signal
// "Eindgesprek MAP plannen" to the municipality is raised once and answered by the proposed date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MapThemes } from '../src/domain/participation.js';
import { organisationId } from '../src/features/organisations/store.js';
import { pdfGlyphText } from './support/pdf-text.js';
import { aLearningPlan, aParticipantInput, aUser, Client, DB_KIND, startTestKoers, type TestKoers } from './support/koers.js';

const WERKWIJS = organisationId('provider', 'werkwijs-participatie');
const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');

describe(`the MAP end conversation on ${DB_KIND}`, () => {
  let t: TestKoers;
  let consultant: Client;
  let werkwijs: Client;
  let taalpunt: Client;
  let participantId: string;
  let mapReferral: string;
  let languageReferral: string;

  const path = () => `/api/v1/participants/${participantId}/map-end-conversation`;
  const rows = async () => (await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM map_end_conversation WHERE participant_id = $1`, [participantId]))[0]?.n;
  const signals = () =>
    t.koers.db.query<{ status: string; addressee: string; resolution: string | null }>(`SELECT status, addressee, resolution FROM signal WHERE cause = 'map.endConversationDue' AND subject_id = $1`, [participantId]);
  const preparation = (over: Record<string, unknown> = {}) => ({
    referralId: mapReferral,
    version: 0,
    answers: { 'rjb.formerJob': 'Ik was kok in Aleppo.', 'jc.ways': 'Via het UWV en uitzendbureaus.' },
    choices: { professionalCompetences: ['travel', 'pressure'], employeeCompetences: ['customerFocus'] },
    ...over,
  });
  const practical = (minutes: number, endDate: string) =>
    werkwijs.post(`/api/v1/participants/${participantId}/participation-activities`, { referralId: mapReferral, kind: 'workExperience', organisation: 'Restaurant De Waag', startDate: endDate, endDate, minutes });
  const outcome = (c: Client, over: Record<string, unknown> = {}) => c.request('PUT', `${path()}/outcome`, { version: 0, heldOn: '2027-06-01', outcome: 'sufficient', reason: null, ...over });

  beforeAll(async () => {
    t = await startTestKoers({ today: '2027-01-04' });
    consultant = await Client.loggedIn(t, await aUser(t, 'consultant', 'hoorn'));
    werkwijs = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'werkwijs-participatie'));
    taalpunt = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'taalpunt-westfriesland'));
    const res = await consultant.post('/api/v1/participants', aParticipantInput({ route: 'b1', referral: { providerId: TAALPUNT, productCode: 'b1_language' } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    participantId = res.body.id;
    languageReferral = res.body.referrals[0].id;
    const map = await consultant.post('/api/v1/referrals', { participantId, providerId: WERKWIJS, productCode: 'map' });
    expect(map.status, JSON.stringify(map.body)).toBe(201);
    mapReferral = map.body.id;
    t.clock.setToday('2027-06-01');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('the MAP provider prepares per Bijlage 2; everyone who sees the participant reads it; each save is a new version', async () => {
    const first = await werkwijs.request('PUT', `${path()}/preparation`, preparation());
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.preparation).toMatchObject({ version: 1, recordedByOrganisation: 'WerkWijs Participatie', choices: { professionalCompetences: ['travel', 'pressure'], employeeCompetences: ['customerFocus'] } });
    expect(first.body.preparation.parts.map((p: { part: string; answered: number }) => [p.part, p.answered])).toEqual([['realisticJobImage', 1], ['jobChances', 1], ['professionalCompetences', 0], ['employeeCompetences', 0], ['network', 0]]);
    const second = await werkwijs.request('PUT', `${path()}/preparation`, preparation({ version: 1, answers: { 'nw.sites': 'Ja, LinkedIn.' } }));
    expect(second.status).toBe(200);
    for (const reader of [consultant, taalpunt]) {
      const read = await reader.get(path());
      expect(read.status).toBe(200);
      expect(read.body.preparation).toMatchObject({ version: 2, answers: { 'nw.sites': 'Ja, LinkedIn.' } });
      expect(read.body.history.map((h: { kind: string; version: number }) => `${h.kind}${h.version}`)).toEqual(['preparation1', 'preparation2']);
    }
    // Version 1 is kept: nothing registered is lost.
    expect(await rows()).toBe(2);
  });

  it('refuses, changing nothing: a save over a newer version (409), a choice not in the list (422), the language provider (403)', async () => {
    const stale = await werkwijs.request('PUT', `${path()}/preparation`, preparation({ version: 1 }));
    expect(stale.status).toBe(409);
    const bad = await werkwijs.request('PUT', `${path()}/preparation`, preparation({ version: 2, choices: { professionalCompetences: ['travel'], employeeCompetences: ['cooking'] } }));
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.invalidParams).toEqual([{ name: 'choices.employeeCompetences', code: 'unknownChoice', reason: 'Kies uit de lijst van het format.' }]);
    const unknown = await werkwijs.request('PUT', `${path()}/preparation`, preparation({ version: 2, answers: { 'x.y': 'a' } }));
    expect(unknown.body.invalidParams[0]).toMatchObject({ name: 'answers.x.y', code: 'unknownQuestion' });
    const language = await taalpunt.request('PUT', `${path()}/preparation`, preparation({ version: 2, referralId: languageReferral }));
    expect(language.status).toBe(403);
    // Outside the room the answer is 404 even for a body the format refuses.
    const leerhuis = await Client.loggedIn(t, await aUser(t, 'providerCoordinator', 'leerhuis-noord'));
    expect((await leerhuis.request('PUT', `${path()}/preparation`, preparation({ version: 2, choices: { professionalCompetences: ['x'], employeeCompetences: [] } }))).status).toBe(404);
    const planByLanguage = await taalpunt.request('PUT', `${path()}/planning`, { referralId: languageReferral, version: 0, plannedOn: '2027-06-15' });
    expect(planByLanguage.status).toBe(403);
    // The provider does not decide the outcome: the permission is the municipality's.
    expect((await outcome(werkwijs, { outcome: 'notYet', reason: 'x' })).status).toBe(404);
    expect(await rows()).toBe(2);
  });

  it('sufficient is refused at 39 practical hours and allowed at 40; the signal to plan is raised once, at 40 hours with all themes done', async () => {
    for (const theme of MapThemes) {
      const set = await werkwijs.request('PUT', `/api/v1/participants/${participantId}/map-themes/${theme}`, { referralId: mapReferral, status: 'done' });
      expect(set.status).toBe(200);
    }
    expect((await practical(39 * 60, '2027-05-20')).status).toBe(201);
    expect(await signals()).toEqual([]);
    const at39 = await outcome(consultant);
    expect(at39.status).toBe(422);
    expect(at39.body.invalidParams).toEqual([{ name: 'outcome', code: 'hoursNotMet', reason: 'Voldoende kan pas als het praktijkdeel minstens 40 uur heeft (nu 39 uur).' }]);
    expect(await rows()).toBe(2);

    expect((await practical(60, '2027-05-27')).status).toBe(201);
    expect(await signals()).toEqual([{ status: 'open', addressee: 'municipality', resolution: null }]);
    // In the consultant's work list, not in the provider's.
    const listed = async (c: Client) => ((await c.get('/api/v1/signals')).body.items as { cause: string; participant: { id: string } | null }[]).filter((x) => x.cause === 'map.endConversationDue' && x.participant?.id === participantId);
    expect(await listed(consultant)).toHaveLength(1);
    expect(await listed(werkwijs)).toHaveLength(0);
    const again = await werkwijs.request('PUT', `/api/v1/participants/${participantId}/map-themes/network`, { referralId: mapReferral, status: 'done', note: 'Nog eens' });
    expect(again.status).toBe(200);
    expect(await signals()).toHaveLength(1);
    expect((await consultant.get(path())).body.readiness).toEqual({ themesDone: 8, practicalMinutes: 40 * 60, requiredMinutes: 40 * 60, readyForEndConversation: true });
  });

  it('the provider proposes a date (not in the past), which answers the signal', async () => {
    const past = await werkwijs.request('PUT', `${path()}/planning`, { referralId: mapReferral, version: 0, plannedOn: '2027-05-31' });
    expect(past.status).toBe(422);
    expect(past.body.invalidParams[0]).toMatchObject({ name: 'plannedOn', code: 'past' });
    const planned = await werkwijs.request('PUT', `${path()}/planning`, { referralId: mapReferral, version: 0, plannedOn: '2027-06-15' });
    expect(planned.status, JSON.stringify(planned.body)).toBe(200);
    expect(planned.body.planned).toMatchObject({ version: 1, plannedOn: '2027-06-15' });
    expect(await signals()).toEqual([{ status: 'resolved', addressee: 'municipality', resolution: 'answered' }]);
  });

  it('the consultant records the date held and the outcome with the facts it was judged on; a correction is a new version', async () => {
    t.clock.setToday('2027-06-16');
    expect((await outcome(consultant, { heldOn: '2027-06-17' })).body.invalidParams[0]).toMatchObject({ name: 'heldOn', code: 'future' });
    expect((await outcome(consultant, { outcome: 'notYet' })).body.invalidParams[0]).toMatchObject({ name: 'reason', code: 'required' });
    expect((await outcome(consultant, { heldOn: '2027-01-03' })).body.invalidParams[0]).toMatchObject({ name: 'heldOn', code: 'beforeReferral' });
    const held = await outcome(consultant, { heldOn: '2027-06-15' });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect(held.body.held).toMatchObject({ version: 1, heldOn: '2027-06-15', outcome: 'sufficient', themesDone: 8, practicalMinutes: 2400, recordedByOrganisation: expect.stringContaining('Hoorn') });
    expect((await outcome(consultant, { heldOn: '2027-06-15' })).status).toBe(409);
    const corrected = await outcome(consultant, { version: 1, heldOn: '2027-06-14' });
    expect(corrected.body.held).toMatchObject({ version: 2, heldOn: '2027-06-14' });
    const stored = await t.koers.db.query<{ heldOn: string }>(`SELECT held_on::text AS "heldOn" FROM map_end_conversation WHERE participant_id = $1 AND kind = 'held' ORDER BY version`, [participantId]);
    expect(stored.map((r) => r.heldOn)).toEqual(['2027-06-15', '2027-06-14']);
    const audit = await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_event WHERE name = 'participation.record' AND status = 'ok' AND object_type = 'mapEndConversation'`);
    expect(audit[0]?.n).toBe(2 + 1 + 2);
  });

  it("a MAP referral has its own learning plan: submitted only with the MAP part (every theme, 40 planned practical hours), then approved as every plan", async () => {
    const step = async (c: Client, body: Record<string, unknown>) => {
      const detail = await c.get(`/api/v1/referrals/${mapReferral}`);
      return c.post(`/api/v1/referrals/${mapReferral}/events`, { lockVersion: detail.body.lockVersion, ...body });
    };
    for (const body of [{ type: 'acknowledged' }, { type: 'intakeInvited', intakeDate: '2027-06-16', location: 'Hoorn' }, { type: 'intakeHeld', heldOn: '2027-06-16', regularStartInTime: true }]) {
      expect((await step(werkwijs, body)).status).toBe(200);
    }
    const plans = async () => (await t.koers.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM learning_plan WHERE referral_id = $1`, [mapReferral]))[0]?.n;
    const without = await step(werkwijs, { type: 'planSubmitted', content: aLearningPlan() });
    expect(without.status).toBe(422);
    expect(without.body.invalidParams).toEqual([{ name: 'content.map.included', code: 'mapRequired', reason: 'Dit is een aanmelding voor de MAP: beschrijf in het leerplan hoe de MAP wordt ingezet.' }]);
    const themes = MapThemes.map((theme) => ({ theme, approach: `Groepsles en opdracht over ${theme}` }));
    const short = await step(werkwijs, { type: 'planSubmitted', content: aLearningPlan({ map: { included: true, practicalPart: 'Werkervaringsplek bij Restaurant De Waag', practicalHours: 39, themes: themes.slice(1) } }) });
    expect(short.status).toBe(422);
    expect(short.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['content.map.practicalHours', 'content.map.themes.careerOrientation']);
    expect(await plans()).toBe(0);
    const map = { included: true, practicalPart: 'Werkervaringsplek bij Restaurant De Waag', practicalHours: 40, themes };
    expect((await step(werkwijs, { type: 'planSubmitted', content: aLearningPlan({ map }) })).status).toBe(200);
    const approved = await step(consultant, { type: 'planApproved', planVersion: 1 });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.learningPlans[0]).toMatchObject({ status: 'approved', content: { map } });
    // The plan's PDF names each theme with how it is dealt with.
    const pdf = await consultant.bytes(`/api/v1/learning-plans/${approved.body.learningPlans[0].id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdfGlyphText(pdf.bytes)).toContain('Netwerk opbouwen');
    // Another product's plan may still leave the MAP out (the rule is the MAP referral's).
    const languageStep = async (body: Record<string, unknown>) =>
      taalpunt.post(`/api/v1/referrals/${languageReferral}/events`, { lockVersion: (await taalpunt.get(`/api/v1/referrals/${languageReferral}`)).body.lockVersion, ...body });
    for (const body of [{ type: 'acknowledged' }, { type: 'intakeInvited', intakeDate: '2027-06-16', location: 'Hoorn' }, { type: 'intakeHeld', heldOn: '2027-06-16', regularStartInTime: true }, { type: 'planSubmitted', content: aLearningPlan() }]) {
      const res = await languageStep(body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  });
});
