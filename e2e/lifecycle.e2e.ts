// Browser test of issue #3, from referral to start (R-REF-2, R-REF-3, R-REF-6, R-REF-7, R-SIG-1): intake
// with a no-show, a learning plan returned and resubmitted, approval, the signed plan uploaded, the
// start; the work lists of both parties along the way, the demo clock and the admin's outbox.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { tinyPdf } from './tiny-pdf.js';
import {
  answer, answerNo, heading, logIn, logOut, makeBsn, openFromMenu,
  randomLetters, searchWorkList, selectOptionMatching, setDemoToday, settled, switchUser,
} from './helpers.js';

const CONSULTANT = 'consultant.hoorn@koers.demo';
const COORDINATOR = 'coordinator.taalpunt@koers.demo';
const ADMIN = 'beheer@koers.demo';
const REMARKS = 'Graag 5 dagdelen per week in plaats van 4.';
const LOCATION = 'Hoorn, Grote Noord 1';

describe('from referral to start', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let referralUrl = '';
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'koers-e2e-pdf-'));
  const pdfPath = path.join(tempDir, 'leerplan-ondertekend.pdf');

  const givenName = 'Amal';
  const familyName = `Yusuf-${randomLetters(6)}`;
  const fullName = `${givenName} ${familyName}`;
  const title = `Aanmelding ${fullName}`;

  const status = () => page.locator('.koers-referral-summary strong');
  const step = (name: string) => page.getByRole('region', { name, exact: true });
  const timeline = () => page.getByRole('region', { name: 'Tijdlijn', exact: true });

  async function openReferral(): Promise<void> {
    await page.goto(referralUrl);
    await heading(page, title);
    await settled(page);
  }

  /** After a step: the confirmation is announced and the status changed; otherwise say what the page says. */
  async function expectStatus(label: string): Promise<void> {
    try {
      await page.getByRole('status').filter({ hasText: /\S/ }).first().waitFor({ timeout: 10_000 });
      await page.locator('.koers-referral-summary').getByText(label, { exact: true }).waitFor({ timeout: 10_000 });
    } catch (error) {
      const shown = await page.locator('main').innerText();
      throw new Error(`Expected status "${label}". The page shows:\n${shown.slice(0, 3000)}`, { cause: error });
    }
    expect(await status().textContent()).toBe(label);
  }

  /** The work-list row for this participant whose link names `step`. */
  function workListRow(stepLabel: string) {
    return page.getByRole('row').filter({ has: page.getByRole('link', { name: new RegExp(`^${stepLabel} voor ${fullName}$`) }) });
  }

  beforeAll(async () => {
    writeFileSync(pdfPath, tinyPdf());
    koers = await startKoers({ today: '2026-12-23' });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
  });

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
    rmSync(tempDir, { recursive: true, force: true });
  });

  it('the consultant refers a new participant to Taalpunt', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, CONSULTANT);
    await openFromMenu(page, 'Nieuwe aanmelding', 'Nieuwe aanmelding');
    await page.getByLabel('BSN', { exact: true }).fill(makeBsn());
    await page.getByLabel('Voornaam', { exact: true }).fill(givenName);
    await page.getByLabel('Achternaam', { exact: true }).fill(familyName);
    await page.getByLabel('Geboortedatum', { exact: true }).fill('1988-03-02');
    await page.getByLabel('Geslacht', { exact: true }).selectOption({ label: 'Vrouw' });
    await page.getByLabel('Leerroute', { exact: true }).selectOption({ label: 'B1-route' });
    await answerNo(page, 'Belemmeringen op het gebied van gezondheid');
    await answerNo(page, 'Belemmeringen op het gebied van justitie');
    await answerNo(page, 'Belemmeringen op het gebied van financiën');
    await selectOptionMatching(page.getByLabel('Aanbieder', { exact: true }), /Taalpunt/);
    await selectOptionMatching(page.getByLabel('Perceel', { exact: true }), /B1/, /taal/i);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await heading(page, fullName);
    await settled(page);

    // The participant's file links each referral to its page and timeline.
    await page.getByRole('link', { name: new RegExp(`: aanmelding van ${fullName} bij .*Taalpunt`) }).click();
    await heading(page, title);
    await settled(page);
    referralUrl = page.url();
    expect(referralUrl).toMatch(/\/aanmeldingen\/[0-9a-f-]{36}$/);
    expect(await status().textContent()).toBe('Aangemeld');
    const todo = page.getByRole('region', { name: 'Wat moet er gebeuren' });
    expect(await todo.getByRole('row', { name: /Ontvangst bevestigen/ }).textContent()).toContain('Aanbieder');
    expect(await timeline().getByRole('listitem').count()).toBe(1);
    await page.getByRole('link', { name: 'Aanmelding (pdf)', exact: true }).waitFor();
    await checkA11y(page, 'aanmelding (aangemeld, gemeente)');
    await logOut(page);
  });

  it('the coordinator acknowledges, invites for intake, and records a no-show', async () => {
    await logIn(page, COORDINATOR, 'Werklijst');
    await searchWorkList(page, fullName);
    await expect.poll(() => workListRow('Ontvangst bevestigen').count(), { timeout: 10_000 }).toBe(1);
    await openFromMenu(page, 'Aanmeldingen', 'Aanmeldingen');
    await page.getByRole('row', { name: new RegExp(familyName) }).getByRole('link', { name: /: aanmelding van / }).click();
    await heading(page, title);
    await settled(page);
    await checkA11y(page, 'aanmelding (aangemeld, aanbieder)');

    await step('Ontvangst bevestigen').getByRole('button', { name: 'Ontvangst bevestigen', exact: true }).click();
    await expectStatus('Ontvangst bevestigd');

    // Validation in Dutch before anything is sent.
    await page.getByRole('button', { name: 'Uitnodiging vastleggen', exact: true }).click();
    await page.getByRole('heading', { name: 'Controleer het formulier' }).waitFor();
    expect(await page.getByLabel('Datum van de intake', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'uitnodiging met fouten');
    await page.getByLabel('Datum van de intake', { exact: true }).fill('2027-01-05');
    await page.getByLabel('Locatie van de intake', { exact: true }).fill(LOCATION);
    await page.getByRole('button', { name: 'Uitnodiging vastleggen', exact: true }).click();
    await expectStatus('Uitgenodigd voor intake');

    // The demo clock moves to the day of the intake: the administrator's menu item alone (issue #9).
    if (!koers) throw new Error('Koers did not start');
    const clock = await (await page.request.get(`${koers.url}/api/v1/today`)).json();
    expect(clock.settable, 'GET /api/v1/today must say settable: true in the demo region of startKoers').toBe(true);
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Systeemdatum', exact: true }).count()).toBe(0);
    await switchUser(page, ADMIN);
    await openFromMenu(page, 'Systeemdatum', 'Systeemdatum');
    await checkA11y(page, 'systeemdatum');
    await page.getByLabel('Systeemdatum', { exact: true }).fill('2027-01-05');
    await page.getByRole('button', { name: 'Datum instellen', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'De systeemdatum is nu 05-01-2027.' }).waitFor();
    await switchUser(page, COORDINATOR);

    await openReferral();
    await answer(page, 'Uitkomst van de intake', 'Niet verschenen (no-show)');
    expect(await page.getByLabel('Datum van de intake', { exact: true }).inputValue()).toBe('2027-01-05');
    await page.getByRole('button', { name: 'Uitkomst vastleggen', exact: true }).click();
    await expectStatus('Niet verschenen op intake');
    // R-REF-3, 001 §1.1: the municipality leads the new intake; the provider cannot invite on its own.
    await page.getByText('U hoeft nu niets vast te leggen in deze aanmelding.', { exact: true }).waitFor();
    expect(await step('Opnieuw uitnodigen voor intake').count()).toBe(0);
    await checkA11y(page, 'aanmelding (no-show)');
    await logOut(page);
  });

  it('the consultant sees the no-show in the work list', async () => {
    await logIn(page, CONSULTANT);
    await searchWorkList(page, fullName);
    const row = page
      .getByRole('group', { name: 'Werklijst', exact: true })
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: new RegExp(`^Nieuwe intake afspreken na no-show voor ${fullName}$`) }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Gemeente');
    // The count per bucket above the list, each a link that filters (issue #10 item 5).
    for (const name of ['Te laat', 'Deze week', 'Later']) await page.getByRole('navigation', { name: 'Signalen per urgentie' }).getByRole('link', { name: new RegExp(`^${name} \\(\\d+\\)$`) }).waitFor();
    await checkA11y(page, 'werklijst met signalen');

    await row.getByRole('button', { name: /^Gezien/ }).click();
    await page.getByRole('status').filter({ hasText: 'Gemarkeerd als gezien' }).waitFor();
    await row.getByText('Gezien', { exact: true }).waitFor();
    expect(await row.getByRole('button').count()).toBe(0);

    // The filters live in the address, so a filtered list can be bookmarked.
    await selectOptionMatching(page.getByLabel('Perceel', { exact: true }), /B1/, /taal/i);
    await page.waitForURL(/perceel=/);
    await row.waitFor();
    await page.getByLabel('Perceel', { exact: true }).selectOption({ label: 'Alle percelen' });
    await page.waitForURL((url) => !url.search.includes('perceel='));

    // R-REF-3: the consultant records the new intake moment agreed after the no-show.
    await openReferral();
    const agree = step('Nieuwe intake afspreken');
    await agree.getByRole('button', { name: 'Afspraak vastleggen', exact: true }).click();
    await page.getByRole('heading', { name: 'Controleer het formulier' }).waitFor();
    const agreedDate = agree.getByLabel('Datum van de nieuwe intake', { exact: true });
    expect(await agreedDate.getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'nieuwe intake afspreken met fouten');
    await agreedDate.fill('2027-01-04');
    await agree.getByRole('button', { name: 'Afspraak vastleggen', exact: true }).click();
    await agree.getByText('De nieuwe intake kan niet vóór de no-show (05-01-2027) liggen.').first().waitFor();
    await agreedDate.fill('2027-01-08');
    await agree.getByLabel('Toelichting', { exact: false }).fill('Telefonisch afgesproken met de inburgeraar.');
    await agree.getByRole('button', { name: 'Afspraak vastleggen', exact: true }).click();
    await expectStatus('Niet verschenen op intake');
    await timeline().getByText('Datum nieuwe intake: 08-01-2027', { exact: false }).waitFor();
    await checkA11y(page, 'aanmelding (nieuwe intake afgesproken)');
    await logOut(page);
  });

  it('the coordinator invites again, records the intake and submits a learning plan', async () => {
    await logIn(page, COORDINATOR);
    await openReferral();
    const invite = step('Opnieuw uitnodigen voor intake');
    expect(await invite.getByLabel('Locatie van de intake', { exact: true }).inputValue()).toBe(LOCATION);
    expect(await invite.getByLabel('Datum van de intake', { exact: true }).inputValue(), 'the agreed moment').toBe('2027-01-08');
    await invite.getByRole('button', { name: 'Uitnodiging vastleggen', exact: true }).click();
    await expectStatus('Uitgenodigd voor intake');

    await setDemoToday(page, '2027-01-08');
    await openReferral();
    await answer(page, 'Uitkomst van de intake', 'Intake gehouden');
    await answer(page, 'Kan de reguliere start binnen de starttermijn (30 werkdagen)?', 'Ja');
    await page.getByRole('button', { name: 'Uitkomst vastleggen', exact: true }).click();
    await expectStatus('Intake gehouden');

    // An empty plan is refused with Dutch messages that link to their fields.
    await page.getByRole('button', { name: 'Leerplan indienen', exact: true }).click();
    await page.getByRole('heading', { name: 'Controleer het formulier' }).waitFor();
    await page.getByRole('link', { name: 'Kies de leerroute.', exact: true }).waitFor();
    await checkA11y(page, 'leerplan met fouten');

    await page.getByLabel('Leerroute', { exact: true }).selectOption({ label: 'B1-route' });
    for (const [skill, level] of [['Lezen', 'B1'], ['Schrijven', 'A2'], ['Luisteren', 'B1'], ['Spreken', 'B1']] as const) {
      await page.getByLabel(skill, { exact: true }).selectOption({ label: level });
    }
    await page.getByLabel('Aantal dagdelen per week', { exact: true }).fill('4');
    await page.getByLabel('Online', { exact: true }).check();
    await answer(page, 'Maakt de MAP deel uit van dit leerplan?', 'Nee');
    await answer(page, 'Is kinderopvang nodig?', 'Ja');
    await page.getByLabel('Maandag', { exact: true }).check();
    await page.getByLabel('Woensdag', { exact: true }).check();
    await page.getByLabel('Tijden kinderopvang', { exact: true }).fill('8.30 tot 12.30 uur');
    await page.getByLabel('Verwachte duur in maanden', { exact: true }).fill('12');
    await page.getByRole('button', { name: 'Leerplan indienen', exact: true }).click();
    await expectStatus('Leerplan ter goedkeuring');
    await page.getByRole('heading', { level: 3, name: 'Versie 1: Ter goedkeuring' }).waitFor();
    await page.getByRole('link', { name: 'Leerplan versie 1 (pdf)', exact: true }).waitFor();
    await checkA11y(page, 'aanmelding (leerplan ingediend, aanbieder)');
    await logOut(page);
  });

  it('the consultant finds the plan in the work list and returns it with remarks', async () => {
    await logIn(page, CONSULTANT);
    await searchWorkList(page, fullName);
    const link = page.getByRole('link', { name: `Leerplan beoordelen voor ${fullName}`, exact: true });
    await link.click();
    await heading(page, title);
    await settled(page);
    const review = step('Leerplan beoordelen');
    expect(await review.textContent()).toContain('4 dagdelen per week; online');
    await checkA11y(page, 'leerplan beoordelen');

    await answer(page, 'Uw besluit over leerplan versie 1', 'Terugsturen met opmerkingen');
    await page.getByRole('button', { name: 'Besluit vastleggen', exact: true }).click();
    await page.getByRole('link', { name: 'Vul de opmerkingen in: wat moet de aanbieder aanpassen?' }).waitFor();
    await page.getByLabel('Opmerkingen voor de aanbieder', { exact: true }).fill(REMARKS);
    await page.getByRole('button', { name: 'Besluit vastleggen', exact: true }).click();
    await expectStatus('Leerplan teruggestuurd');
    await logOut(page);
  });

  it('the coordinator submits version 2, pre-filled from version 1', async () => {
    await logIn(page, COORDINATOR, 'Werklijst');
    await searchWorkList(page, fullName);
    await expect.poll(() => workListRow('Aangepast leerplan indienen').count(), { timeout: 10_000 }).toBe(1);
    await openReferral();
    const resubmit = step('Aangepast leerplan indienen');
    expect(await resubmit.textContent()).toContain(REMARKS);
    const dayParts = resubmit.getByLabel('Aantal dagdelen per week', { exact: true });
    expect(await dayParts.inputValue()).toBe('4');
    await dayParts.fill('5');
    await resubmit.getByRole('button', { name: 'Aangepast leerplan indienen', exact: true }).click();
    await expectStatus('Leerplan ter goedkeuring');
    await page.getByRole('heading', { level: 3, name: 'Versie 2: Ter goedkeuring' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Versie 1: Teruggestuurd' }).waitFor();
    await logOut(page);
  });

  it('the consultant approves version 2', async () => {
    await logIn(page, CONSULTANT);
    await searchWorkList(page, fullName);
    await expect.poll(() => workListRow('Leerplan beoordelen').count(), { timeout: 10_000 }).toBe(1);
    await openReferral();
    expect(await step('Leerplan beoordelen').textContent()).toContain('5 dagdelen per week');
    await answer(page, 'Uw besluit over leerplan versie 2', 'Goedkeuren');
    await page.getByRole('button', { name: 'Besluit vastleggen', exact: true }).click();
    await expectStatus('Leerplan goedgekeurd');
    await logOut(page);
  });

  it('the coordinator uploads the signed plan and records the start', async () => {
    await logIn(page, COORDINATOR);
    await openReferral();
    await page.getByRole('button', { name: 'Uploaden', exact: true }).click();
    await page.getByRole('link', { name: 'Kies het ondertekende leerplan (een pdf-bestand).' }).waitFor();
    expect(await page.getByLabel('Ondertekend leerplan (pdf)').getAttribute('accept')).toContain('.pdf');
    await page.getByLabel('Ondertekend leerplan (pdf)').setInputFiles(pdfPath);

    // Meanwhile someone else records a start class: the page's lockVersion is stale, the upload gets 409.
    if (!koers) throw new Error('Koers did not start');
    const api = `${koers.url}/api/v1${new URL(referralUrl).pathname.replace('/aanmeldingen/', '/referrals/')}`;
    const { lockVersion } = await (await page.request.get(api)).json();
    const other = await page.request.post(`${api}/events`, { data: { type: 'startClassStarted', lockVersion, startedOn: '2027-01-08' } });
    expect(other.status()).toBe(200);
    await page.getByRole('button', { name: 'Uploaden', exact: true }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Iemand anders heeft deze aanmelding net gewijzigd' });
    await conflict.waitFor();
    await checkA11y(page, 'aanmelding (409)');
    await conflict.getByRole('button', { name: 'Pagina vernieuwen', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'De aanmelding is vernieuwd' }).waitFor();
    expect(await timeline().textContent()).toContain('Opstartklas gestart op 08-01-2027');

    await page.getByLabel('Ondertekend leerplan (pdf)').setInputFiles(pdfPath);
    await page.getByRole('button', { name: 'Uploaden', exact: true }).click();
    await expectStatus('Leerplan ondertekend');
    await page
      .getByRole('region', { name: 'Documenten', exact: true })
      .getByRole('link', { name: 'leerplan-ondertekend.pdf', exact: true })
      .waitFor();
    await checkA11y(page, 'aanmelding (leerplan ondertekend)');

    expect(await page.getByLabel('Startdatum', { exact: true }).inputValue()).toBe('2027-01-08');
    await page.getByRole('button', { name: 'Start vastleggen', exact: true }).click();
    await expectStatus('Gestart');
    await logOut(page);
  });

  it('the consultant sees the start and the whole timeline', async () => {
    await logIn(page, CONSULTANT);
    await searchWorkList(page, fullName);
    expect(await workListRow('Leerplan beoordelen').count()).toBe(0);
    await openReferral();
    expect(await status().textContent()).toBe('Gestart');
    const items = timeline().getByRole('listitem');
    const texts = (await items.allTextContents()).map((text) => text.replace(/\s+/g, ' '));
    expect(texts.length).toBeGreaterThanOrEqual(13);
    expect(texts[0]).toContain('Aangemeld bij');
    expect(texts.at(-1)).toContain('Gestart met het leerplan');
    const all = texts.join('\n');
    expect(all).toContain('Ontvangst van de aanmelding bevestigd');
    expect(all).toContain('Datum intake: 05-01-2027');
    expect(all).toContain(`Locatie: ${LOCATION}`);
    expect(all).toContain('Niet verschenen op intake');
    expect(all).toContain('Intake gehouden');
    expect(all).toContain('teruggestuurd');
    expect(all).toContain(REMARKS);
    expect(all).toContain('goedgekeurd');
    expect(all).toContain('Ondertekend leerplan geüpload');
    expect(all).toMatch(/Door .+\(coördinator aanbieder, .*Taalpunt/);
    expect(await page.getByRole('region', { name: 'Wat moet er gebeuren' }).textContent()).toContain('Er staat geen stap open.');
    await checkA11y(page, 'aanmelding (gestart)');

    // The participant's file shows the new status and links straight to the timeline.
    await page.locator('.koers-referral-summary').getByRole('link', { name: fullName, exact: true }).click();
    await heading(page, fullName);
    await settled(page);
    const referral = page.getByRole('region', { name: 'Aanmeldingen' }).getByRole('row', { name: /Taalpunt/ });
    await referral.getByText('Gestart', { exact: true }).waitFor();
    // The file itself shows the timeline of each referral too.
    const fileTimeline = page.getByRole('region', { name: /B1-route taal bij Taalpunt/ });
    await fileTimeline.getByText(REMARKS).waitFor();
    await checkA11y(page, 'dossier met tijdlijn');
    await referral.getByRole('link', { name: /^Tijdlijn/ }).click();
    await heading(page, title);
    await page.waitForFunction(() => document.activeElement?.id === 'tijdlijn-sectie');
    await logOut(page);
  });

  it('the admin sees the outgoing mail', async () => {
    await logIn(page, ADMIN);
    await openFromMenu(page, 'Uitgaande e-mail', 'Uitgaande e-mail');
    expect(await page.title()).toContain('Uitgaande e-mail');
    // Mail to the consultant is listed (no-show, plan to review); each message opens to show its text.
    const mail = page.getByRole('row').filter({ hasText: CONSULTANT }).first();
    await mail.waitFor();
    await mail.locator('summary').click();
    expect(await mail.locator('pre').isVisible()).toBe(true);
    await checkA11y(page, 'uitgaande e-mail');
    await logOut(page);
  });
});
