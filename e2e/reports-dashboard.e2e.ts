// Browser test of issue #13 (R-KPI-1, R-KPI-2, R-KPI-3, R-KPI-4, R-MI-1, R-MI-6): the contract manager of Westfriesland lands on
// the dashboard, reads a KPI's trend (the chart and its table alternative), opens the management
// information page and downloads it as XLSX (opened with exceljs: the title cell and a known row) and as
// PDF (its text holds the title). axe-core on the dashboard and on the MI page.
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { pdfGlyphText } from '../test/support/pdf-text.js';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { heading, logIn, openFromMenu, settled } from './helpers.js';

const TODAY = '2026-12-23';
const MANAGER = 'contractmanager.nwo@koers.demo';
// The dashboard's default quarter: the last complete one before today.
const QUARTER = '2026-Q3';
const TITLE = `Kwartaalmanagementinformatie Westfriesland — ${QUARTER}`;

describe('the contract manager reads the dashboard and downloads the management information', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true });
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

  it('the dashboard: the quarter chooser, a KPI trend as a chart and as a table, reports and deadline compliance', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, MANAGER);
    await heading(page, 'Overzicht');
    expect(await page.getByLabel('Kwartaal', { exact: true }).inputValue()).toBe(QUARTER);
    const kpis = page.getByRole('region', { name: "KPI's en hun verloop" });
    await kpis.waitFor();
    const first = kpis.getByRole('region').first();
    await first.locator('.koers-chart svg').first().waitFor();
    await first.locator('summary').click();
    const table = first.getByRole('table');
    await table.waitFor();
    // Four quarters of trend, the last the quarter chosen.
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(5);
    expect(await rows.nth(4).getByRole('rowheader').textContent()).toBe(QUARTER);
    await page.getByRole('region', { name: `Rapportages over ${QUARTER}` }).getByRole('link', { name: `Naar de rapportages van ${QUARTER}` }).waitFor();
    await page.getByRole('region', { name: `Termijnen per aanbieder in ${QUARTER}` }).waitFor();
    await checkA11y(page, 'dashboard van de contractmanager');
  });

  it('the MI page: the table per municipality × product, downloaded as XLSX and PDF with the same title', async () => {
    await openFromMenu(page, 'Managementinformatie', 'Managementinformatie');
    await settled(page);
    // The region's sums first; a municipality is chosen in the address-backed chooser, by keyboard.
    await page.getByRole('heading', { level: 2, name: /^Regio, som van de gemeenten — / }).first().waitFor();
    expect(await page.getByRole('heading', { level: 2, name: /^Hoorn — / }).count()).toBe(0);
    await checkA11y(page, 'managementinformatie van de contractmanager');
    const chooser = page.getByLabel('Gemeente', { exact: true });
    await chooser.focus();
    await chooser.selectOption({ label: 'Hoorn' });
    await page.getByRole('heading', { level: 2, name: /^Hoorn — / }).first().waitFor();
    expect(new URL(page.url()).searchParams.get('gemeente')).toBe('hoorn');
    expect(await page.getByRole('heading', { level: 2, name: /^Regio, som van de gemeenten — / }).count()).toBe(0);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als Excel (XLSX)', exact: true }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`kwartaal-mi-${TODAY}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await xlsx.path());
    const sheet = wb.worksheets[0];
    expect(sheet?.getCell('A1').value).toBe(TITLE);
    // The first section's header row: the item column and the four quarters, the last the one chosen.
    expect((sheet?.getRow(5).values as unknown[]).slice(1)).toEqual(['Onderdeel', '2025-Q4', '2026-Q1', '2026-Q2', QUARTER]);
    expect(sheet?.getCell('A6').value).toBe('1a Aantal aangemeld');

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als PDF', exact: true }).click()]);
    expect(pdf.suggestedFilename()).toBe(`kwartaal-mi-${TODAY}.pdf`);
    const text = pdfGlyphText(await readFile(await pdf.path()));
    expect(text).toContain(TITLE);
    expect(text).toContain('1a Aantal aangemeld');
  });
});
