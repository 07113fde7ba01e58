// Browser test of the API keys page (issue #4 item 6, R-EXC-1): the coordinator makes a key for its own
// system with the keyboard, sees it once, the system pushes hours with it, and the coordinator revokes
// it, after which the key is refused. axe-core checks the page.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { logIn, openFromMenu } from './helpers.js';

describe('API keys for a provider\'s own system', () => {
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

  it('makes a key shown once, the key pushes, and a revoked key is refused', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(koers.url);
    await logIn(page, 'coordinator.taalpunt@koers.demo');
    await openFromMenu(page, 'Koppelingen', 'Koppelingen');
    await checkA11y(page, 'Koppelingen (leeg)');

    // An empty name is refused next to the field, with focus on it.
    const name = page.getByLabel('Naam van de koppeling');
    await name.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.getByText('Geef de koppeling een naam.').first().waitFor();

    await page.keyboard.type('Leerlingvolgsysteem');
    await page.keyboard.press('Enter');
    const shown = page.getByTestId('nieuwe-sleutel');
    await shown.waitFor();
    const key = (await shown.textContent()) ?? '';
    expect(key).toMatch(/^koers_/);
    await page.getByRole('row', { name: /Leerlingvolgsysteem/ }).waitFor();
    await checkA11y(page, 'Koppelingen (sleutel gemaakt)');

    // The system pushes with the key: an empty batch is refused by validation (400), not by access (401).
    const push = (k: string) => fetch(`${koers?.url}/api/v1/hours-batches`, { method: 'POST', headers: { authorization: `Bearer ${k}`, 'content-type': 'application/json', 'idempotency-key': 'e2e' }, body: JSON.stringify({ items: [] }) });
    expect((await push(key)).status).toBe(400);

    await page.getByRole('button', { name: 'Sleutel Leerlingvolgsysteem intrekken' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/Ingetrokken op/).waitFor();
    expect((await push(key)).status).toBe(401);
    // After a reload the secret is nowhere on the page.
    await page.reload();
    await page.getByRole('row', { name: /Leerlingvolgsysteem/ }).waitFor();
    expect(await page.content()).not.toContain(key);
  });
});
