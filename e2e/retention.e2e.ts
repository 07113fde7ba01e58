// Browser test of the retention page (issue #17, R-SEC-4): the administrator opens Bewaartermijnen from the
// menu, reads the terms in force, runs a dry run with the keyboard (its counts appear, focus on them) and
// reads the purge log. axe-core on the page before and after the dry run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { logIn, openFromMenu } from './helpers.js';

describe('retention terms, dry run and purge log', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    koers = await startKoers({ today: '2026-12-23' });
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  it('shows the terms, counts a dry run without changing anything, and the log', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(koers.url);
    await logIn(page, 'beheer@koers.demo');
    await openFromMenu(page, 'Bewaartermijnen', 'Bewaartermijnen');
    const terms = page.getByRole('table', { name: 'Bewaartermijnen per soort gegevens' });
    await expect.poll(() => terms.getByRole('row', { name: /fiscale bewaarplicht/ }).textContent()).toContain('7 jaar');
    await checkA11y(page, 'Bewaartermijnen');

    const button = page.getByRole('button', { name: 'Proefrun uitvoeren' });
    await button.focus();
    await page.keyboard.press('Enter');
    const result = page.getByRole('table', { name: /Wat een opschoning op 23-12-2026 zou doen/ });
    await result.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Uitkomst van de proefrun');
    const header = await result.getByRole('columnheader').allTextContents();
    expect(header).toContain('Inburgeraars geanonimiseerd');
    expect(header).toContain('Bewaard voor de fiscale termijn');
    await checkA11y(page, 'Bewaartermijnen na de proefrun');

    // The dry run wrote nothing: the log is as it was (the demo has not been purged).
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Opschoonlogboek' }).waitFor();
    await page.getByText('Er is nog niet opgeschoond.').waitFor();
  });
});
