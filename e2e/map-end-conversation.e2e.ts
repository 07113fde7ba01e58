// Browser test of the MAP end conversation (issue #12: R-MAP-1, R-MAP-3; 001 §3 and Bijlage 2): WerkWijs
// Participatie's coordinator prepares the conversation of the demo's MAP participant at 39 practical
// hours per the five parts of Bijlage 2 (answers and competences from the lists) and proposes a date —
// a date in the past refused next to the field; the Hoorn consultant then records the outcome:
// "voldoende" is refused next to the field in Dutch (39 of 40 hours, themes not all done), "nog niet
// voldoende" needs a reason, and is recorded. axe-core on every state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { heading, logIn, logOut, openFromMenu, settled, tabTo } from './helpers.js';

const WERKWIJS = 'coordinator.werkwijs@koers.demo';
const TODAY = '2026-12-23';

describe('the MAP end conversation: the provider prepares it, the municipality records the outcome', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let filePath = '';
  const section = () => page.getByRole('region', { name: 'Eindgesprek MAP', exact: true });
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

  it('WerkWijs prepares the conversation per Bijlage 2: answers and competences, kept as a version', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, WERKWIJS);
    await openFromMenu(page, 'Deelname', 'Deelname');
    await settled(page);
    await page.getByRole('row').filter({ has: page.getByRole('cell', { name: '39 / 40 uur', exact: true }) }).getByRole('link').click();
    await heading(page, /^Deelname van /);
    await settled(page);
    filePath = new URL(page.url()).pathname;
    const end = section();
    expect(await end.innerText()).toContain('De aanbieder heeft de voorbereiding nog niet vastgelegd.');
    await end.getByRole('button', { name: 'Voorbereiding bijwerken', exact: true }).click();
    for (const part of ['Realistisch beroepsbeeld', 'Beroepskansen', 'Beroepscompetenties', 'Werknemerscompetenties', 'Netwerk opbouwen']) {
      expect(await end.getByRole('group', { name: new RegExp(`^${part}:`) }).count()).toBe(1);
    }
    await end.getByLabel('Wat was jouw beroep in land van herkomst?').fill('Verpleegkundige in Eritrea.');
    await end.getByLabel('Op welke manieren kun je in Nederland werk zoeken?').fill('Via het Werkplein en uitzendbureaus.');
    await end.getByLabel('Bereidheid om te reizen', { exact: true }).check();
    await end.getByLabel('Klantgerichtheid', { exact: true }).check();
    await checkA11y(page, 'voorbereiding eindgesprek (formulier)');
    await end.getByRole('button', { name: 'Voorbereiding opslaan', exact: true }).click();
    await announced('Voorbereiding van het eindgesprek opgeslagen.');
    await expect.poll(() => end.innerText()).toContain('Voorbereiding versie 1');
    const text = await end.innerText();
    expect(text).toContain('Verpleegkundige in Eritrea.');
    expect(text).toContain('Bereidheid om te reizen');
    expect(text).toContain('Klantgerichtheid');
    await checkA11y(page, 'voorbereiding eindgesprek opgeslagen');
  }, 90_000);

  it('WerkWijs proposes a date: one in the past is refused next to the field', async () => {
    const end = section();
    await end.getByRole('button', { name: 'Datum voorstellen', exact: true }).click();
    await end.getByLabel('Voorgestelde datum').fill('2026-12-01');
    await end.getByRole('button', { name: 'Datum voorstellen', exact: true }).last().click();
    const error = page.locator('#veld-eg-plannedOn-fout');
    await error.waitFor();
    expect(await error.innerText()).toContain('Stel een datum voor die vandaag is of later.');
    await checkA11y(page, 'datum voorstellen met een fout');
    await end.getByLabel('Voorgestelde datum').fill('2027-01-12');
    await end.getByRole('button', { name: 'Datum voorstellen', exact: true }).last().click();
    await announced('Datum voor het eindgesprek voorgesteld: 12-01-2027.');
    await expect.poll(() => end.innerText()).toContain('Voorgestelde datum: 12-01-2027');
    expect(await end.getByRole('button', { name: 'Uitkomst vastleggen' }).count()).toBe(0);
  }, 60_000);

  it('the consultant records the outcome: "voldoende" refused below 40 hours, "nog niet voldoende" with a reason', async () => {
    if (!koers) throw new Error('Koers did not start');
    await logOut(page);
    await logIn(page, 'consultant.hoorn@koers.demo');
    await page.goto(`${koers.url}${filePath}`);
    await heading(page, /^Deelname van /);
    await settled(page);
    const end = section();
    expect(await end.innerText()).toContain('Verpleegkundige in Eritrea.');
    expect(await end.getByRole('button', { name: 'Voorbereiding bijwerken' }).count()).toBe(0);
    await end.getByRole('button', { name: 'Uitkomst vastleggen', exact: true }).click();
    await end.getByLabel('Gehouden op').fill(TODAY);
    // By keyboard: Tab into the outcome, Space chooses it, Tab on to the button, Enter sends.
    const sufficient = end.getByLabel('Voldoende', { exact: true });
    await tabTo(page, sufficient);
    await page.keyboard.press('Space');
    expect(await sufficient.isChecked()).toBe(true);
    await tabTo(page, end.getByRole('button', { name: 'Uitkomst vastleggen', exact: true }).last());
    await page.keyboard.press('Enter');
    const refused = page.locator('#veld-uitkomst-outcome-fout');
    await refused.waitFor();
    // Both shortfalls next to the one field: themes not all done, and 39 of the 40 practical hours.
    const why = await refused.innerText();
    expect(why).toContain("alle 8 MAP-thema's zijn afgerond");
    expect(why).toContain('minstens 40 uur heeft (nu 39 uur)');
    await checkA11y(page, 'uitkomst voldoende geweigerd');
    await end.getByLabel('Nog niet voldoende', { exact: true }).check();
    await end.getByRole('button', { name: 'Uitkomst vastleggen', exact: true }).last().click();
    const reason = page.locator('#veld-uitkomst-reason-fout');
    await reason.waitFor();
    expect(await reason.innerText()).toContain('Schrijf op waarom het nog niet voldoende is');
    await end.getByLabel(/^Toelichting/).fill('Nog één uur praktijk en de thema’s netwerk en werk vinden afronden.');
    await end.getByRole('button', { name: 'Uitkomst vastleggen', exact: true }).last().click();
    await announced('Uitkomst van het eindgesprek vastgelegd: nog niet voldoende.');
    await expect.poll(() => end.innerText()).toContain('Gehouden op 23-12-2026: nog niet voldoende');
    await checkA11y(page, 'uitkomst vastgelegd');
  }, 90_000);
});
