// Browser test of the portfolio (issue #12, R-MAP-3): WerkWijs Participatie's coordinator filters
// Deelname on "Portfolio compleet: Nee", opens the MAP participant at 39 practical hours (the demo's
// half-filled Bijlage 3 part: the profile and five themes), adds a reflection — first without a title,
// refused next to the field in Dutch — and a PDF file to it, fills in the three missing themes until
// "Bijlage 3 is compleet.", and downloads the whole portfolio as one PDF with the keyboard. axe-core on
// the list and on every state of the page. The participants are the demo's (src/features/demo/portfolio.ts).
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { heading, logIn, openFromMenu, settled, tabTo } from './helpers.js';

const WERKWIJS = 'coordinator.werkwijs@koers.demo';
const TODAY = '2026-12-23';
const A_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('the participation provider completes a portfolio and downloads it as one PDF', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const portfolio = () => page.getByRole('region', { name: 'Portfolio', exact: true });
  const announced = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  it('Deelname filters the portfolios to complete on the server; the MAP participant at 39 hours is among them', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, WERKWIJS);
    await openFromMenu(page, 'Deelname', 'Deelname');
    await settled(page);
    await page.getByLabel('Portfolio compleet', { exact: true }).selectOption({ label: 'Nee, nog aan te vullen' });
    await expect.poll(() => new URL(page.url()).searchParams.get('portfolio')).toBe('incomplete');
    await settled(page);
    // The demo: three MAP portfolios are not complete (the Z-route ones have no completeness).
    await expect.poll(() => page.getByText('3 inburgeraars.').count()).toBe(1);
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '39 / 40 uur', exact: true }) });
    expect(await row.getByRole('cell', { name: 'Nee', exact: true }).count()).toBe(1);
    await checkA11y(page, 'Deelname gefilterd op portfolio');
    await row.getByRole('link').click();
    await heading(page, /^Deelname van /);
    await settled(page);
    const text = await portfolio().innerText();
    expect(text).toContain('Bijlage 3 is nog niet compleet.');
    expect(text).toContain('Netwerk: wat geleerd');
    expect(text).toContain('Werken in de zorg');
    await checkA11y(page, 'Portfolio, nog niet compleet');
  }, 90_000);

  it('adds a reflection — a missing title is named next to the field — and a PDF file with it', async () => {
    await portfolio().getByRole('button', { name: 'Onderdeel toevoegen', exact: true }).click();
    await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Reflectie' });
    await portfolio().getByRole('button', { name: 'Toevoegen', exact: true }).click();
    const error = page.locator('#veld-pf-title-fout');
    await error.waitFor();
    expect(await error.innerText()).toContain('Vul een titel in.');
    expect(await page.getByLabel('Titel', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'onderdeel met een fout');
    await page.getByLabel('Titel', { exact: true }).fill('Mijn netwerk');
    await page.getByLabel('Tekst').fill('Ik weet nu wie mij kan helpen bij het zoeken naar werk.');
    await page.locator('#veld-pf-theme').selectOption({ label: 'Netwerk' });
    await portfolio().getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await announced('Reflectie toegevoegd aan het portfolio: Mijn netwerk.');
    await expect.poll(() => portfolio().getByRole('row').filter({ hasText: 'Mijn netwerk' }).count()).toBe(1);

    await portfolio().getByRole('button', { name: 'Bestand toevoegen', exact: true }).click();
    const choice = page.getByLabel('Bij onderdeel');
    await choice.selectOption({ label: 'Reflectie: Mijn netwerk' });
    await page.getByLabel('Bestand (pdf)').setInputFiles({ name: 'netwerkkaart.pdf', mimeType: 'application/pdf', buffer: A_PDF });
    await checkA11y(page, 'bestand toevoegen');
    await portfolio().getByRole('button', { name: 'Uploaden', exact: true }).click();
    await announced('Bestand netwerkkaart.pdf toegevoegd aan het portfolio.');
    await expect.poll(() => portfolio().getByRole('link', { name: 'netwerkkaart.pdf', exact: true }).count()).toBe(1);
  }, 60_000);

  it('fills in the three missing themes of Bijlage 3 until it is complete', async () => {
    await portfolio().getByRole('button', { name: 'Bijlage 3 invullen', exact: true }).click();
    // The stored part is the form's start: the profile's answer is there already.
    expect(await page.locator('#veld-b3-profile-canMakeCv-answer').inputValue()).toBe('yes');
    for (const theme of ['Netwerk', 'Werk vinden', 'Werkcultuur in Nederland']) {
      await page.getByLabel(`${theme}: wat heeft de inburgeraar geleerd?`).fill(`Geleerd over ${theme.toLowerCase()}.`);
      await page.getByLabel(`${theme}: wat in praktijk gebracht, met welke leerdoelen?`).fill(`Geoefend; leerdoel: ${theme.toLowerCase()} zelf doen.`);
    }
    await checkA11y(page, 'Bijlage 3 invullen');
    await portfolio().getByRole('button', { name: 'Bijlage 3 opslaan', exact: true }).click();
    await announced('Bijlage 3 opgeslagen. Het portfolio is compleet.');
    await expect.poll(() => portfolio().innerText()).toContain('Bijlage 3 is compleet.');
    expect(await portfolio().innerText()).not.toContain('Nog niet compleet:');
    expect(await portfolio().getByRole('row').filter({ hasText: 'Geleerd over werk vinden.' }).count()).toBe(1);
    await checkA11y(page, 'Portfolio compleet');
  }, 60_000);

  it('downloads the whole portfolio as one PDF with the keyboard', async () => {
    const link = portfolio().getByRole('link', { name: 'Portfolio als PDF', exact: true });
    await page.locator('h1').click();
    await tabTo(page, link, 200);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^portfolio-.+\.pdf$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);
});
