// Browser test of issue #11, 002 eis 12-13: the Halfjaarronde in Declareren. The demo region has no
// Onderwijsroute provider, so the contracts are a copy in which Westfriesland invoices per half year with
// Hoorn as the centre of every municipality (the Onderwijsroute's own data is tested in
// test/invoicing-rounds.int.test.ts). Leerhuis Noord submits the form empty (Dutch errors next to the
// fields), then sends the round for Hoorn, second half of 2026 (today is 4 January 2027), to the centre;
// the outcome names each pro-forma invoice (at least one), which the API lists as pro forma. axe-core
// checks the form, the errors and the outcome.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { logIn, settled } from './helpers.js';

const PROVIDER = 'coordinator.leerhuis@koers.demo';

describe('the half-year round in the browser', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'koers-contracts-'));
    await cp(path.resolve(import.meta.dirname, '../contracts'), dir, { recursive: true });
    const file = path.join(dir, 'westfriesland.yaml');
    const yaml = await readFile(file, 'utf8');
    const withCentre = yaml.replaceAll('    invoicing:\n      oin:', '    invoicing:\n      centre: hoorn\n      oin:');
    if (withCentre === yaml || !withCentre.includes('\npaymentTerm:\n')) throw new Error('westfriesland.yaml no longer has the expected shape');
    await writeFile(file, withCentre.replace('\npaymentTerm:\n', '\ninvoicingCadence:\n  period: halfYear\n  source: "e2e test copy"\n\npaymentTerm:\n'));
    koers = await startKoers({ today: '2027-01-04', config: { contractsDir: dir } });
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })).newPage();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('the form shows Dutch errors next to the fields, then makes the pro-forma invoices of the round', async () => {
    if (koers === undefined) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, PROVIDER, 'Declareren');
    const section = page.getByRole('region', { name: 'Halfjaarronde' });
    await section.waitFor();
    await checkA11y(page, 'Declareren met de halfjaarronde');

    await section.getByRole('button', { name: 'Pro forma naar centrumgemeente' }).click();
    await expect.poll(() => section.getByText('Kies de centrumgemeente.').count()).toBeGreaterThan(0);
    await expect.poll(() => section.getByText('Kies het halfjaar.').count()).toBeGreaterThan(0);
    await checkA11y(page, 'Halfjaarronde met fouten');

    await section.getByLabel('Centrumgemeente', { exact: true }).selectOption({ label: 'Hoorn (7 gemeenten)' });
    await section.getByLabel('Halfjaar', { exact: true }).selectOption({ label: 'Tweede halfjaar 2026 (juli–december)' });
    await section.getByRole('button', { name: 'Pro forma naar centrumgemeente' }).click();
    const outcome = section.getByRole('status');
    await expect.poll(() => outcome.innerText(), { timeout: 10_000 }).toMatch(/pro-formafactu/);
    await settled(page);
    await checkA11y(page, 'Halfjaarronde met uitkomst');

    // What the outcome names is what the API now holds as pro forma for the first half of 2026.
    const res = await page.request.get(new URL('/api/v1/invoices?status=proForma&kind=invoice&pageSize=1000', page.url()).toString());
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { items: { numberText: string; periodEnd: string }[] };
    const round = body.items.filter((i) => i.periodEnd === '2026-12-31').map((i) => i.numberText).sort();
    const named = (await outcome.getByRole('link').allInnerTexts()).sort();
    expect(named.length).toBeGreaterThan(0);
    expect(named).toEqual(round);
  });
});
