// Browser test of issue #17's audit search (R-SEC-2): Hoorn's consultant works, then Hoorn's privacy
// officer finds those lines by the consultant's e-mail address with the keyboard, pages and sees the
// outcome; a wrong BSN is refused next to its field in Dutch, and the BSN is never in the address.
// axe-core checks the page empty, with an error and with results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { logIn, settled } from './helpers.js';

describe('the privacy officer searches the audit log', () => {
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

  it("finds the consultant's reads, refuses a wrong BSN on its field, and keeps the BSN out of the URL", async () => {
    if (!koers || !browser) throw new Error('Koers or Chromium did not start');
    // The consultant's work list shows Hoorn's participants: audit lines with Hoorn's data subjects.
    const consultant = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
    await consultant.goto(`${koers.url}/inloggen`);
    await logIn(consultant, 'consultant.hoorn@koers.demo');
    await consultant.goto(`${koers.url}/inburgeraars`);
    await settled(consultant);
    await consultant.context().close();

    const page = await (await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })).newPage();
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, 'privacy.hoorn@koers.demo');
    await checkA11y(page, 'Logboek doorzoeken (leeg)');

    // A BSN that fails the elfproef: the Dutch message next to the field, before anything is sent.
    await page.getByLabel('BSN').fill('123456789');
    await page.getByLabel('BSN').press('Enter');
    await page.getByText('Dit is geen geldig BSN: het moet 9 cijfers hebben en voldoen aan de elfproef.').first().waitFor();
    await checkA11y(page, 'Logboek doorzoeken (fout)');
    await page.getByLabel('BSN').fill('');

    await page.getByLabel('Gebruiker (e-mailadres)').fill('consultant.hoorn@koers.demo');
    await page.getByLabel('Gebruiker (e-mailadres)').press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Resultaat' }).waitFor();
    await settled(page);
    const summary = await page.getByText(/\d+ regels? in het logboek\./).first().innerText();
    expect(Number(/(\d+) regel/.exec(summary)?.[1])).toBeGreaterThan(0);
    const rows = page.getByRole('table', { name: 'Regels in het logboek' }).getByRole('row');
    expect(await rows.count()).toBeGreaterThan(1);
    await expect.poll(() => page.getByRole('table', { name: 'Regels in het logboek' }).innerText()).toContain('In een lijst getoond');
    expect(page.url()).not.toContain('consultant.hoorn');
    await checkA11y(page, 'Logboek doorzoeken (resultaat)');
  });
});
