// Browser test of issue #12 (R-PRT-1, R-PRT-2): the participant's own Koers in plain Dutch and English.
// The demo participant logs in, reads the home (where they are, what comes next, what is expected, whom
// to call; "not begun" before the route starts, never "achter"), their approved and signed learning
// plan, their timetable of this week and next, their attendance and hours with the norm explained, and
// a report the school sent; switches to English (the html lang follows, the choice stays after a
// reload) and back; "Mijn activiteiten" first without activities (an encouraging sentence), then after a
// MAP referral to WerkWijs with an activity, the practical part against 40 hours and the themes, while the
// home names WerkWijs for work, not as the language school. axe-core checks every page in both
// languages; the menu holds the participant's own pages only, each in the chosen language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { apiAs, demoParticipant, heading, logIn, ok, settled } from './helpers.js';
import { tinyPdf } from './tiny-pdf.js';

const PARTICIPANT = 'inburgeraar@koers.demo';
const COORDINATOR = 'coordinator.taalpunt@koers.demo';
const CONSULTANT = 'consultant.hoorn@koers.demo';
const WERKWIJS = 'coordinator.werkwijs@koers.demo';
const TODAY = '2026-12-23';
const HOURS = 40;

describe("the participant's own Koers in plain Dutch and English", () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let participantId = '';

  const region = (name: string) => page.getByRole('region', { name, exact: true });
  const menu = (name: string) => page.getByRole('navigation', { name, exact: true });
  const htmlLang = () => page.evaluate(() => document.documentElement.lang);

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
    ({ id: participantId } = await demoParticipant(koers.url, PARTICIPANT));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  it('before the route starts the home says so, names what comes next, what to do and whom to call', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, PARTICIPANT);
    await heading(page, 'Mijn voortgang');
    expect(await htmlLang()).toBe('nl');
    await region('Hoe gaat het?').getByText('Uw lessen zijn nog niet begonnen.', { exact: true }).waitFor();
    expect(await page.getByRole('main').innerText()).not.toMatch(/achter/i);
    await region('Waar ben ik?').getByText(/^U bent aangemeld bij .+\. Dat is uw taalschool\.$/).waitFor();
    await region('Wat komt hierna?').getByText('Uw taalschool vertelt u wanneer de lessen beginnen.', { exact: true }).waitFor();
    await region('Wat moet ik doen?').getByText('Ga naar elke les.', { exact: true }).waitFor();
    const call = region('Wie kan ik bellen?');
    await call.getByText(/^Uw gemeente: .+\. Daar werkt uw klantmanager\.$/).waitFor();
    await call.getByText(/^Uw taalschool: .+\. Bel of mail hen over uw lessen\.$/).waitFor();
    // 001 Bijlage 1 guideline 5: the municipality's phone number (contracts/westfriesland.yaml, fictional)
    // dials from the page, the provider's too; with both complete no "on their website" fallback.
    expect(await call.getByRole('link', { name: '0229 000 003', exact: true }).getAttribute('href')).toBe('tel:0229000003');
    expect(await call.getByRole('link', { name: 'inburgering@hoorn.example', exact: true }).getAttribute('href')).toBe('mailto:inburgering@hoorn.example');
    const tels = await call.locator('a[href^="tel:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(tels).toHaveLength(2);
    expect(await call.getByText('Hun telefoonnummer en e-mailadres staan op hun website.').count()).toBe(0);
    // The menu: the participant's own pages, no staff entries.
    const links = (await menu('Hoofdmenu').getByRole('link').allInnerTexts()).map((s) => s.trim());
    expect(links).toEqual(['Mijn voortgang', 'Mijn leerplan', 'Mijn rooster', 'Mijn aanwezigheid', 'Mijn activiteiten']);
    await checkA11y(page, 'mijn voortgang (nl)');
  });

  it('after the school pushed hours, sent a report and the plan was approved and signed, the participant reads them, the timetable and attendance', async () => {
    if (!koers) throw new Error('Koers did not start');
    const coordinator = (await apiAs(koers.url, COORDINATOR)).api;
    const file = await ok<{ referrals: { id: string; provider: { name: string } }[] }>(coordinator.get(`/api/v1/participants/${participantId}`), 'participant');
    const referral = file.referrals.find((r) => r.provider.name.includes('Taalpunt'));
    expect(referral, 'the demo participant is referred to Taalpunt').toBeDefined();
    const items = Array.from({ length: HOURS / 4 }, (_, i) => ({ externalId: `e2e-portal-${i}`, participantId, referralId: referral?.id, date: `2026-12-${String(1 + i * 2).padStart(2, '0')}`, kind: 'language', minutes: 240 }));
    await ok(coordinator.post('/api/v1/hours-batches', { data: { items }, headers: { 'Idempotency-Key': 'e2e-portal-hours' } }), 'hours push');
    const draft = await ok<{ id: string; lockVersion: number; content: Record<string, unknown> }>(coordinator.post(`/api/v1/participants/${participantId}/progress-reports`, { data: { kind: 'progress' } }), 'report');
    const content = { ...draft.content, expectedEndLevel: 'B1', expectedExamDate: '2027-09-01', risks: 'Geen.', interventions: 'Extra taalcafé op woensdag.', wellbeing: 'Goed.', attendanceReasons: 'Geen.' };
    const saved = await ok<{ lockVersion: number }>(coordinator.put(`/api/v1/progress-reports/${draft.id}`, { data: { lockVersion: draft.lockVersion, content } }), 'report save');
    await ok(coordinator.post(`/api/v1/progress-reports/${draft.id}/submission`, { data: { lockVersion: saved.lockVersion } }), 'report submit');
    // The referral taken to an approved, signed learning plan, step by step from where the demo left it.
    const consultant = (await apiAs(koers.url, CONSULTANT)).api;
    const ref = `/api/v1/referrals/${referral?.id ?? ''}`;
    const plan = { route: 'b1', targetLevels: { reading: 'B1', writing: 'A2', listening: 'B1', speaking: 'B1' }, weeklySchedule: { dayParts: 4, evening: false, weekend: false, online: false, blended: true }, map: { included: false, practicalPart: '', practicalHours: 0 }, childCare: { needed: true, days: ['mon', 'wed'], times: '08:30-12:30', changes: '' }, expectedDurationMonths: 18 };
    const next: Record<string, [typeof coordinator, Record<string, unknown>]> = {
      referred: [coordinator, { type: 'acknowledged' }],
      acknowledged: [coordinator, { type: 'intakeInvited', intakeDate: TODAY, location: 'Hoorn' }],
      intakeInvited: [coordinator, { type: 'intakeHeld', heldOn: TODAY, regularStartInTime: true }],
      intakeHeld: [coordinator, { type: 'planSubmitted', content: plan }],
      planReturned: [coordinator, { type: 'planSubmitted', content: plan }],
      planSubmitted: [consultant, { type: 'planApproved', planVersion: 1 }],
    };
    for (;;) {
      const { status, lockVersion } = await ok<{ status: string; lockVersion: number }>(coordinator.get(ref), 'referral');
      if (status === 'planApproved') {
        await ok(coordinator.post(`${ref}/signed-learning-plan?lockVersion=${lockVersion}`, { data: tinyPdf(), headers: { 'content-type': 'application/pdf', 'x-file-name': 'leerplan-getekend.pdf' } }), 'signed upload');
        break;
      }
      const step = next[status];
      if (step === undefined) throw new Error(`the demo referral is ${status}: no step leads to an approved plan from here`);
      if (status === 'planSubmitted') {
        const detail = await ok<{ learningPlans: { version: number; status: string }[] }>(consultant.get(ref), 'plans');
        step[1].planVersion = Math.max(...detail.learningPlans.map((p) => p.version));
      }
      await ok(step[0].post(`${ref}/events`, { data: { lockVersion, ...step[1] } }), `step ${String(step[1].type)}`);
    }
    await consultant.dispose();

    // A group on Tuesdays with the participant in it: the timetable's lessons (R-GRP-2).
    const group = await ok<{ id: string }>(coordinator.post('/api/v1/groups', { data: { name: 'Portaal dinsdag', levelBand: 'a2b1', literacy: 'literate', location: 'Hoorn, Dampten 10', schedule: [{ weekday: 2, startTime: '09:00', minutes: 180, kind: 'language' }], activeFrom: '2026-12-01' } }), 'group');
    await ok(coordinator.post(`/api/v1/groups/${group.id}/lessons/generate`, { data: { from: '2026-12-21', to: '2027-01-03' } }), 'lessons');
    await ok(coordinator.post(`/api/v1/groups/${group.id}/members`, { data: { participantId, referralId: referral?.id, from: '2026-12-01', literacy: 'literate' } }), 'placement');
    await coordinator.dispose();

    await page.reload();
    await heading(page, 'Mijn voortgang');
    await settled(page);
    await region('Uw uren').getByText(`U heeft ${HOURS} uur les gehad. Het doel is 600 uur.`, { exact: true }).waitFor();
    const report = region('Voortgangsverslag van 23 december 2026');
    await report.getByText('Wat we gaan doen: Extra taalcafé op woensdag.', { exact: true }).waitFor();
    expect(await report.getByRole('link', { name: 'Download het voortgangsverslag van 23 december 2026 (pdf)', exact: true }).getAttribute('href')).toMatch(/^\/api\/v1\/progress-reports\/[0-9a-f-]{36}\/pdf$/);
    await checkA11y(page, 'mijn voortgang met verslag (nl)');

    await menu('Hoofdmenu').getByRole('link', { name: 'Mijn leerplan', exact: true }).click();
    await heading(page, 'Mijn leerplan');
    await settled(page);
    await page.getByText(`De gemeente heeft uw leerplan goedgekeurd op 23 december 2026.`, { exact: false }).waitFor();
    await region('Wat gaat u doen?').getByText('Uw route: Nederlands leren tot niveau B1.', { exact: true }).waitFor();
    await region('Welk niveau is uw doel?').getByText('Schrijven: niveau A2.', { exact: true }).waitFor();
    await region('Opvang voor uw kinderen').getByText('U heeft opvang nodig voor uw kinderen.', { exact: true }).waitFor();
    const signedLink = region('Het getekende leerplan').getByRole('link', { name: 'Download het getekende leerplan (pdf)', exact: true });
    expect(await signedLink.getAttribute('href')).toBe(`/api/v1/participants/${participantId}/learning-plan/signed.pdf`);
    // The participant's session downloads it (an audited read, test/my-learning-plan.int.test.ts).
    const pdf = await page.request.get(`${koers.url}/api/v1/participants/${participantId}/learning-plan/signed.pdf`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await checkA11y(page, 'mijn leerplan (nl)');

    await menu('Hoofdmenu').getByRole('link', { name: 'Mijn rooster', exact: true }).click();
    await heading(page, 'Mijn rooster');
    await settled(page);
    await region('Deze week').getByText('Dinsdag 22 december 2026, om 09:00 uur.', { exact: true }).waitFor();
    expect(await region('Deze week').innerText()).toContain('Taalles, 180 minuten. Waar: Hoorn, Dampten 10. Groep: Portaal dinsdag.');
    await region('Volgende week').getByText('Dinsdag 29 december 2026, om 09:00 uur.', { exact: true }).waitFor();
    await checkA11y(page, 'mijn rooster (nl)');

    // No participation activities yet (a language route only): an encouraging sentence, no MAP part.
    await menu('Hoofdmenu').getByRole('link', { name: 'Mijn activiteiten', exact: true }).click();
    await heading(page, 'Mijn activiteiten');
    await settled(page);
    await region('Wat heb ik gedaan?').getByText('Er staan nog geen activiteiten voor u.', { exact: true }).waitFor();
    expect(await region('Wat heb ik gedaan?').innerText()).toContain('Dat komt nog! Samen zoeken we iets dat bij u past.');
    expect(await region('Oefenen voor werk').count()).toBe(0);
    await checkA11y(page, 'mijn activiteiten, nog geen (nl)');

    await menu('Hoofdmenu').getByRole('link', { name: 'Mijn aanwezigheid', exact: true }).click();
    await heading(page, 'Mijn aanwezigheid');
    await settled(page);
    expect(await menu('Hoofdmenu').getByRole('link', { name: 'Mijn aanwezigheid', exact: true }).getAttribute('aria-current')).toBe('page');
    await region('De regel').getByText('U moet bij 80 van de 100 lessen zijn.', { exact: true }).waitFor();
    await region('Mijn uren').getByText(`U heeft in totaal ${HOURS} uur gehad.`, { exact: true }).waitFor();
    await region('Mijn uren').getByText(`Daarvan ${HOURS} uur taalles.`, { exact: true }).waitFor();
    await checkA11y(page, 'mijn aanwezigheid (nl)');
  });

  it('switches to English with the keyboard: texts, menu and html lang follow; the choice stays after a reload', async () => {
    if (!koers) throw new Error('Koers did not start');
    const toEnglish = page.getByRole('button', { name: 'Read this page in English', exact: true });
    await toEnglish.focus();
    await page.keyboard.press('Enter');
    await heading(page, 'My attendance');
    expect(await htmlLang()).toBe('en');
    await region('The rule').getByText('You must be at 80 of every 100 lessons.', { exact: true }).waitFor();
    await region('My hours').getByText(`In total you have had ${HOURS} hours.`, { exact: true }).waitFor();
    await checkA11y(page, 'my attendance (en)');

    await page.reload();
    await heading(page, 'My attendance');
    expect(await htmlLang()).toBe('en');
    await menu('Main menu').getByRole('link', { name: 'My progress', exact: true }).click();
    await heading(page, 'My progress');
    await region('Your hours').getByText(`You have had ${HOURS} hours of lessons. The goal is 600 hours.`, { exact: true }).waitFor();
    await region('What should I do?').getByText('Go to every lesson.', { exact: true }).waitFor();
    await region('Whom can I call?').getByText(/^Your language school: .+\./).waitFor();
    const report = region('Progress report of 23 December 2026');
    // The report is the school's Dutch: said so in English, and marked lang="nl" for a screen reader.
    await report.getByText('This text is in Dutch.', { exact: true }).waitFor();
    expect(await report.locator('[lang="nl"]').first().innerText()).toContain('Wat we gaan doen: Extra taalcafé op woensdag.');
    await report.getByRole('link', { name: 'Download the progress report of 23 December 2026 (pdf, in Dutch)', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Log out', exact: true }).count()).toBe(1);
    await checkA11y(page, 'my progress (en)');

    await menu('Main menu').getByRole('link', { name: 'My learning plan', exact: true }).click();
    await heading(page, 'My learning plan');
    await region('What will you do?').getByText('Your route: learning Dutch up to level B1.', { exact: true }).waitFor();
    await region('The signed learning plan').getByRole('link', { name: 'Download the signed learning plan (pdf, in Dutch)', exact: true }).waitFor();
    await checkA11y(page, 'my learning plan (en)');

    await menu('Main menu').getByRole('link', { name: 'My activities', exact: true }).click();
    await heading(page, 'My activities');
    await region('What have I done?').getByText('There are no activities for you yet.', { exact: true }).waitFor();
    await checkA11y(page, 'my activities, none yet (en)');

    await menu('Main menu').getByRole('link', { name: 'My timetable', exact: true }).click();
    await heading(page, 'My timetable');
    await region('This week').getByText('Tuesday 22 December 2026, at 09:00.', { exact: true }).waitFor();
    expect(await region('Next week').innerText()).toContain('Language lesson, 180 minutes. Where: Hoorn, Dampten 10. Group: Portaal dinsdag.');
    await checkA11y(page, 'my timetable (en)');

    await page.getByRole('button', { name: 'Lees deze pagina in het Nederlands', exact: true }).click();
    await heading(page, 'Mijn rooster');
    expect(await htmlLang()).toBe('nl');
    expect(await menu('Hoofdmenu').getByRole('link', { name: 'Mijn rooster', exact: true }).getAttribute('aria-current')).toBe('page');
    await page.reload();
    await heading(page, 'Mijn rooster');
    expect(await page.evaluate(() => window.localStorage.getItem('koers.taal'))).toBe('nl');
  });

  it('staff screens stay Dutch: after the participant chose English, a coordinator in the same browser reads Dutch', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.getByRole('button', { name: 'Read this page in English', exact: true }).click();
    await heading(page, 'My timetable');
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await heading(page, 'Inloggen');
    expect(await htmlLang()).toBe('nl');
    await logIn(page, COORDINATOR);
    expect(await htmlLang()).toBe('nl');
    await menu('Hoofdmenu').getByRole('link', { name: 'Groepen', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Uitloggen', exact: true }).count()).toBe(1);
  });

  it('after a MAP referral to WerkWijs and its first activity: the home names WerkWijs for work, "Mijn activiteiten" shows the activity and the practical part, in Dutch and English', async () => {
    if (!koers) throw new Error('Koers did not start');
    const werkwijs = (await apiAs(koers.url, WERKWIJS)).api;
    const session = await ok<{ user: { organisation: { id: string } } }>(werkwijs.get('/api/v1/sessions/current'), 'session');
    const consultant = (await apiAs(koers.url, CONSULTANT)).api;
    const referral = await ok<{ id: string }>(consultant.post('/api/v1/referrals', { data: { participantId, providerId: session.user.organisation.id, productCode: 'map' } }), 'MAP referral');
    await consultant.dispose();
    await ok(werkwijs.post(`/api/v1/participants/${participantId}/participation-activities`, { data: { referralId: referral.id, kind: 'workExperience', organisation: 'Bakkerij Vink', startDate: TODAY, endDate: TODAY, minutes: 600 } }), 'activity');
    await ok(werkwijs.put(`/api/v1/participants/${participantId}/map-themes/network`, { data: { referralId: referral.id, status: 'done' } }), 'theme');
    await werkwijs.dispose();

    await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
    await heading(page, 'Inloggen');
    // The participant chose English in the previous test; logIn waits for the Dutch home.
    await page.evaluate(() => window.localStorage.setItem('koers.taal', 'nl'));
    await page.reload();
    await logIn(page, PARTICIPANT);
    await region('Waar ben ik?').getByText('U doet mee met activiteiten van WerkWijs Participatie.', { exact: true }).waitFor();
    await region('Wie kan ik bellen?').getByText(/^Voor werk en meedoen: WerkWijs Participatie\. Bel of mail hen over uw activiteiten\.$/).waitFor();
    expect(await region('Waar ben ik?').innerText()).not.toContain('taalschool');
    await checkA11y(page, 'mijn voortgang bij WerkWijs (nl)');

    await menu('Hoofdmenu').getByRole('link', { name: 'Mijn activiteiten', exact: true }).click();
    await heading(page, 'Mijn activiteiten');
    await settled(page);
    await region('Wat heb ik gedaan?').getByText('Werkervaring', { exact: true }).waitFor();
    expect(await region('Wat heb ik gedaan?').innerText()).toContain('Werkervaring: Bakkerij Vink. Op 23 december 2026. U deed dit 10 uur.');
    expect(await region('Hoeveel uur per soort?').innerText()).toContain('Werkervaring: 10 uur.');
    const practical = region('Oefenen voor werk');
    await practical.getByText('U oefent minstens 40 uur in de praktijk.', { exact: true }).waitFor();
    expect(await practical.innerText()).toContain('U heeft 10 uur geoefend. U moet nog 30 uur oefenen.');
    expect(await practical.getByRole('progressbar').getAttribute('value')).toBe('600');
    const themes = region('Wat leert u over werk?');
    await themes.getByText('U leert over 8 onderwerpen. Klaar: 1 van de 8.', { exact: true }).waitFor();
    expect(await themes.getByRole('listitem').count()).toBe(8);
    expect(await themes.innerText()).toContain('Mensen leren kennen die mij helpen: klaar');
    await checkA11y(page, 'mijn activiteiten met MAP (nl)');

    await page.getByRole('button', { name: 'Read this page in English', exact: true }).click();
    await heading(page, 'My activities');
    expect(await htmlLang()).toBe('en');
    expect(await region('What have I done?').innerText()).toContain('Work experience: Bakkerij Vink. On 23 December 2026. You did this for 10 hours.');
    expect(await region('Practising for work').innerText()).toContain('You have practised 10 hours. You still need to practise 30 hours.');
    expect(await region('What do you learn about work?').innerText()).toContain('Meeting people who help me: done');
    // The place is the provider's Dutch: marked so for a screen reader (WCAG 3.1.2).
    expect(await region('What have I done?').locator('[lang="nl"]').first().innerText()).toBe('Bakkerij Vink');
    await checkA11y(page, 'my activities with MAP (en)');
    await page.getByRole('button', { name: 'Lees deze pagina in het Nederlands', exact: true }).click();
    await heading(page, 'Mijn activiteiten');
  });
});
