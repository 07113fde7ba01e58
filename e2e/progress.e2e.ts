// Browser test of issue #5: the provider files a progress report (the server's missing fields shown next
// to their fields first) and asks down-scaling of writing, whose failed checks are shown; the
// municipality approves despite them, with a reason; the participant reads the report in plain Dutch.
// axe-core checks each new page. The participant is the demo account, linked to the demo region's first
// participant (referred to Taalpunt); the provider's system pushes 120 hours of lessons beforehand.
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { apiAs, demoParticipant, heading, logIn, logOut, ok, openFromMenu, openProgress as openProgressPage, settled } from './helpers.js';

const CONSULTANT = 'consultant.hoorn@koers.demo';
const COORDINATOR = 'coordinator.taalpunt@koers.demo';
const PARTICIPANT = 'inburgeraar@koers.demo';
const TODAY = '2026-12-23';
const HOURS = 120;
const SCALING_REASON = 'Schrijven blijft steken op A1, ondanks extra schrijflessen.';
const APPROVAL_REASON = 'Gesprek op 22 december: schrijven op A2 is haalbaar en past bij het werk.';

describe('progress report and scaling, read by the participant', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let participantId = '';
  let name = '';
  let reportUrl = '';

  const region = (regionName: string | RegExp) => page.getByRole('region', { name: regionName, exact: typeof regionName === 'string' });
  const announced = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();

  async function openProgress(): Promise<void> {
    if (!koers) throw new Error('Koers did not start');
    await openProgressPage(page, koers.url, participantId, name);
  }

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();

    ({ id: participantId, name } = await demoParticipant(koers.url, PARTICIPANT));

    // The provider's own system pushes 30 days of 4 hours of language lessons (R-EXC-1).
    const coordinator = (await apiAs(koers.url, COORDINATOR)).api;
    const file = await ok<{ referrals: { id: string; provider: { name: string } }[] }>(coordinator.get(`/api/v1/participants/${participantId}`), 'participant');
    const referral = file.referrals.find((r) => r.provider.name.includes('Taalpunt'));
    expect(referral, 'the demo participant is referred to Taalpunt').toBeDefined();
    const items = Array.from({ length: HOURS / 4 }, (_, i) => ({
      externalId: `e2e-progress-${i}`,
      participantId,
      referralId: referral?.id,
      date: new Date(Date.UTC(2026, 9, 1 + i * 2)).toISOString().slice(0, 10),
      kind: 'language',
      minutes: 240,
    }));
    await ok(coordinator.post('/api/v1/hours-batches', { data: { items }, headers: { 'Idempotency-Key': 'e2e-progress-hours' } }), 'hours push');
    await coordinator.dispose();
  }, 120_000);

  // Each step builds on the one before: after a failure the rest would only fail at "Inloggen".
  let failed = false;
  afterEach((context) => {
    if (context.task.result?.state === 'fail') failed = true;
  });
  beforeEach((context) => {
    if (failed) context.skip();
  });

  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  it('the coordinator files a progress report: missing fields are named next to them, then it is submitted', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, COORDINATOR);
    await openProgress();
    const status = region('Status');
    expect(await status.textContent()).toContain(`Uren gemaakt: ${HOURS} van 600 uur`);
    await status.getByRole('list').first().waitFor();
    await region('Prognose').getByRole('row', { name: /^200 uur/ }).waitFor();
    await checkA11y(page, 'voortgang (aanbieder)');

    await page.getByRole('button', { name: 'Voortgangsrapportage maken', exact: true }).click();
    await heading(page, `Voortgangsrapportage van ${name}`);
    await settled(page);
    reportUrl = page.url();
    expect(reportUrl).toMatch(/\/voortgangsrapportages\/[0-9a-f-]{36}$/);
    // Pre-filled by Koers.
    expect(await region('Ingevuld door Koers').textContent()).toContain(`${HOURS} uur`);
    await checkA11y(page, 'rapportage (concept)');

    // Submitted as it is: the server names what is missing; each message sits next to its field.
    await page.getByRole('button', { name: 'Indienen', exact: true }).click();
    const summary = page.getByRole('heading', { name: 'Controleer het formulier' });
    await summary.waitFor();
    await page.getByRole('link', { name: 'Kies het verwachte eindniveau binnen de termijn.', exact: true }).waitFor();
    const endLevel = page.getByLabel('Verwacht eindniveau binnen de termijn', { exact: true });
    expect(await endLevel.getAttribute('aria-invalid')).toBe('true');
    await page.waitForFunction(() => document.activeElement?.classList.contains('koers-error-summary') === true);
    await checkA11y(page, 'rapportage met fouten');

    await endLevel.selectOption({ label: 'B1' });
    await page.getByLabel(/^Risico op stagnatie/).fill('Weinig oefenen thuis.');
    await page.getByLabel(/^Interventies/).fill('Extra taalcafé op woensdag.');
    await page.getByRole('button', { name: 'Indienen', exact: true }).click();
    await announced('De rapportage is ingediend.');
    await page.getByText('Ingediend', { exact: true }).waitFor();
    const plain = region('In eenvoudige taal, voor de inburgeraar');
    await plain.getByText(`U heeft ${HOURS} uur les gehad. Het doel is 600 uur.`, { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Indienen' }).count()).toBe(0);
    await checkA11y(page, 'rapportage (ingediend)');
  });

  it('the coordinator asks down-scaling of writing; the failed checks are shown with their reasons', async () => {
    await page.getByRole('link', { name: 'Terug naar de voortgang', exact: true }).click();
    await heading(page, `Voortgang van ${name}`);
    await settled(page);
    await region('Rapportages').getByRole('row', { name: /Voortgangsrapportage van 23-12-2026.*Ingediend/ }).waitFor();

    // Issue #10 item 5: the form opens on demand, and focus moves to its first field.
    const open = page.getByRole('button', { name: 'Aanvraag af- of opschaling', exact: true });
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    expect(await region('Af- of opschaling aanvragen').count()).toBe(0);
    await open.click();
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    const form = region('Af- of opschaling aanvragen');
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'schaling-skill');
    await form.getByLabel('Vaardigheid', { exact: true }).selectOption({ label: 'Schrijven' });
    await form.getByLabel('Afschalen', { exact: true }).check();
    await form.getByLabel('Nieuw niveau', { exact: true }).selectOption({ label: 'A2' });
    await form.getByLabel('Reden van de aanvraag', { exact: true }).fill(SCALING_REASON);
    await form.getByRole('button', { name: 'Aanvragen', exact: true }).click();
    await announced(/Afschalen schrijven van B1 naar A2 is aangevraagd\. 1 voorwaarde is niet voldaan\./);
    // Saved: the form closes.
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    expect(await region('Af- of opschaling aanvragen').count()).toBe(0);

    const scaling = region('Afschalen schrijven van B1 naar A2');
    expect(await scaling.textContent()).toContain('Wacht op besluit gemeente');
    const failedCheck = scaling.getByRole('listitem').filter({ hasText: 'Niet voldaan' });
    expect(await failedCheck.count()).toBe(1);
    expect(await failedCheck.textContent()).toContain(`Er zijn ${HOURS} uur NT2-les gevolgd. Afschalen kan pas na minimaal 600 uur.`);
    expect(await scaling.getByRole('listitem').filter({ hasText: /^Voldaan/ }).count()).toBe(3);
    await checkA11y(page, 'voortgang met schalingsaanvraag');
    await logOut(page);
  });

  it('the consultant finds the request in the work list and approves it despite the failed check, with a reason', async () => {
    await logIn(page, CONSULTANT);
    await page.getByRole('row').filter({ hasText: 'Beslissing over af-/opschaling' }).filter({ hasText: name }).first().waitFor();

    await openProgress();
    await region('Rapportages').getByRole('row', { name: /Voortgangsrapportage van 23-12-2026/ }).waitFor();
    const scaling = region('Afschalen schrijven van B1 naar A2');
    await scaling.getByRole('button', { name: 'Besluit over de aanvraag registreren', exact: true }).click();
    await scaling.getByRole('radiogroup', { name: /^Uw besluit/ }).getByLabel('Goedkeuren', { exact: true }).check();
    await scaling.getByRole('button', { name: 'Besluit vastleggen', exact: true }).click();
    const missing = 'Niet alle voorwaarden zijn voldaan. Schrijf op waarom u toch goedkeurt.';
    await scaling.getByRole('link', { name: missing, exact: true }).waitFor();
    await checkA11y(page, 'besluit met fouten');

    await scaling.getByLabel(/^Toelichting/).fill(APPROVAL_REASON);
    await scaling.getByRole('button', { name: 'Besluit vastleggen', exact: true }).click();
    await announced('Afschalen schrijven van B1 naar A2 is goedgekeurd.');
    await scaling.getByText('Goedgekeurd', { exact: true }).waitFor();
    expect(await scaling.textContent()).toContain(`Toelichting van de gemeente: ${APPROVAL_REASON}`);
    expect(await scaling.getByRole('button').count()).toBe(0);
    const writing = region('Niveaus per vaardigheid').getByRole('row', { name: /^Schrijven/ });
    expect(await writing.getByRole('cell').first().textContent()).toBe('A2');
    await checkA11y(page, 'voortgang (gemeente)');

    // The municipality reads the submitted report too.
    await region('Rapportages').getByRole('link', { name: /^Voortgangsrapportage van 23-12-2026/ }).click();
    await heading(page, `Voortgangsrapportage van ${name}`);
    await settled(page);
    expect(await region('Ingevuld door de aanbieder').textContent()).toContain('Extra taalcafé op woensdag.');
    await checkA11y(page, 'rapportage (gemeente)');
    await logOut(page);
  });

  it('the participant reads the report in plain Dutch on their own page', async () => {
    await logIn(page, PARTICIPANT);
    await openFromMenu(page, 'Mijn voortgang', 'Mijn voortgang');
    await region('Uw uren').getByText(`U heeft ${HOURS} uur les gehad. Het doel is 600 uur.`, { exact: true }).waitFor();
    expect(await page.getByRole('progressbar').getAttribute('value')).toBe(String(HOURS));
    const report = region('Voortgangsverslag van 23 december 2026');
    await report.getByText(`U heeft ${HOURS} uur les gehad. Het doel is 600 uur.`, { exact: true }).waitFor();
    await report.getByText('Wat we gaan doen: Extra taalcafé op woensdag.', { exact: true }).waitFor();
    const pdf = report.getByRole('link', { name: 'Download het voortgangsverslag van 23 december 2026 (pdf)', exact: true });
    expect(await pdf.getAttribute('href')).toMatch(/^\/api\/v1\/progress-reports\/[0-9a-f-]{36}\/pdf$/);
    await checkA11y(page, 'mijn voortgang');
    await logOut(page);
  });
});
