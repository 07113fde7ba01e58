// Browser test of issue #11 (R-INV-4, R-INV-6): the provider prepares an invoice for a municipality from
// what the facts earned (with the keyboard only) and sends it; the municipality opens the evidence of a
// line, tries to dispute it without a reason (a Dutch error next to the field), disputes it with one
// and approves another with the keyboard; the provider credits the disputed line and invoices it again
// (the next run puts it on a new invoice) and sends the demo's prepared invoice to Hoorn pro forma; the
// contract manager reads the totals, with no person on the page. axe-core checks every invoicing page, also with a dialog open and with an error shown.
// The demo region leaves Leerhuis Noord × Enkhuizen earned and not invoiced (src/features/demo/invoicing.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { heading, logIn, openFromMenu, settled, switchUser, tabTo } from './helpers.js';

const PROVIDER = 'coordinator.leerhuis@koers.demo';
const MUNICIPALITY = 'consultant.enkhuizen@koers.demo';
const CONTRACT_MANAGER = 'contractmanager.nwo@koers.demo';
const TODAY = '2026-12-23';
const POLL = { timeout: 10_000 };

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

describe('invoicing in the browser: prepare, send, dispute, credit, invoice again, totals', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  /** Set along the way: the first invoice and the line the municipality disputes. */
  let invoiceNumber = '';
  let invoicePath = '';
  let disputed = { participant: '', product: '' };

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  /** The steps build on each other: a later one says so at once instead of waiting for what is not there. */
  const needInvoice = () => {
    if (invoiceNumber === '') throw new Error('no invoice was prepared in the first step');
  };
  const needDisputed = () => {
    needInvoice();
    if (disputed.product === '') throw new Error('no line was disputed');
  };
  const status = () => page.locator('main [role="status"]').first();
  /** An export link downloads the whole list from the server (R-EXC-3), with the session of the page. */
  const expectDownload = async (link: Locator, type: string) => {
    const href = await link.getAttribute('href');
    if (href === null) throw new Error('the export link has no address');
    const res = await page.request.get(new URL(href, page.url()).toString());
    expect(res.status(), href).toBe(200);
    expect(res.headers()['content-type']).toContain(type);
  };
  const lines = () => page.getByRole('table', { name: /^Regels van / });
  const lineRow = (participant: string, product: string) => lines().locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: participant, exact: true }) }).filter({ hasText: product });

  it('the provider prepares an invoice for Enkhuizen with the keyboard only', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, PROVIDER);
    await openFromMenu(page, 'Declareren', 'Declareren');
    await checkA11y(page, 'declareren: te declareren');
    await page.getByRole('table', { name: 'Verdiende producten, nog niet gefactureerd' }).waitFor();
    // The export links sit in the closed "Exporteren" disclosure.
    await expectDownload(page.getByRole('link', { name: 'Exporteer als Excel (XLSX)', exact: true, includeHidden: true }), 'spreadsheetml');

    const prepare = page.getByRole('button', { name: /^Factuur voorbereiden voor .*Enkhuizen$/ });
    await tabTo(page, prepare);
    await page.keyboard.press('Enter');
    // Focus moves into the form, to the date it asks, which is today by default.
    const upTo = page.getByLabel('Verdiend tot en met', { exact: true });
    await expect.poll(() => isFocused(upTo), POLL).toBe(true);
    expect(await upTo.inputValue()).toBe(TODAY);
    await checkA11y(page, 'declareren: factuur voorbereiden');
    await tabTo(page, page.getByRole('button', { name: 'Factuur voorbereiden', exact: true }), 10);
    await page.keyboard.press('Enter');

    await expect.poll(() => status().innerText(), POLL).toMatch(/is voorbereid voor .*Enkhuizen/);
    // The outcome takes focus, so the keyboard user goes on from there.
    await expect.poll(() => isFocused(status()), POLL).toBe(true);
    const link = status().getByRole('link').first();
    invoiceNumber = (await link.innerText()).trim();
    expect(invoiceNumber).toMatch(/\/2026\/\d{5}$/);
    await checkA11y(page, 'declareren: factuur voorbereid');
    await link.click();
    await heading(page, `Factuur ${invoiceNumber}`);
    await settled(page);
    invoicePath = new URL(page.url()).pathname;
  });

  it('the provider sees the header, the files and the lines, and sends the invoice after a confirmation', async () => {
    needInvoice();
    const header = page.getByRole('region', { name: 'Gegevens' });
    await expect.poll(() => header.innerText(), POLL).toMatch(/Voorbereid/);
    expect(await header.innerText()).toMatch(/Totaal incl\. btw/);
    await expectDownload(page.getByRole('link', { name: 'Download de pdf', exact: true }), 'application/pdf');
    await expectDownload(page.getByRole('link', { name: /^Download de e-factuur/ }), 'xml');
    expect(await lines().locator('tbody tr').count(), 'Leerhuis has three routes in Enkhuizen').toBeGreaterThanOrEqual(2);
    for (const column of ['Klantnummer', 'Startdatum', 'Maand van levering', 'Bedrag excl. btw', 'Prijs per eenheid excl. btw', 'Btw', 'Status']) {
      await lines().getByRole('columnheader', { name: column, exact: true }).waitFor();
    }
    await checkA11y(page, 'factuur: voorbereid');

    await page.getByRole('button', { name: 'Versturen', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: `Factuur ${invoiceNumber} versturen?` });
    await confirm.waitFor();
    await checkA11y(page, 'factuur: bevestiging versturen');
    await confirm.getByRole('button', { name: 'Ja, versturen', exact: true }).click();
    await expect.poll(() => status().innerText(), POLL).toMatch(new RegExp(`${invoiceNumber.replace(/\//g, '\\/')} is verstuurd`));
    await expect.poll(() => page.getByRole('region', { name: 'Gegevens' }).innerText(), POLL).toMatch(/Verstuurd/);
    expect(await page.getByRole('button', { name: 'Versturen', exact: true }).count()).toBe(0);
    await checkA11y(page, 'factuur: verstuurd');
  });

  it('the municipality opens the evidence of a line; Escape closes it and returns focus', async () => {
    needInvoice();
    await switchUser(page, MUNICIPALITY);
    await openFromMenu(page, 'Facturen', 'Facturen');
    await checkA11y(page, 'facturen: te controleren');
    await page.getByRole('link', { name: invoiceNumber, exact: true }).click();
    await heading(page, `Factuur ${invoiceNumber}`);
    await settled(page);
    await checkA11y(page, 'factuur: gemeente');

    const first = lines().locator('tbody tr').first();
    disputed = { participant: (await first.getByRole('rowheader').innerText()).trim(), product: '' };
    // The button names its line for a screen reader: "Onderbouwing (name, product)".
    const evidenceButton = first.getByRole('button', { name: /^Onderbouwing \(/ });
    const name = ((await evidenceButton.textContent()) ?? '').replace(/^Onderbouwing\s*\(/, '').replace(/\)$/, '').trim();
    disputed.product = name.slice(disputed.participant.length + 2);
    await evidenceButton.click();
    const evidence = page.getByRole('dialog', { name: `Onderbouwing: ${name}` });
    await evidence.waitFor();
    await settled(page);
    await evidence.getByRole('heading', { name: 'Feiten' }).waitFor();
    await evidence.getByRole('heading', { name: 'Geschiedenis van de regel' }).waitFor();
    // R-INV-6: the facts that earned the line, each with its date (at least the route's start).
    expect(await evidence.getByRole('table', { name: 'Feiten waarop de regel berust' }).locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    await checkA11y(page, 'factuur: onderbouwing open');
    await page.keyboard.press('Escape');
    await expect.poll(() => evidence.count(), POLL).toBe(0);
    await expect.poll(() => isFocused(evidenceButton), POLL).toBe(true);
  });

  it('disputing without a reason shows a Dutch error next to the field; with a reason the line is disputed', async () => {
    needDisputed();
    const row = lineRow(disputed.participant, disputed.product);
    await row.getByRole('button', { name: /^Betwisten \(/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Regel betwisten: / });
    await dialog.waitFor();
    const reason = dialog.getByLabel('Reden', { exact: true });
    await expect.poll(() => isFocused(reason), POLL).toBe(true);
    await dialog.getByRole('button', { name: 'Regel betwisten', exact: true }).click();
    // Next to the field (its error message, wired with aria-describedby) and in the summary.
    const fieldError = dialog.locator('#veld-reason-fout');
    await expect.poll(() => fieldError.innerText(), POLL).toContain('Schrijf op waarom u deze regel betwist.');
    expect(await reason.getAttribute('aria-describedby')).toContain('veld-reason-fout');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'factuur: betwisten zonder reden');

    await reason.fill('De inburgeraar is in deze maand niet gestart.');
    await dialog.getByRole('button', { name: 'Regel betwisten', exact: true }).click();
    await expect.poll(() => status().innerText(), POLL).toMatch(/is betwist/);
    await expect.poll(() => row.innerText(), POLL).toMatch(/Betwist/);
    expect(await row.innerText()).toContain('De inburgeraar is in deze maand niet gestart.');
  });

  it('the municipality approves another line with the keyboard', async () => {
    needDisputed();
    const approve = lines().getByRole('button', { name: /^Goedkeuren \(/ }).first();
    const name = ((await approve.textContent()) ?? '').replace(/^Goedkeuren\s*\(/, '').replace(/\)$/, '').trim();
    await tabTo(page, approve, 200);
    await page.keyboard.press('Enter');
    await expect.poll(() => status().innerText(), POLL).toContain(`De regel van ${name} is goedgekeurd.`);
    await expect.poll(() => isFocused(status()), POLL).toBe(true);
    await checkA11y(page, 'factuur: regel goedgekeurd');
  });

  it('the provider finds the invoice under the disputed ones and credits the line, first without a reason', async () => {
    needDisputed();
    if (!koers) throw new Error('Koers did not start');
    await switchUser(page, PROVIDER);
    await openFromMenu(page, 'Declareren', 'Declareren');
    await page.getByRole('navigation', { name: 'Onderdelen van Declareren' }).getByRole('link', { name: 'Facturen', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Facturen' }).waitFor();
    await page.getByLabel('Toon', { exact: true }).selectOption({ label: 'Met betwiste regels' });
    await page.waitForURL(/toon=betwist/);
    await settled(page);
    await checkA11y(page, 'declareren: facturen met betwiste regels');
    await expectDownload(page.getByRole('link', { name: 'Exporteer als CSV', exact: true, includeHidden: true }), 'text/csv');
    await page.getByRole('link', { name: invoiceNumber, exact: true }).click();
    await heading(page, `Factuur ${invoiceNumber}`);
    await settled(page);
    expect(new URL(page.url()).pathname).toBe(invoicePath);
    // Every change of a line is kept: its history names the dispute and its reason.
    await lineRow(disputed.participant, disputed.product).getByRole('button', { name: /^Onderbouwing \(/ }).click();
    const evidence = page.getByRole('dialog', { name: `Onderbouwing: ${disputed.participant}, ${disputed.product}` });
    await expect.poll(() => evidence.innerText(), POLL).toContain('Reden: De inburgeraar is in deze maand niet gestart.');
    await evidence.getByRole('button', { name: 'Sluiten', exact: true }).click();
    await expect.poll(() => evidence.count(), POLL).toBe(0);

    await page.getByRole('button', { name: 'Crediteren', exact: true }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Betwiste regels crediteren' }).innerText(), POLL).toContain('Kies ten minste één betwiste regel in de tabel.');
    await page.getByLabel(`Kies ${disputed.participant}, ${disputed.product} om te crediteren`, { exact: true }).check();
    await page.getByRole('button', { name: 'Crediteren', exact: true }).click();
    await expect.poll(() => page.locator('#veld-reason-fout').innerText(), POLL).toContain('Schrijf op waarom deze regels gecrediteerd worden.');
    await checkA11y(page, 'factuur: crediteren zonder reden');

    await page.getByLabel('Reden van de creditering', { exact: true }).fill('Niet gestart in deze maand; wordt opnieuw gefactureerd.');
    await page.getByRole('button', { name: 'Crediteren', exact: true }).click();
    await expect.poll(() => status().innerText(), POLL).toMatch(/Creditnota .+ is gemaakt/);
    await expect.poll(() => lineRow(disputed.participant, disputed.product).innerText(), POLL).toMatch(/Gecrediteerd/);
    await status().getByRole('link').first().click();
    await heading(page, /^Creditnota /);
    await settled(page);
    await checkA11y(page, 'creditnota: voorbereid');
    // The credit note is the provider's draft until it is sent, as an invoice is.
    await page.getByRole('button', { name: 'Versturen', exact: true }).click();
    await page.getByRole('dialog', { name: /^Creditnota .+ versturen\?$/ }).getByRole('button', { name: 'Ja, versturen', exact: true }).click();
    await expect.poll(() => status().innerText(), POLL).toMatch(/Creditnota .+ is verstuurd/);
  });

  it('the next run invoices the credited line again, on a new invoice', async () => {
    needDisputed();
    await openFromMenu(page, 'Declareren', 'Declareren');
    await page.getByRole('button', { name: /^Factuur voorbereiden voor .*Enkhuizen$/ }).click();
    await page.getByRole('button', { name: 'Factuur voorbereiden', exact: true }).click();
    await expect.poll(() => status().innerText(), POLL).toMatch(/is voorbereid voor .*Enkhuizen/);
    const link = status().getByRole('link').first();
    const again = (await link.innerText()).trim();
    expect(again).not.toBe(invoiceNumber);
    await link.click();
    await heading(page, `Factuur ${again}`);
    await settled(page);
    await expect.poll(() => lineRow(disputed.participant, disputed.product).count(), POLL).toBe(1);
    expect(await lineRow(disputed.participant, disputed.product).innerText()).toMatch(/Te controleren/);
  });

  it('the provider sends the demo’s prepared invoice to Hoorn pro forma', async () => {
    needInvoice();
    await openFromMenu(page, 'Declareren', 'Declareren');
    await page.getByRole('navigation', { name: 'Onderdelen van Declareren' }).getByRole('link', { name: 'Facturen', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Facturen' }).waitFor();
    await page.getByLabel('Toon', { exact: true }).selectOption({ label: 'Voorbereid' });
    await page.waitForURL(/toon=voorbereid/);
    await settled(page);
    const row = page.getByRole('table', { name: 'Facturen: voorbereid' }).locator('tbody tr').filter({ hasText: 'Hoorn' }).first();
    await row.getByRole('link').first().click();
    await heading(page, /^Factuur /);
    await settled(page);
    await page.getByRole('button', { name: 'Pro forma versturen', exact: true }).click();
    await expect.poll(() => status().innerText(), POLL).toMatch(/is pro forma verstuurd/);
    await expect.poll(() => page.getByRole('region', { name: 'Gegevens' }).innerText(), POLL).toMatch(/Pro forma/);
    // Still to send for real; pro forma only once.
    expect(await page.getByRole('button', { name: 'Pro forma versturen', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Versturen', exact: true }).waitFor();
    await checkA11y(page, 'factuur: pro forma');
  });

  it('the contract manager reads the totals per provider, municipality and product, with no person on the page', async () => {
    if (!koers) throw new Error('Koers did not start');
    needInvoice();
    await switchUser(page, CONTRACT_MANAGER);
    await openFromMenu(page, 'Factuurtotalen', 'Factuurtotalen');
    for (const title of ['Per aanbieder', 'Per gemeente', 'Per product']) await page.getByRole('heading', { level: 2, name: title }).waitFor();
    const byProvider = page.getByRole('table', { name: /^Gefactureerd en gecrediteerd per aanbieder/ });
    // Taalpunt's demo invoices, and the one Leerhuis sent above.
    await byProvider.getByRole('rowheader', { name: /Taalpunt/ }).waitFor();
    await byProvider.getByRole('rowheader', { name: /Leerhuis/ }).waitFor();
    expect(await page.locator('main').innerText()).not.toContain(disputed.participant);
    await checkA11y(page, 'factuurtotalen');

    await page.getByLabel('Factuurdatum vanaf', { exact: true }).fill('2026-12-01');
    await page.getByRole('button', { name: 'Periode tonen', exact: true }).click();
    await page.waitForURL(/van=2026-12-01/);
    await settled(page);
    await expect.poll(() => page.locator('main').innerText(), POLL).toContain('Factuurdatum van 01-12-2026 tot en met 23-12-2026.');
    await checkA11y(page, 'factuurtotalen: periode');
  });
});
