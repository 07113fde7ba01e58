// Browser test of issue #17's contract versions (R-CON-10): the administrator opens Contractversies,
// loads a version with a typo and gets the error by its path, then a date in the past refused on its
// field; axe-core checks the page empty and with the errors.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { logIn, openFromMenu, settled } from './helpers.js';

describe('the administrator loads a contract version', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    koers = await startKoers({ today: '2026-12-23' });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  it('names the error of a version by its path, and refuses a date in the past', async () => {
    if (!koers || !browser) throw new Error('Koers or Chromium did not start');
    const page = await (await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })).newPage();
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, 'beheer@koers.demo');
    await openFromMenu(page, 'Contractversies', 'Contractversies');
    await settled(page);
    await page.getByRole('table', { name: /Versies van/ }).first().waitFor();
    await checkA11y(page, 'Contractversies');

    await page.getByLabel('De versie (YAML of JSON)').fill('deadlnes:\n  intake: 10\n');
    await page.getByLabel('Geldig vanaf').fill('2027-03-01');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByText('Onbekend veld "deadlnes".').waitFor();
    await checkA11y(page, 'Contractversies (fout in de versie)');

    await page.getByLabel('De versie (YAML of JSON)').fill('note: alleen een notitie\n');
    await page.getByLabel('Geldig vanaf').fill('2026-01-01');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByText('Kies morgen of een latere datum.').first().waitFor();
  });
});
