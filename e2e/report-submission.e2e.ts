// Browser test of issue #13 (R-MI-6): the provider fills in and submits a content report. Taalpunt's
// coordinator opens Rapportages, finds Hoorn's content report over 2026-Q3 (000 §4.1; due in the second
// week after the quarter, so late on the demo's 23 December 2026), submits it empty first (every
// qualitative section is named next to its field), fills them in, saves the draft, submits after the
// confirmation, and sees the frozen report "ingediend op … door …" with its content hash. axe-core on the
// list, the form with errors and the submitted report.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { CONTENT_REPORT_ENTERED } from '../src/domain/reports/content-report.js';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { heading, logIn, openFromMenu, settled } from './helpers.js';

const COORDINATOR = 'coordinator.taalpunt@koers.demo';
const TITLE = 'Inhoudelijke rapportage 2026-Q3 — Hoorn';

describe('the provider submits a content report', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    koers = await startKoers({ today: '2026-12-23' });
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

  it('finds the report in the list, filtered on period and searched', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, COORDINATOR);
    await openFromMenu(page, 'Rapportages', 'Rapportages');
    await page.getByLabel('Periode', { exact: true }).selectOption('2026-Q3');
    await page.waitForURL((url) => url.searchParams.get('periode') === '2026-Q3');
    await page.getByRole('searchbox', { name: 'Zoek op rapportage, gemeente of aanbieder' }).fill('Hoorn');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('zoek') === 'Hoorn');
    await settled(page);
    const row = page.getByRole('row').filter({ hasText: 'Hoorn' });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('Te laat');
    await checkA11y(page, 'rapportages');
    await row.getByRole('link', { name: 'Inhoudelijke rapportage 2026-Q3' }).click();
    await heading(page, TITLE);
    await settled(page);
  });

  it('names every empty qualitative section next to its field, in Dutch', async () => {
    await page.getByRole('heading', { name: 'Aanvullen en indienen', level: 2 }).waitFor();
    expect(await page.getByRole('heading', { name: 'De cijfers zoals Koers ze nu berekent' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Indienen', exact: true }).click();
    await page.getByRole('heading', { name: 'Controleer het formulier' }).waitFor();
    const first = CONTENT_REPORT_ENTERED[0];
    if (first === undefined) throw new Error('no entered items');
    await page.getByRole('link', { name: `Vul “${first.label}” in.`, exact: true }).waitFor();
    expect(await page.getByLabel(first.label, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'rapportage met fouten');
  });

  it('saves the draft, submits after the confirmation and shows the frozen report with its hash', async () => {
    for (const item of CONTENT_REPORT_ENTERED) await page.getByLabel(item.label, { exact: true }).fill(`Toelichting ${item.key}: geen bijzonderheden dit kwartaal.`);
    await page.getByRole('button', { name: 'Concept opslaan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Het concept is opgeslagen.' }).waitFor();
    await page.getByRole('button', { name: 'Indienen', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Inhoudelijke rapportage 2026-Q3 indienen?' });
    await dialog.waitFor();
    await checkA11y(page, 'bevestigen');
    await dialog.getByRole('button', { name: 'Ja, indienen', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'De rapportage is ingediend.' }).waitFor();
    const submitted = page.getByRole('region', { name: 'Ingediend', exact: true });
    await submitted.getByText(/Ingediend op .* door Fatma Yilmaz/).waitFor();
    expect(await submitted.locator('code').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await page.getByText(/Status: Te laat ingediend/).waitFor();
    await page.getByRole('heading', { name: 'De rapportage zoals ingediend', level: 2 }).waitFor();
    await page.getByText('Opnieuw berekend komen alle cijfers hetzelfde uit als bij het indienen.').waitFor();
    expect(await page.getByRole('link', { name: 'Ingediende rapportage (pdf)' }).getAttribute('href')).toMatch(/\/export\?format=pdf$/);
    await checkA11y(page, 'rapportage (ingediend)');
  });
});
