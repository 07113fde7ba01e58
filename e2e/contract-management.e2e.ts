// Browser test of issue #14 (R-CM-1, R-ESC-2, R-QLT-1): the contract manager of Westfriesland plans a
// contract management meeting, prepares its agenda from Koers' proposal, records an action and opens the
// first contract-level step for a provider; Taalpunt reads the meeting. In Twente (the covenant with the
// screening) the contract manager records a finding and Taalschool Twente's coordinator answers it
// (hoor en wederhoor) under Kwaliteit.
// Taalpunt registers and closes a participant's complaint (R-CM-3), which Hoorn's consultant then reads.
// axe-core once on every page; the forms are opened and sent with the keyboard.
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { apiAs, heading, logIn, logOut, ok, openFromMenu, settled } from './helpers.js';

const TODAY = '2026-12-23';
const MANAGER = 'contractmanager.nwo@koers.demo';
const PROVIDER = 'coordinator.taalpunt@koers.demo';
const TWENTE_MANAGER = 'contractmanager.twente@koers.demo';
const TWENTE_PROVIDER = 'coordinator.taalschool@koers.demo';
const CONSULTANT = 'consultant.hoorn@koers.demo';
const QUARTER = '2026-Q3';
const MEETING = `Contractmanagementgesprek ${QUARTER}`;

/** Opens a disclosure with the keyboard: focus its summary and press Enter. */
async function openByKeyboard(page: Page, summary: string, within = page.locator('body')): Promise<void> {
  const toggle = within.locator('summary', { hasText: summary }).first();
  await toggle.focus();
  await page.keyboard.press('Enter');
}

describe('the contract manager prepares a meeting and opens a step; the provider answers a finding', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
  }, 120_000);

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

  it('plans a contract management meeting and fills its agenda from the proposal, with minutes and an action', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, MANAGER);
    await openFromMenu(page, 'Contract', 'Contract');
    // The demo's meeting about last quarter is listed.
    await page.getByRole('link', { name: MEETING }).first().waitFor();
    await checkA11y(page, 'Contract: de overleggen');

    const plan = page.getByRole('form', { name: 'Overleg plannen' });
    await plan.getByLabel('Soort overleg').selectOption({ label: 'Contractmanagementgesprek' });
    expect(await plan.getByLabel('Kwartaal').inputValue()).toBe(QUARTER);
    await plan.getByLabel('Datum').fill('2026-10-15');
    await plan.getByRole('checkbox', { name: 'Taalpunt Westfriesland' }).check();
    await plan.getByRole('checkbox', { name: 'Leerhuis Noord' }).check();
    await plan.getByRole('button', { name: 'Overleg plannen' }).click();
    await heading(page, MEETING);
    await settled(page);
    expect(await page.getByText('Er staat nog niets op de agenda.').count()).toBe(1);

    // The proposal: adopt its first item (by keyboard), which then stands on the agenda.
    // The demo's late report of Taalpunt for Hoorn is proposed, with its detail in the button's name.
    const proposed = page.getByRole('button', { name: /^Op de agenda zetten\s*: / });
    const late = page.getByRole('button', { name: /^Op de agenda zetten\s*: Te laat: Inhoudelijke rapportage 2026-Q3, Taalpunt Westfriesland, Hoorn; uiterlijk 2026-10-18, niet ingediend\.$/ });
    await late.waitFor();
    const firstCount = await proposed.count();
    await late.focus();
    await page.keyboard.press('Enter');
    const agenda = page.getByRole('region', { name: 'Agenda' }).getByRole('list').first();
    await agenda.getByText('Taalpunt Westfriesland, Hoorn; uiterlijk 2026-10-18, niet ingediend.', { exact: false }).waitFor();
    await page.getByRole('status').filter({ hasText: '“Te laat: Inhoudelijke rapportage 2026-Q3” staat op de agenda.' }).waitFor();
    expect(await late.count()).toBe(0);
    expect(await proposed.count()).toBe(firstCount - 1);
    await checkA11y(page, 'een overleg met de voorgestelde agenda');

    // An own item, the minutes and an action owned by Taalpunt.
    const own = page.getByRole('form', { name: 'Eigen agendapunt toevoegen' });
    await own.getByLabel('Onderwerp').fill('Wachtlijst per gemeente');
    await own.getByRole('button', { name: 'Agendapunt toevoegen' }).click();
    await agenda.getByText('Wachtlijst per gemeente', { exact: true }).waitFor();
    const minutes = page.getByRole('form', { name: 'Verslag' });
    await minutes.getByLabel('Verslag').fill('Besproken: de rapportages en de wachtlijst.');
    await minutes.getByRole('button', { name: 'Verslag opslaan' }).click();
    await page.getByText('Versie 1.').waitFor();

    const action = page.getByRole('form', { name: 'Actiepunt vastleggen' });
    // Sent empty: the errors stand next to the fields, in Dutch.
    await action.getByLabel('Uiterlijk op').fill('');
    // By keyboard: leaving the date field shows its error first, which moves the button a pointer aimed at.
    await action.getByRole('button', { name: 'Actiepunt vastleggen' }).press('Enter');
    await action.getByText('Vul actiepunt in.').waitFor();
    await action.getByText('Kies eigenaar.').waitFor();
    await action.getByLabel('Actiepunt').fill('Verbeterplan voor de intaketermijn aanleveren');
    await action.getByLabel('Eigenaar').selectOption({ label: 'Taalpunt Westfriesland' });
    await action.getByLabel('Uiterlijk op').fill('2027-01-15');
    await action.getByLabel('Uiterlijk op').press('Enter');
    const actions = page.getByRole('table', { name: 'Actiepunten' });
    const row = actions.getByRole('row').filter({ hasText: 'Verbeterplan voor de intaketermijn aanleveren' });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['Taalpunt Westfriesland', '15-01-2027', 'Open']));
  });

  it('opens the first contract-level step for a provider, with grounds', async () => {
    await page.getByRole('link', { name: 'Terug naar de overleggen' }).click();
    await heading(page, 'Contract');
    await page.getByRole('link', { name: 'Escalatie op contractniveau per aanbieder' }).click();
    await heading(page, 'Escalatie op contractniveau');
    await settled(page);
    const taalpunt = page.getByRole('region', { name: 'Taalpunt Westfriesland' });
    await taalpunt.getByText('Geen escalatie.').waitFor();
    await checkA11y(page, 'escalatie op contractniveau');

    await openByKeyboard(page, 'Volgende stap openen', taalpunt);
    const form = taalpunt.getByRole('form', { name: /^Stap openen voor Taalpunt Westfriesland: / });
    await form.getByLabel('Besluit', { exact: true }).fill('Verbeterafspraken over de intaketermijn.');
    await form.getByLabel('Onderbouwing').fill('kort');
    await form.getByLabel('Termijn tot').fill('2027-03-31');
    await form.getByRole('button', { name: 'Stap openen' }).click();
    // Too short grounds: refused next to the field, in Dutch, and nothing is opened.
    await form.getByText('Gebruik minstens 10 tekens.').waitFor();
    await form.getByLabel('Onderbouwing').fill('De termijnen bleven twee kwartalen onder de norm; afspraken nodig.');
    await form.getByRole('button', { name: 'Stap openen' }).click();
    await taalpunt.getByText(/^1\. Geïntensiveerde contractmanagementgesprekken/).waitFor();
    await taalpunt.getByText(/termijn tot 31-03-2027/).waitFor();
    await taalpunt.locator('summary', { hasText: 'Volgende stap openen: Formele waarschuwing' }).waitFor();

    // The shared list features on the server: search the providers, then the found ones as CSV.
    await page.getByLabel('Zoek op aanbieder').fill('taalpunt');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Leerhuis Noord' }).waitFor({ state: 'detached' });
    await taalpunt.waitFor();
    await page.locator('summary', { hasText: 'Exporteren' }).click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporteer als CSV', exact: true }).click()]);
    const lines = (await readFile(await csv.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Taalpunt Westfriesland;Geïntensiveerde contractmanagementgesprekken/);
    await checkA11y(page, 'escalatie op contractniveau, gezocht');
  });

  it('the provider reads its meeting under Overleg, without the proposal or the forms', async () => {
    await logOut(page);
    await logIn(page, PROVIDER);
    await openFromMenu(page, 'Overleg', 'Overleg');
    // The meeting planned above (15 October), beside the demo's own about the same quarter.
    await page.getByRole('row').filter({ hasText: '15-10-2026' }).getByRole('link', { name: MEETING }).click();
    await heading(page, MEETING);
    await settled(page);
    // Taalpunt marks its own action done, by keyboard.
    const own = page.getByRole('table', { name: 'Actiepunten' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Verbeterplan voor de intaketermijn aanleveren' }) });
    await own.getByRole('button', { name: /^Gedaan/ }).press('Enter');
    await own.getByText('Gedaan op 23-12-2026').waitFor();
    expect(await page.getByRole('heading', { name: /^Voorgestelde agenda/ }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Actiepunt vastleggen' }).count()).toBe(0);
    await checkA11y(page, 'een overleg voor de aanbieder');
    await logOut(page);
  });

  it("Twente's contract manager records a finding in the screening; the provider answers it under Kwaliteit", async () => {
    // Twente's covenant (003) has the screening; the demo loads its register (src/features/demo/quality-register.ts).
    await logIn(page, TWENTE_MANAGER);
    await openFromMenu(page, 'Kwaliteitsregister', 'Kwaliteitsregister');
    const register = page.getByRole('table', { name: 'Kwaliteitsregister' });
    await register.getByRole('row').filter({ hasText: 'NT2 Centrum Oost' }).getByText('Uitgesloten', { exact: false }).waitFor();
    await checkA11y(page, 'het kwaliteitsregister');
    await register.getByRole('link', { name: 'Taalschool Twente' }).click();
    await heading(page, 'Taalschool Twente — kwaliteit');
    await settled(page);
    await page.getByText(/^Toegelaten op .*, na het gesprek van /).waitFor();
    await openByKeyboard(page, 'Bevinding vastleggen');
    const finding = page.getByRole('form', { name: 'Bevinding vastleggen' });
    await finding.getByLabel('Bevinding').fill('Twee docenten staan niet op de aangeleverde lijst.');
    await finding.getByRole('button', { name: 'Bevinding vastleggen' }).press('Enter');
    await page.getByText(/^Bevinding 2 \(23-12-2026\): Twee docenten staan niet op de aangeleverde lijst\.$/).waitFor();
    await checkA11y(page, 'het dossier van een aanbieder in het kwaliteitsregister');
    await logOut(page);

    await logIn(page, TWENTE_PROVIDER);
    await openFromMenu(page, 'Kwaliteit', 'Kwaliteit');
    await checkA11y(page, 'Kwaliteit van de aanbieder');
    await page.getByRole('link', { name: 'Taalschool Twente' }).click();
    await heading(page, 'Taalschool Twente — kwaliteit');
    await settled(page);
    // The provider records nothing of the contract manager's: no screening, finding or mark forms.
    expect(await page.locator('summary', { hasText: /^(Bevinding vastleggen|Keurmerk vastleggen|Besluit vastleggen)$/ }).count()).toBe(0);
    await openByKeyboard(page, 'Reageren op bevinding 2');
    const answer = page.getByRole('form', { name: 'Reageren op bevinding 2' });
    await answer.getByLabel('Uw reactie').fill('Beide docenten zijn in november begonnen; de lijst is aangevuld.');
    await answer.getByRole('button', { name: 'Reactie versturen' }).press('Enter');
    await page.getByText(/^Reactie van Daan Mulder op 23-12-2026: Beide docenten zijn in november begonnen; de lijst is aangevuld\.$/).waitFor();
    await page.getByRole('status').filter({ hasText: 'Uw reactie is vastgelegd.' }).waitFor();
    await checkA11y(page, 'het eigen kwaliteitsdossier van de aanbieder');
  });

  it("the provider registers a participant's complaint and closes it; the participant's consultant reads it (R-CM-3)", async () => {
    if (!koers) throw new Error('Koers did not start');
    await logOut(page);
    // A referral of a Hoorn participant at Taalpunt: the consultant of Hoorn reads the complaint after.
    const { api } = await apiAs(koers.url, CONSULTANT);
    const referrals = await ok<{ items: { id: string; provider: { name: string }; participant: { givenName: string; familyName: string } }[] }>(api.get('/api/v1/referrals?pageSize=100'), 'referrals of Hoorn');
    await api.dispose();
    const referral = referrals.items.find((r) => r.provider.name === 'Taalpunt Westfriesland');
    if (referral === undefined) throw new Error('the demo has no Hoorn referral at Taalpunt');

    await logIn(page, PROVIDER);
    await openFromMenu(page, 'Klachten', 'Klachten');
    await settled(page);
    await checkA11y(page, 'het klachtenregister van de aanbieder');
    await openByKeyboard(page, 'Klacht registreren');
    const form = page.getByRole('form', { name: 'Klacht registreren' });
    // Sent without a subject: refused next to the field, in Dutch.
    await form.getByLabel('Aanmelding van de inburgeraar').selectOption(referral.id);
    await form.getByRole('button', { name: 'Registreren' }).press('Enter');
    await form.getByText('Vul onderwerp in.').waitFor();
    await form.getByLabel('Onderwerp').fill('De les begon drie keer te laat.');
    await form.getByRole('button', { name: 'Registreren' }).press('Enter');
    await page.getByRole('status').filter({ hasText: 'De klacht is geregistreerd.' }).waitFor();
    const list = page.getByRole('table', { name: 'Klachten' });
    await list.getByRole('link', { name: 'De les begon drie keer te laat.' }).click();
    await heading(page, 'Klacht van 23-12-2026');
    await settled(page);
    await checkA11y(page, 'een klacht bij de aanbieder');

    const handling = page.getByRole('form', { name: 'Behandeling bijwerken' });
    await handling.getByLabel('Behandeld door').fill('Coördinator Taalpunt');
    await handling.getByLabel('Maatregelen').fill('Roostertijden met de docent besproken.');
    await handling.getByLabel('Afgesloten op').fill('2026-12-23');
    await handling.getByLabel(/^Uitkomst/).selectOption({ label: 'Gegrond' });
    await handling.getByRole('button', { name: 'Opslaan' }).press('Enter');
    await page.getByText('Afgesloten op 23-12-2026: gegrond').waitFor();
    // A closed complaint stays closed: its form is gone.
    expect(await page.getByRole('form', { name: 'Behandeling bijwerken' }).count()).toBe(0);
    await logOut(page);

    await logIn(page, CONSULTANT);
    await openFromMenu(page, 'Klachten', 'Klachten');
    const row = page.getByRole('table', { name: 'Klachten' }).getByRole('row').filter({ hasText: 'De les begon drie keer te laat.' });
    await row.getByText(`${referral.participant.givenName} ${referral.participant.familyName}`, { exact: false }).waitFor();
    await row.getByText('Afgesloten 23-12-2026 (gegrond)').waitFor();
    // The consultant reads; registering is the provider's.
    expect(await page.locator('summary', { hasText: 'Klacht registreren' }).count()).toBe(0);
    await checkA11y(page, 'de klachten van de inburgeraars van de gemeente');
  });
});
