// Browser test of issue #17's accounts: the administrator makes a consultant with the keyboard; the
// consultant chooses a password through the mailed link (read from the administrator's outgoing mail),
// logs in and enrols a second factor; the administrator ends the account and the consultant's open
// session is refused on its next request. axe-core checks every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { awayFromStepEdge, totpAt } from '../test/support/second-factor.js';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { heading, logIn, openFromMenu, settled } from './helpers.js';

const EMAIL = 'nieuwe.consulent@hoorn.example';
const PASSWORD = 'Koers-in-Hoorn-sinds-december';

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })).newPage();
}

describe('the administrator manages accounts', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    koers = await startKoers({ today: '2026-12-23', config: { mfaRoles: ['consultant'] } });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  it('makes a consultant, who sets a password and a second factor; ending the account refuses the open session', async () => {
    if (!koers || !browser) throw new Error('Koers or Chromium did not start');
    const admin = await newPage(browser);
    await admin.goto(`${koers.url}/inloggen`);
    await logIn(admin, 'beheer@koers.demo');
    await openFromMenu(admin, 'Gebruikers', 'Gebruikers');
    await settled(admin);
    await checkA11y(admin, 'Gebruikers');

    // An empty form is refused next to its fields.
    await admin.getByRole('button', { name: 'Account maken' }).click();
    await admin.getByText('Vul een e-mailadres in.').first().waitFor();
    await checkA11y(admin, 'Gebruikers (fouten)');

    await admin.getByLabel('E-mailadres', { exact: true }).fill(EMAIL);
    await admin.getByLabel('Naam', { exact: true }).fill('Nieuwe Consulent');
    await admin.getByLabel('Rol', { exact: true }).first().selectOption('consultant');
    await admin.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Hoorn' });
    await admin.getByRole('button', { name: 'Account maken' }).click();
    await admin.getByText(`Account gemaakt voor Nieuwe Consulent (${EMAIL}).`).waitFor();
    await admin.getByRole('row', { name: /Nieuwe Consulent/ }).waitFor();

    // The welcome mail waits in the outbox (no SMTP in the demo): its link is the consultant's.
    await openFromMenu(admin, 'Uitgaande e-mail', 'Uitgaande e-mail');
    await settled(admin);
    const mail = admin.locator('details', { hasText: 'Koers: uw account' }).first();
    await mail.locator('summary').click();
    const body = (await mail.locator('pre').innerText()) ?? '';
    const link = /\/wachtwoord-herstellen#[A-Za-z0-9_-]+/.exec(body)?.[0];
    expect(link).toBeDefined();

    const consultant = await newPage(browser);
    await consultant.goto(`${koers.url}${link ?? ''}`);
    await heading(consultant, 'Nieuw wachtwoord instellen');
    await consultant.getByLabel('Nieuw wachtwoord', { exact: true }).fill(PASSWORD);
    await consultant.getByLabel('Nieuw wachtwoord nog een keer').fill(PASSWORD);
    await consultant.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await consultant.getByText('Uw nieuwe wachtwoord is ingesteld.').waitFor();

    await consultant.goto(`${koers.url}/inloggen`);
    await awayFromStepEdge();
    await heading(consultant, 'Inloggen');
    await consultant.getByLabel('E-mailadres', { exact: true }).fill(EMAIL);
    await consultant.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await consultant.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await heading(consultant, 'Tweede factor instellen');
    await consultant.getByRole('button', { name: 'Tweede factor instellen' }).click();
    const secret = ((await consultant.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
    await consultant.getByLabel('Code uit de app').fill(await totpAt(secret));
    await consultant.getByRole('button', { name: 'Bevestigen' }).click();
    await consultant.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await heading(consultant, 'Werklijst');
    await settled(consultant);

    // The administrator's list now shows the last login and the second factor.
    await openFromMenu(admin, 'Gebruikers', 'Gebruikers');
    await admin.reload();
    await settled(admin);
    const row = admin.getByRole('row', { name: /Nieuwe Consulent/ });
    expect(await row.innerText()).toMatch(/\tIngesteld\t/);
    expect(await row.innerText()).not.toContain('Nooit');
    await row.getByRole('button', { name: 'Account van Nieuwe Consulent beëindigen' }).click();
    await checkA11y(admin, 'Gebruikers (beëindigen bevestigen)');
    await row.getByRole('button', { name: 'Ja, account van Nieuwe Consulent beëindigen' }).click();
    await expect.poll(() => row.innerText()).toContain('Beëindigd');

    // The consultant's next request is refused: the app sends it to the login page.
    await consultant.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Inburgeraars', exact: true }).click();
    await heading(consultant, 'Inloggen');
  });
});
