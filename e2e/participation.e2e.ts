// Browser test of issue #12 ("Screens for staff"): WerkWijs Participatie's coordinator opens Deelname,
// registers an activity for a Z-route participant — first with a start date before the referral, which
// the server refuses next to the field in Dutch — sees the hours go up, corrects it, records a ladder step and sets a
// MAP theme; Taalpunt, the same participant's language provider, and the consultant of its municipality
// read the page without any button.
// axe-core on every page and state. The participants are the demo's (src/features/demo/participation.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { heading, logIn, logOut, openFromMenu, settled } from './helpers.js';

const WERKWIJS = 'coordinator.werkwijs@koers.demo';
const TAALPUNT = 'coordinator.taalpunt@koers.demo';
const TODAY = '2026-12-23';

describe('the participation provider registers activities and ladder steps; the language provider reads them', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let name = '';
  let filePath = '';
  const section = (title: string) => page.getByRole('region', { name: title, exact: true });
  const announced = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  it('WerkWijs opens Deelname and a Z-route participant at 36 hours', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, WERKWIJS);
    await openFromMenu(page, 'Deelname', 'Deelname');
    await expect.poll(() => page.getByText('8 inburgeraars.').count()).toBe(1);
    await checkA11y(page, 'Deelname (WerkWijs)');
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '36 uur', exact: true }) });
    const link = row.getByRole('link');
    name = (await link.innerText()).trim();
    await link.click();
    await heading(page, `Deelname van ${name}`);
    await settled(page);
    filePath = new URL(page.url()).pathname;
    await expect.poll(() => section('Uren').innerText()).toContain('In totaal 36 uur');
    await checkA11y(page, 'Deelname van een inburgeraar (WerkWijs)');
  }, 90_000);

  it('registers an activity: a start before the referral is refused next to the field, then the hours go up', async () => {
    const activities = section('Activiteiten');
    await activities.getByRole('button', { name: 'Activiteit vastleggen', exact: true }).click();
    await page.getByLabel('Soort activiteit').selectOption({ label: 'Vrijwilligerswerk' });
    await page.getByLabel('Organisatie of plaats').fill('Voedselbank Enkhuizen');
    await page.getByLabel('Begindatum').fill('2020-01-06');
    await page.getByLabel('Einddatum').fill('2020-01-06');
    await page.getByLabel('Aantal uren').fill('3');
    await activities.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    const error = page.locator('#veld-act-startDate-fout');
    await error.waitFor();
    expect(await error.innerText()).toContain('Deze datum ligt vóór de aanmelding.');
    expect(await page.getByLabel('Begindatum').getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'activiteit met een fout');
    await page.getByLabel('Begindatum').fill('2026-12-21');
    await page.getByLabel('Einddatum').fill('2026-12-22');
    await activities.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await announced(/Activiteit vastgelegd: Vrijwilligerswerk bij Voedselbank Enkhuizen, 3 uur/);
    await expect.poll(() => section('Uren').innerText()).toContain('In totaal 39 uur');
    expect(await activities.getByRole('row').filter({ hasText: 'Voedselbank Enkhuizen' }).count()).toBe(1);
    await checkA11y(page, 'activiteit vastgelegd');
  }, 60_000);

  it('corrects the activity: a new version, the hours follow', async () => {
    const activities = section('Activiteiten');
    await activities.getByRole('button', { name: 'Activiteit verbeteren', exact: true }).click();
    const choice = page.getByLabel('Welke activiteit?');
    const option = choice.locator('option', { hasText: 'Vrijwilligerswerk bij Voedselbank Enkhuizen' });
    await choice.selectOption((await option.getAttribute('value')) ?? '');
    expect(await page.getByLabel('Aantal uren').inputValue()).toBe('3');
    await page.getByLabel('Aantal uren').fill('4');
    await checkA11y(page, 'activiteit verbeteren');
    await activities.getByRole('button', { name: 'Verbetering opslaan', exact: true }).click();
    await announced(/Activiteit verbeterd: Vrijwilligerswerk bij Voedselbank Enkhuizen, 4 uur/);
    await expect.poll(() => section('Uren').innerText()).toContain('In totaal 40 uur');
    expect(await activities.getByRole('row').filter({ hasText: 'versie 2' }).count()).toBe(1);
  }, 60_000);

  it('records a ladder step; the earlier steps stay', async () => {
    const ladder = section('Participatieladder');
    const before = await ladder.getByRole('row').count();
    await ladder.getByRole('button', { name: 'Trede vastleggen', exact: true }).click();
    await page.getByLabel('Moment').selectOption({ label: 'Tijdens het traject' });
    await page.getByLabel('Trede', { exact: true }).selectOption('3');
    await checkA11y(page, 'trede-formulier');
    await ladder.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await announced(/Trede 3 vastgelegd/);
    await expect.poll(() => ladder.getByRole('row').count()).toBe(before + 1);
    expect(await ladder.innerText()).toContain('Tijdens het traject: trede 3');
    await checkA11y(page, 'trede vastgelegd');
  }, 60_000);

  it('sets a MAP theme of the participant at 39 of 40 practical hours', async () => {
    await page.getByRole('link', { name: 'Terug naar Deelname' }).click();
    await heading(page, 'Deelname');
    await settled(page);
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '39 / 40 uur', exact: true }) });
    await row.getByRole('link').click();
    await heading(page, /^Deelname van /);
    await settled(page);
    const map = section('MAP');
    expect(await map.innerText()).toContain('Nog niet klaar voor het eindgesprek');
    await map.getByLabel('Stand van Netwerk', { exact: true }).selectOption({ label: 'Afgerond' });
    await map.getByRole('form', { name: 'Stand van Netwerk opslaan' }).getByRole('button', { name: 'Opslaan' }).click();
    await announced('Netwerk: afgerond.');
    await expect.poll(() => map.innerText()).toContain('6 van de 8 thema’s afgerond');
    await checkA11y(page, 'MAP-thema’s');
  }, 60_000);

  it('Taalpunt reads the same participant without buttons', async () => {
    await logOut(page);
    await logIn(page, TAALPUNT);
    await openFromMenu(page, 'Deelname', 'Deelname');
    await checkA11y(page, 'Deelname (Taalpunt)');
    await page.getByRole('link', { name, exact: true }).click();
    await heading(page, `Deelname van ${name}`);
    await settled(page);
    expect(await page.getByText('U kunt deze gegevens lezen. Alleen WerkWijs Participatie legt ze vast.').count()).toBe(1);
    expect(await section('Activiteiten').getByRole('row').filter({ hasText: 'Voedselbank Enkhuizen' }).count()).toBe(1);
    expect(await page.locator('main').getByRole('button').count()).toBe(0);
    await checkA11y(page, 'Deelname van een inburgeraar (Taalpunt, alleen lezen)');
  }, 60_000);

  it('the consultant of the municipality reads it too, without buttons', async () => {
    if (!koers) throw new Error('Koers did not start');
    await logOut(page);
    await logIn(page, 'consultant.enkhuizen@koers.demo');
    await page.goto(`${koers.url}${filePath}`);
    await heading(page, `Deelname van ${name}`);
    await settled(page);
    expect(await section('Uren').innerText()).toContain('In totaal 40 uur');
    expect(await page.locator('main').getByRole('button').count()).toBe(0);
    await checkA11y(page, 'Deelname van een inburgeraar (consulent, alleen lezen)');
  }, 60_000);
});
