// Browser test of issue #10 item 5: the shared list table. The provider's referral list (more than one
// page): search, sort by a header with the keyboard, page (and back), hide a column (remembered), and
// download the WHOLE filtered list as XLSX and CSV from the server (R-EXC-3); the work list's counts per
// urgency bucket and the bucket links; the participant list with what tells two of the same name apart.
// axe-core checks each page.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { apiAs, heading, logIn, logOut, ok, settled } from './helpers.js';

const COORDINATOR = 'coordinator.taalpunt@koers.demo';
const CONSULTANT = 'consultant.hoorn@koers.demo';
const TODAY = '2026-12-23';

interface ReferralPage {
  items: { participant: { givenName: string; familyName: string } }[];
  total: number;
}

describe('the shared list table', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let total = 0;
  let byName: ReferralPage['items'] = [];

  beforeAll(async () => {
    // A region large enough for the provider's list to need more than one page of 25.
    koers = await startKoers({ today: TODAY, demoSize: 120 });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true });
    page = await context.newPage();
    const { api } = await apiAs(koers.url, COORDINATOR);
    const all = await ok<ReferralPage>(api.get('/api/v1/referrals?sort=name&pageSize=1000'), 'referrals');
    await api.dispose();
    total = all.total;
    byName = all.items;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  const table = () => page.getByRole('table', { name: 'Aanmeldingen', exact: true });
  const bodyRows = () => table().locator('tbody tr');

  it('the provider\'s referral list shows one page of 25 of all its referrals, and pages with the back button working', async () => {
    if (!koers) throw new Error('Koers did not start');
    expect(total, 'the demo region gives Taalpunt more than one page').toBeGreaterThan(25);
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, COORDINATOR);
    await page.goto(`${koers.url}/aanmeldingen`);
    await heading(page, 'Aanmeldingen');
    await settled(page);
    await page.getByText(`${total} aanmeldingen.`, { exact: true }).waitFor();
    expect(await bodyRows().count()).toBe(25);
    const pages = Math.ceil(total / 25);
    await page.getByText(`Pagina 1 van ${pages}`).waitFor();
    await checkA11y(page, 'aanmeldingen');

    await page.getByRole('navigation', { name: 'Paginering' }).getByRole('button', { name: 'Volgende', exact: true }).click();
    await page.waitForURL(/pagina=2/);
    await page.getByText(`Pagina 2 van ${pages}`).waitFor();
    await settled(page);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('pagina='));
    await page.getByText(`Pagina 1 van ${pages}`).waitFor();
  });

  it('sorts by a column header with the keyboard: aria-sort says the order, the address keeps it', async () => {
    const header = table().getByRole('columnheader', { name: 'Inburgeraar' });
    expect(await header.getAttribute('aria-sort')).toBe('none');
    await header.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=name/);
    await settled(page);
    expect(await table().getByRole('columnheader', { name: 'Inburgeraar' }).getAttribute('aria-sort')).toBe('ascending');
    const first = byName[0]?.participant;
    // Polled: the list keeps the previous rows on screen until the sorted page arrives, and the address
    // changes before the request starts, so settled() alone can read the old order.
    await expect.poll(() => bodyRows().first().getByRole('link').first().textContent(), { timeout: 10_000 }).toBe(`${first?.givenName} ${first?.familyName}`);
    // Again: descending.
    await table().getByRole('columnheader', { name: 'Inburgeraar' }).getByRole('button').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=-name/);
    await settled(page);
    expect(await table().getByRole('columnheader', { name: 'Inburgeraar' }).getAttribute('aria-sort')).toBe('descending');
    const last = byName.at(-1)?.participant;
    await expect.poll(() => bodyRows().first().getByRole('link').first().textContent(), { timeout: 10_000 }).toBe(`${last?.givenName} ${last?.familyName}`);
    await checkA11y(page, 'aanmeldingen gesorteerd');
  });

  it('searches by name, with the result count and the date of birth beside the name', async () => {
    const family = byName[3]?.participant.familyName ?? '';
    const expected = byName.filter((r) => `${r.participant.givenName} ${r.participant.familyName}`.toLowerCase().includes(family.toLowerCase())).length;
    await page.getByRole('searchbox', { name: 'Zoek op naam of klantnummer' }).fill(family);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL(/zoek=/);
    await settled(page);
    await page.getByText(new RegExp(`^${expected} aanmelding(en)? gevonden voor “${family}”\\.$`)).waitFor();
    expect(await table().getByRole('columnheader', { name: 'Geboortedatum' }).count()).toBe(1);
    expect(await bodyRows().first().textContent()).toMatch(/\d{2}-\d{2}-\d{4}/);
    // Clear the search again.
    await page.getByRole('searchbox', { name: 'Zoek op naam of klantnummer' }).fill('');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL((url) => !url.search.includes('zoek='));
    await settled(page);
  });

  it('hides a column through the column choice, and remembers it after a reload', async () => {
    await page.locator('summary', { hasText: 'Kolommen kiezen' }).click();
    const box = page.getByRole('checkbox', { name: 'Kolom Klantnummer', exact: true });
    expect(await box.isChecked()).toBe(true);
    await box.focus();
    await page.keyboard.press('Space');
    await table().getByRole('columnheader', { name: 'Klantnummer' }).waitFor({ state: 'detached' });
    await page.reload();
    await heading(page, 'Aanmeldingen');
    await settled(page);
    await table().waitFor();
    expect(await table().getByRole('columnheader', { name: 'Klantnummer' }).count()).toBe(0);
    expect(await table().getByRole('columnheader', { name: 'Geboortedatum' }).count()).toBe(1);
    await checkA11y(page, 'aanmeldingen met een kolom verborgen');
  });

  it('downloads the whole list (not the page) as XLSX and as CSV, in the list\'s order', async () => {
    await page.locator('summary', { hasText: 'Exporteren' }).click();
    await page.getByText(`Alle ${total} rijen met deze zoekopdracht en filters`, { exact: false }).waitFor();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporteer als Excel (XLSX)', exact: true }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`aanmeldingen-${TODAY}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await xlsx.path());
    const sheet = wb.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('Achternaam');
    expect((sheet?.actualRowCount ?? 0) - 1).toBe(total);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporteer als CSV', exact: true }).click()]);
    expect(csv.suggestedFilename()).toBe(`aanmeldingen-${TODAY}.csv`);
    const text = await readFile(await csv.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
    expect(lines[0]?.split(';').slice(0, 3)).toEqual(['Achternaam', 'Voornaam', 'Geboortedatum']);
    expect(lines).toHaveLength(total + 1);
    expect(text).not.toMatch(/\b\d{9}\b/);
    await logOut(page);
  });

  it('the work list shows the count per urgency bucket above the list; a bucket link filters to it', async () => {
    if (!koers) throw new Error('Koers did not start');
    await logIn(page, CONSULTANT);
    await heading(page, 'Werklijst');
    const summary = page.getByRole('navigation', { name: 'Signalen per urgentie' });
    const count = async (name: string) => Number(/\((\d+)\)/.exec((await summary.getByRole('link', { name: new RegExp(`^${name} \\(\\d+\\)$`) }).textContent()) ?? '')?.[1]);
    const overdue = await count('Te laat');
    const week = await count('Deze week');
    const later = await count('Later');
    expect(await count('Alles')).toBe(overdue + week + later);
    await page.getByText(`${overdue + week + later} signalen.`, { exact: true }).waitFor();
    expect(await page.getByRole('table', { name: 'Werklijst' }).locator('tbody tr').count()).toBe(Math.min(25, overdue + week + later));
    await checkA11y(page, 'werklijst');

    expect(overdue, 'the demo region has overdue steps').toBeGreaterThan(0);
    await summary.getByRole('link', { name: /^Te laat \(\d+\)$/ }).click();
    await page.waitForURL(/urgentie=overdue/);
    await settled(page);
    expect(await summary.getByRole('link', { name: /^Te laat/ }).getAttribute('aria-current')).toBe('page');
    await page.getByText(`${overdue} ${overdue === 1 ? 'signaal' : 'signalen'} te laat.`, { exact: true }).waitFor();
    const rows = page.getByRole('table', { name: 'Werklijst' }).locator('tbody tr');
    expect(await rows.count()).toBe(Math.min(25, overdue));
    for (const text of await rows.allTextContents()) expect(text).toContain('(te laat)');
    // The counts stay those of every bucket.
    expect(await count('Later')).toBe(later);
    await checkA11y(page, 'werklijst te laat');
  });

  it('the participant list shows the date of birth beside the name and offers the export', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inburgeraars`);
    await heading(page, 'Inburgeraars');
    await settled(page);
    const list = page.getByRole('table', { name: 'Inburgeraars', exact: true });
    await list.getByRole('columnheader', { name: 'Geboortedatum' }).waitFor();
    await page.locator('summary', { hasText: 'Exporteren' }).click();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporteer als Excel (XLSX)', exact: true }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`inburgeraars-${TODAY}.xlsx`);
    await checkA11y(page, 'inburgeraars');
  });
});
