// Browser test of the second factor (issue #9 hole 9): with a second factor required for consultants
// (KOERS_MFA_ROLES), the consultant's first login sets up a TOTP app; on "Mijn account" it sets up a new
// one; it logs out and in again with password + TOTP (the code computed with otplib as an app would),
// then once with a recovery code. The password-reset pages are visited too. axe-core checks every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { awayFromStepEdge, totpAt } from '../test/support/second-factor.js';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { heading, logOut, openFromMenu, PASSWORD, settled } from './helpers.js';

const CONSULTANT = 'consultant.hoorn@koers.demo';

async function passwordStep(page: Page): Promise<void> {
  await heading(page, 'Inloggen');
  await page.getByLabel('E-mailadres', { exact: true }).fill(CONSULTANT);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

/** Reads the key from the page the way a person would type it into an app. */
async function secretOnPage(page: Page): Promise<string> {
  const text = (await page.getByTestId('totp-secret').textContent()) ?? '';
  return text.replace(/\s/g, '');
}

async function confirmWithApp(page: Page, secret: string): Promise<string[]> {
  await page.getByLabel('Code uit de app').fill(await totpAt(secret));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await page.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor();
  const codes = await page.getByTestId('recovery-codes').locator('code').allTextContents();
  expect(codes).toHaveLength(10);
  return codes;
}

describe('second factor (TOTP) in the browser', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    koers = await startKoers({ today: '2026-12-23', config: { mfaRoles: ['consultant'] } });
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  it('sets up TOTP at the first login and on Mijn account, logs in with password + TOTP, and once with a recovery code', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(koers.url);
    await awayFromStepEdge();

    // First login: the role needs a second factor, so the password leads to setting one up.
    await passwordStep(page);
    await heading(page, 'Tweede factor instellen');
    await checkA11y(page, 'Tweede factor instellen');
    await page.getByRole('button', { name: 'Tweede factor instellen' }).click();
    await page.getByRole('img', { name: /QR-code/ }).waitFor();
    await checkA11y(page, 'Tweede factor instellen (QR-code)');
    await confirmWithApp(page, await secretOnPage(page));
    await checkA11y(page, 'Herstelcodes');
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await heading(page, 'Werklijst');
    await settled(page);

    // On "Mijn account" the consultant sets up a new app (a new phone); the old key stops working.
    await openFromMenu(page, 'Mijn account', 'Mijn account');
    await page.getByText(/nog 10 ongebruikte herstelcodes/).waitFor();
    await checkA11y(page, 'Mijn account');
    await page.getByRole('button', { name: /Opnieuw instellen/ }).click();
    await page.getByRole('button', { name: 'Tweede factor instellen' }).click();
    const secret = await secretOnPage(page);
    const recoveryCodes = await confirmWithApp(page, secret);
    await checkA11y(page, 'Mijn account (herstelcodes)');
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await page.getByText('Uw nieuwe tweede factor en herstelcodes zijn in gebruik.').waitFor();
    await logOut(page);

    // Password + TOTP. The code of the next 30-second step: the one just used for confirming is spent.
    await passwordStep(page);
    await heading(page, 'Inloggen: tweede stap');
    await checkA11y(page, 'Inloggen: tweede stap');
    await page.getByLabel('Code', { exact: true }).fill('000000');
    await page.keyboard.press('Enter');
    await page.getByText(/De code klopt niet/).first().waitFor();
    await page.getByLabel('Code', { exact: true }).fill(await totpAt(secret, 1));
    await page.keyboard.press('Enter');
    await heading(page, 'Werklijst');
    await settled(page);
    await logOut(page);

    // A recovery code, once.
    await passwordStep(page);
    await heading(page, 'Inloggen: tweede stap');
    await page.getByLabel('Code', { exact: true }).fill(recoveryCodes[0] ?? '');
    await page.keyboard.press('Enter');
    await heading(page, 'Werklijst');
    await openFromMenu(page, 'Mijn account', 'Mijn account');
    await page.getByText(/nog 9 ongebruikte herstelcodes/).waitFor();
    await logOut(page);
  });

  it('offers a password reset from the login page; the pages pass axe-core', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await heading(page, 'Wachtwoord vergeten');
    await checkA11y(page, 'Wachtwoord vergeten');
    await page.getByLabel('E-mailadres', { exact: true }).fill('niemand@koers.demo');
    await page.getByRole('button', { name: 'Link aanvragen' }).click();
    await page.getByText(/Als dit e-mailadres bij Koers bekend is/).waitFor();
    await checkA11y(page, 'Wachtwoord vergeten (aangevraagd)');
    await page.goto(`${koers.url}/wachtwoord-herstellen#niet-geldig`);
    await heading(page, 'Nieuw wachtwoord instellen');
    await checkA11y(page, 'Nieuw wachtwoord instellen');
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een zin van vijf woorden');
    await page.getByLabel('Nieuw wachtwoord nog een keer').fill('een zin van vijf woorden');
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await page.getByText(/Deze link is ongeldig, al gebruikt of verlopen/).first().waitFor();
  });
});
