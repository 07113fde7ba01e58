// Browser test of the referral chain (R-REF-1, R-REF-2): a consultant registers a participant and refers
// them to a provider, the provider's coordinator acknowledges receipt, the consultant sees it.
// Elements are found by role and accessible name, as a user of assistive technology would.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { answerNo, heading, logIn, logOut, makeBsn, openFromMenu, randomLetters, selectOptionMatching, settled } from './helpers.js';

const CONSULTANT = 'consultant.hoorn@koers.demo';
const COORDINATOR = 'coordinator.taalpunt@koers.demo';
// The harness sets today to Wednesday 2026-12-23; 5 working days, skipping Christmas and Boxing Day.
const ACKNOWLEDGEMENT_DUE = '31-12-2026';

describe('referral from municipality to provider', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;

  const bsn = makeBsn();
  const givenName = 'Samira';
  const familyName = `Haddad-${randomLetters(6)}`;
  const fullName = `${givenName} ${familyName}`;

  beforeAll(async () => {
    koers = await startKoers();
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  it('a consultant registers a new participant and refers them to Taalpunt', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await heading(page, 'Inloggen');
    await checkA11y(page, 'inloggen');

    await logIn(page, CONSULTANT);
    expect(await page.title()).toContain('Werklijst');
    await checkA11y(page, 'werklijst');

    await openFromMenu(page, 'Inburgeraars', 'Inburgeraars');
    await checkA11y(page, 'inburgeraars');

    await openFromMenu(page, 'Nieuwe aanmelding', 'Nieuwe aanmelding');
    await checkA11y(page, 'aanmeldformulier');

    // Submitting the empty form shows the error summary and marks the fields.
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await page.getByRole('heading', { name: 'Controleer het formulier' }).waitFor();
    const bsnField = page.getByLabel('BSN', { exact: true });
    expect(await bsnField.getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'aanmeldformulier met fouten');

    // The elfproef runs when the field loses focus.
    await bsnField.fill('123456789');
    await bsnField.press('Tab');
    await page.getByText('Dit BSN bestaat niet. Controleer de cijfers.').first().waitFor();

    await bsnField.fill(bsn);
    await page.getByLabel('Voornaam', { exact: true }).fill(givenName);
    await page.getByLabel('Achternaam', { exact: true }).fill(familyName);
    await page.getByLabel('Geboortedatum', { exact: true }).fill('1990-05-17');
    await page.getByLabel('Geslacht', { exact: true }).selectOption({ label: 'Vrouw' });
    await page.getByLabel(/^Postcode/).fill('1621 AB');
    await page.getByLabel(/^Woonplaats/).fill('Hoorn');
    await page.getByLabel('Leerroute', { exact: true }).selectOption({ label: 'B1-route' });
    await answerNo(page, 'Belemmeringen op het gebied van gezondheid');
    await answerNo(page, 'Belemmeringen op het gebied van justitie');
    await answerNo(page, 'Belemmeringen op het gebied van financiën');
    await selectOptionMatching(page.getByLabel('Aanbieder', { exact: true }), /Taalpunt/);
    await selectOptionMatching(page.getByLabel('Perceel', { exact: true }), /B1/, /taal/i);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();

    await heading(page, fullName);
    await settled(page);
    // R-PAR-2: the BSN is in no URL and not shown in full.
    expect(page.url()).not.toContain(bsn);
    expect(await page.content()).not.toContain(bsn);
    await page.getByRole('columnheader', { name: 'Ontvangstbevestiging uiterlijk' }).waitFor();
    const referral = page.getByRole('region', { name: 'Aanmeldingen' }).getByRole('row', { name: /Taalpunt/ });
    const text = await referral.textContent();
    expect(text).toContain(ACKNOWLEDGEMENT_DUE);
    expect(text).toContain('Aangemeld');
    await checkA11y(page, 'inburgeraar');

    await logOut(page);
  });

  it('the coordinator of Taalpunt acknowledges the referral', async () => {
    await logIn(page, COORDINATOR);
    await openFromMenu(page, 'Aanmeldingen', 'Aanmeldingen');
    const row = page.getByRole('row', { name: new RegExp(familyName) });
    await row.waitFor();
    expect(await row.textContent()).toContain(ACKNOWLEDGEMENT_DUE);
    await checkA11y(page, 'aanmeldingen');

    await row.getByRole('button', { name: /^Ontvangst bevestigen/ }).click();
    await page.getByRole('status').filter({ hasText: 'is bevestigd' }).waitFor();
    await row.getByText('Ontvangst bevestigd', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: /^Ontvangst bevestigen/ }).count()).toBe(0);

    await logOut(page);
  });

  it('the consultant sees that receipt was confirmed', async () => {
    await logIn(page, CONSULTANT);
    await openFromMenu(page, 'Inburgeraars', 'Inburgeraars');
    await page.getByRole('searchbox', { name: 'Zoek op naam of klantnummer' }).fill(familyName);
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByRole('link', { name: fullName, exact: true }).click();

    await heading(page, fullName);
    await settled(page);
    const referral = page.getByRole('region', { name: 'Aanmeldingen' }).getByRole('row', { name: /Taalpunt/ });
    await referral.getByText('Ontvangst bevestigd', { exact: true }).waitFor();
    expect(await referral.textContent()).toContain(ACKNOWLEDGEMENT_DUE);
  });
});
