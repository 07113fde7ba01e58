// Browser test of issue #4 item 5 (R-EXC-2, R-ATT-7): the coordinator downloads the month's template
// of the demo group, uploads it with one bad row (refused whole, the row and column named), then the
// valid template (imported, with counts), then the same file again (a duplicate: nothing changes).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { heading, logIn, openFromMenu, settled } from './helpers.js';

const COORDINATOR = 'coordinator.taalpunt@koers.demo';
const GROUP = 'B1 ochtend';
const TODAY = '2026-12-23';

/** The template with the `aanwezig` cell of its first data row (file row 2) replaced. */
function withBadRow(csv: string, value: string): string {
  const lines = csv.split('\r\n');
  const header = (lines[0] ?? '').replace(/^\uFEFF/, '').split(';');
  const col = header.indexOf('aanwezig');
  const cells = (lines[1] ?? '').split(';');
  if (col < 0 || cells.length !== header.length) throw new Error(`unexpected template: ${lines.slice(0, 2).join(' | ')}`);
  cells[col] = value;
  lines[1] = cells.join(';');
  return lines.join('\r\n');
}

describe('attendance import of a month from a file', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let template: Buffer = Buffer.alloc(0);

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  const upload = async (name: string, buffer: Buffer) => {
    await page.getByLabel('Bestand met aanwezigheid', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer });
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
  };

  it('the coordinator opens the import page of the group and downloads the template', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, COORDINATOR);
    await openFromMenu(page, 'Groepen', 'Groepen');
    await page.getByRole('link', { name: GROUP, exact: true }).first().click();
    await heading(page, `Groep ${GROUP}`);
    await settled(page);
    await page.getByRole('link', { name: 'Aanwezigheid importeren', exact: true }).click();
    await heading(page, 'Aanwezigheid importeren');
    await settled(page);
    expect(await page.getByLabel('Maand', { exact: true }).inputValue()).toBe(TODAY.slice(0, 7));
    await page.getByRole('link', { name: 'Sjabloon downloaden (Excel)', exact: true }).waitFor();
    await checkA11y(page, 'import: leeg');

    // Without a file, the form says so.
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByRole('link', { name: /Kies een CSV- of Excel-bestand/ }).waitFor();

    const href = await page.getByRole('link', { name: 'Sjabloon downloaden (CSV)', exact: true }).getAttribute('href');
    expect(href).toMatch(/template\.csv\?groupId=.+&month=2026-12$/);
    const res = await page.request.get(`${koers.url}${href ?? ''}`);
    expect(res.status()).toBe(200);
    template = await res.body();
    expect(template.toString('utf8').split('\r\n').filter(Boolean).length).toBeGreaterThan(2);
  });

  it('a file with a bad row is refused whole, naming the row and column', async () => {
    await upload('aanwezigheid-fout.csv', Buffer.from(withBadRow(template.toString('utf8'), 'misschien'), 'utf8'));
    const alert = page.locator('.koers-error-summary').filter({ hasText: 'Het bestand is niet geïmporteerd' });
    await alert.getByText('Er is niets opgeslagen.', { exact: true }).waitFor();
    expect(await alert.evaluate((el) => el === document.activeElement)).toBe(true);
    const table = page.getByRole('table', { name: 'Regels van het bestand met een fout' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2', exact: true }) });
    await row.getByRole('cell', { name: 'aanwezig', exact: true }).waitFor();
    await row.getByRole('cell', { name: /^Kolom 'aanwezig'/ }).waitFor();
    expect(await table.getByRole('row').count()).toBe(2);
    await checkA11y(page, 'import: fouten');
  });

  it('the valid template is imported with counts, and the same file again is a duplicate', async () => {
    await upload('aanwezigheid-2026-12.csv', template);
    const status = page.getByRole('status');
    const done = status.getByText(/^Aanwezigheid geïmporteerd\. [\d.]+ regels: \d+ nieuw, \d+ gewijzigd, [\d.]+ ongewijzigd\.$/);
    await done.waitFor();
    const rows = template.toString('utf8').split('\r\n').filter(Boolean).length - 1;
    expect(await done.textContent()).toContain(`${rows.toLocaleString('nl-NL')} regels:`);
    expect(await page.getByRole('table').count()).toBe(0);
    await checkA11y(page, 'import: gelukt');

    await upload('aanwezigheid-2026-12.csv', template);
    await status.getByText('Dit bestand is al eerder geïmporteerd; er is niets veranderd.', { exact: true }).waitFor();
    await checkA11y(page, 'import: dubbel');
  });
});
