// Browser test of the backup page (issue #17, BIO2 8.13): the administrator opens Back-up from the menu and
// downloads the running embedded database's online backup with the keyboard; the file is the PGlite dump
// that `npm run restore` takes. axe-core on the page.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { kindOfBackup } from '../src/features/backup/backup.js';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { logIn, openFromMenu } from './helpers.js';

describe('the administrator downloads a backup', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    koers = await startKoers({ today: '2026-12-23' });
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  it('downloads the online dump of the running database', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(koers.url);
    await logIn(page, 'beheer@koers.demo');
    await openFromMenu(page, 'Back-up', 'Back-up');
    const link = page.getByRole('link', { name: 'Back-up downloaden' });
    await link.waitFor();
    await checkA11y(page, 'Back-up');
    await link.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^koers-backup-.*\.tar\.gz$/);
    const bytes = readFileSync(await download.path());
    expect(kindOfBackup(bytes)).toBe('pglite');
    expect(bytes.length).toBeGreaterThan(100_000);
  });
});
