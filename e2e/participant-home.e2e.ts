// Browser test of issue #10 item 5 and item 4: the participant's home is their own route in plain Dutch.
// After login the participant lands on /mijn-voortgang (not on the staff work list, which the menu no
// longer offers them), `/` leads there too, and a participant whose route has not started reads that the
// lessons have not begun — never "U loopt achter" (R-BYD-1). axe-core checks the page.
// The participant is the demo account, linked to the demo region's first participant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { apiAs, demoParticipant, heading, logIn, logOut, ok, settled } from './helpers.js';

const PARTICIPANT = 'inburgeraar@koers.demo';
const TODAY = '2026-12-23';

describe('the participant lands on their own route', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let started: boolean | undefined;

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
    const { id } = await demoParticipant(koers.url, PARTICIPANT);
    const self = (await apiAs(koers.url, PARTICIPANT)).api;
    const overview = await ok<{ status: { started: boolean; status: string }; hours: { made: number } }>(self.get(`/api/v1/participants/${id}/progress`), 'own progress');
    await self.dispose();
    started = overview.status.started;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  it('after login the participant is on /mijn-voortgang, reads the status in plain Dutch, and is not "achter" before the start', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, PARTICIPANT);
    await heading(page, 'Mijn voortgang');
    expect(new URL(page.url()).pathname).toBe('/mijn-voortgang');
    expect(started, 'the demo participant\'s route has not started yet').toBe(false);
    const how = page.getByRole('region', { name: 'Hoe gaat het?', exact: true });
    await how.getByText('Uw lessen zijn nog niet begonnen.', { exact: true }).waitFor();
    await how.getByText('De lessen zijn nog niet begonnen.', { exact: false }).first().waitFor();
    // R-BYD-1: nothing on the page says the participant is behind.
    expect(await page.getByRole('main').innerText()).not.toMatch(/achter/i);
    // The menu offers the own route, not the staff work list.
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await menu.getByRole('link', { name: 'Mijn voortgang', exact: true }).getAttribute('aria-current')).toBe('page');
    expect(await menu.getByRole('link', { name: 'Werklijst', exact: true }).count()).toBe(0);
    await checkA11y(page, 'mijn voortgang (thuis)');
  });

  it('the root `/` leads the participant to their own route', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/`);
    await page.waitForURL((url) => url.pathname === '/mijn-voortgang');
    await heading(page, 'Mijn voortgang');
    await settled(page);
    expect(await page.getByRole('heading', { level: 1, name: 'Werklijst', exact: true }).count()).toBe(0);
    await logOut(page);
  });
});
