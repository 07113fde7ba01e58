// Browser test of issue #10 item 5: the shared list table. The provider's referral list (more than one
// page): search, sort by a header with the keyboard, page (and back), hide a column (remembered), and
// download the WHOLE filtered list as XLSX and CSV from the server (R-EXC-3); the work list's counts per
// urgency bucket and the bucket links; the participant list with what tells two of the same name apart;
// the group list, the API keys and the outgoing mail with search, sort and export. axe-core checks each page.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Browser, type Download, type Locator, type Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { apiAs, heading, logIn, logOut, ok, settled } from './helpers.js';

const COORDINATOR = 'coordinator.taalpunt@koers.demo';
const CONSULTANT = 'consultant.hoorn@koers.demo';
const ADMIN = 'beheer@koers.demo';
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
    // Polled, as the rows below: the router renders the navigation in a transition, after the address changes.
    await expect.poll(() => table().getByRole('columnheader', { name: 'Inburgeraar' }).getAttribute('aria-sort'), { timeout: 10_000 }).toBe('ascending');
    const first = byName[0]?.participant;
    // Polled: the list keeps the previous rows on screen until the sorted page arrives, and the address
    // changes before the request starts, so settled() alone can read the old order.
    await expect.poll(() => bodyRows().first().getByRole('link').first().textContent(), { timeout: 10_000 }).toBe(`${first?.givenName} ${first?.familyName}`);
    // Again: descending.
    await table().getByRole('columnheader', { name: 'Inburgeraar' }).getByRole('button').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=-name/);
    await settled(page);
    await expect.poll(() => table().getByRole('columnheader', { name: 'Inburgeraar' }).getAttribute('aria-sort'), { timeout: 10_000 }).toBe('descending');
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
    // Issue #12 (R-PAR-4): the youth segment, selected on the server; the address keeps it, the export follows.
    const count = async () => Number(/^(\d+) inburgeraars?/.exec(await page.getByText(/^\d+ inburgeraars?/).first().innerText())?.[1] ?? NaN);
    const all = await count();
    await page.getByLabel('Jongeren (onder 27)', { exact: true }).check();
    await page.waitForURL(/groep=jongeren/);
    await page.getByText(/onder 27 jaar\.$/).waitFor();
    expect(await count()).toBeLessThan(all);
    expect(await page.getByRole('link', { name: 'Exporteer als Excel (XLSX)', exact: true }).getAttribute('href')).toContain('segment=youth');
    await checkA11y(page, 'inburgeraars');
    await logOut(page);
  });

  /** The rows of a downloaded XLSX: the header first. */
  async function xlsxRows(download: Download): Promise<unknown[][]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    const rows: unknown[][] = [];
    wb.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  }

  /**
   * Sorts by a header with the keyboard and waits for the address and aria-sort to say so. Polled: the
   * router renders a navigation in a transition, so the address can change before the header does.
   */
  async function sortBy(list: Locator, header: string, param: RegExp | ((url: URL) => boolean), order: 'ascending' | 'descending'): Promise<void> {
    await list.getByRole('columnheader', { name: header, exact: true }).getByRole('button').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(param);
    await settled(page);
    await expect.poll(() => list.getByRole('columnheader', { name: header, exact: true }).getAttribute('aria-sort'), { timeout: 10_000 }).toBe(order);
  }

  it('the group list: search, sort by a header with the keyboard, and the export of the found groups', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, COORDINATOR);
    const { api } = await apiAs(koers.url, COORDINATOR);
    // Two groups beside the demo's, of other levels, with a word to search by.
    for (const [name, levelBand, literacy] of [['Lijsttest Alfa', 'fastAlfa', 'illiterate'], ['Lijsttest Z', 'z', 'literate']]) {
      await ok(api.post('/api/v1/groups', { data: { name, levelBand, literacy, location: 'Hoorn', schedule: [], activeFrom: '2026-12-01' } }), 'group');
    }
    const byLevel = (await ok<{ items: { name: string; location: string }[] }>(api.get('/api/v1/groups?sort=level'), 'groups')).items;
    expect(byLevel.length).toBeGreaterThan(2);
    const q = 'lijsttest';
    const found = (await ok<{ items: { name: string }[] }>(api.get(`/api/v1/groups?q=${encodeURIComponent(q)}&sort=-name`), 'groups')).items;
    await api.dispose();
    await page.goto(`${koers.url}/groepen`);
    await heading(page, 'Groepen');
    await settled(page);
    const list = page.getByRole('table', { name: 'Groepen', exact: true });
    await sortBy(list, 'Niveau', /sort=level/, 'ascending');
    await expect.poll(() => list.locator('tbody tr').first().getByRole('link').textContent(), { timeout: 10_000 }).toBe(byLevel[0]?.name);
    await checkA11y(page, 'groepen op niveau');

    await page.getByRole('searchbox', { name: 'Zoek op naam, locatie of docent' }).fill(q);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL(/zoek=/);
    // By name is the list's default order: the address then holds no sort.
    await sortBy(list, 'Naam', (url) => !url.search.includes('sort='), 'ascending');
    await sortBy(list, 'Naam', /sort=-name/, 'descending');
    await page.getByText(`${found.length === 1 ? '1 groep' : `${found.length} groepen`} gevonden voor “${q}”.`, { exact: true }).waitFor();
    expect(found.map((g) => g.name)).toEqual(['Lijsttest Z', 'Lijsttest Alfa']);
    await expect.poll(() => list.locator('tbody tr').getByRole('link').allTextContents(), { timeout: 10_000 }).toEqual(found.map((g) => g.name));

    await page.locator('summary', { hasText: 'Exporteren' }).click();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporteer als Excel (XLSX)', exact: true }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`groepen-${TODAY}.xlsx`);
    const rows = await xlsxRows(xlsx);
    expect(rows[0]?.[0]).toBe('Naam');
    expect(rows.slice(1).map((r) => r[0])).toEqual(found.map((g) => g.name));
    await checkA11y(page, 'groepen gezocht');
  });

  it('the API keys: search, sort by a header, and an export without any secret', async () => {
    if (!koers) throw new Error('Koers did not start');
    const { api } = await apiAs(koers.url, COORDINATOR);
    const secrets: string[] = [];
    for (const name of ['Roostersysteem lijsttest', 'Volgsysteem lijsttest']) secrets.push((await ok<{ key: string }>(api.post('/api/v1/api-keys', { data: { name } }), 'api key')).key);
    await api.dispose();
    await page.goto(`${koers.url}/koppelingen`);
    await heading(page, 'Koppelingen');
    await settled(page);
    const list = page.getByRole('table', { name: 'Sleutels van uw organisatie', exact: true });
    await page.getByRole('searchbox', { name: 'Zoek op naam of laatste vier tekens' }).fill('lijsttest');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL(/zoek=lijsttest/);
    await settled(page);
    await page.getByText('2 sleutels gevonden voor “lijsttest”.', { exact: true }).waitFor();
    await sortBy(list, 'Naam', /sort=name/, 'ascending');
    await expect.poll(() => list.locator('tbody tr th').allTextContents(), { timeout: 10_000 }).toEqual(['Roostersysteem lijsttest', 'Volgsysteem lijsttest']);
    await sortBy(list, 'Naam', /sort=-name/, 'descending');
    await expect.poll(() => list.locator('tbody tr th').allTextContents(), { timeout: 10_000 }).toEqual(['Volgsysteem lijsttest', 'Roostersysteem lijsttest']);
    await checkA11y(page, 'koppelingen gezocht en gesorteerd');

    await page.locator('summary', { hasText: 'Exporteren' }).click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporteer als CSV', exact: true }).click()]);
    expect(csv.suggestedFilename()).toBe(`koppelingen-${TODAY}.csv`);
    const text = await readFile(await csv.path(), 'utf8');
    const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
    expect(lines.map((l) => l.split(';')[0])).toEqual(['Naam', 'Volgsysteem lijsttest', 'Roostersysteem lijsttest']);
    for (const secret of secrets) expect(text).not.toContain(secret);
    await logOut(page);
  });

  it('the outgoing mail: search by recipient, sort by a header, and the export of every found mail', async () => {
    if (!koers) throw new Error('Koers did not start');
    // A known mail: a password reset for a demo account.
    const anonymous = await request.newContext({ baseURL: koers.url });
    expect((await anonymous.post('/api/v1/password-resets', { data: { email: CONSULTANT } })).status()).toBe(202);
    await anonymous.dispose();
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, ADMIN);
    await page.goto(`${koers.url}/uitgaande-mail`);
    await heading(page, 'Uitgaande e-mail');
    await settled(page);
    const list = page.getByRole('table', { name: 'Uitgaande e-mail', exact: true });
    await sortBy(list, 'Aangemaakt', /sort=createdAt/, 'ascending');
    await sortBy(list, 'Aan', /sort=recipient/, 'ascending');
    await checkA11y(page, 'uitgaande e-mail gesorteerd');

    await page.getByRole('searchbox', { name: 'Zoek op ontvanger of onderwerp' }).fill(CONSULTANT);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL(/zoek=/);
    await settled(page);
    const count = Number(/^(\d+) berichte?n? gevonden/.exec((await page.getByText(/gevonden voor/).textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThan(0);
    for (const text of await list.locator('tbody tr').allTextContents()) expect(text).toContain(CONSULTANT);

    await page.locator('summary', { hasText: 'Exporteren' }).click();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporteer als Excel (XLSX)', exact: true }).click()]);
    expect(xlsx.suggestedFilename()).toBe(`uitgaande-mail-${TODAY}.xlsx`);
    const rows = await xlsxRows(xlsx);
    expect(rows[0]?.slice(0, 3)).toEqual(['Aangemaakt', 'Aan', 'Onderwerp']);
    expect(rows.slice(1)).toHaveLength(count);
    expect(rows.slice(1).every((r) => r[1] === CONSULTANT)).toBe(true);
    // No message text, so no reset link, in the file.
    expect(JSON.stringify(rows)).not.toContain('wachtwoord-herstellen');
    await checkA11y(page, 'uitgaande e-mail gezocht');
  });
});
