// Browser test of issue #10 item 5: every role lands on a home for its job. The teacher on today's and
// this week's lessons (and marks attendance from there), the coordinator on new referrals, due steps and
// the week's lessons, the policy officer and the contract manager on figures without personal data, the
// administrator on the outbox and the system date. Each follows a link with the keyboard; axe-core checks
// each home.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { apiAs, heading, logIn, logOut, ok, settled, tabTo } from './helpers.js';

const TODAY = '2026-12-23'; // a Wednesday: the demo group has lessons on Monday, Wednesday and Thursday
const TEACHER = 'docent.taalpunt@koers.demo';
const COORDINATOR = 'coordinator.taalpunt@koers.demo';

describe('each role lands on a home for its job', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
    // The demo has lessons up to yesterday; the coordinator plans the rest of the week, as it would.
    const { api } = await apiAs(koers.url, COORDINATOR);
    const groups = await ok<{ items: { id: string; name: string }[] }>(api.get('/api/v1/groups'), 'groups');
    const group = groups.items.find((g) => g.name === 'B1 ochtend');
    if (!group) throw new Error('the demo group B1 ochtend is missing');
    await ok(api.post(`/api/v1/groups/${group.id}/lessons/generate`, { data: { from: TODAY, to: '2026-12-27' } }), 'generate lessons');
    await api.dispose();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  async function signIn(email: string, home: string) {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, email);
    await heading(page, home);
    expect(new URL(page.url()).pathname).toBe('/');
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await menu.getByRole('link', { name: home, exact: true }).getAttribute('aria-current')).toBe('page');
  }

  it("the teacher sees today's and this week's lessons and opens today's to mark attendance", async () => {
    await signIn(TEACHER, 'Mijn lessen');
    const today = page.getByRole('region', { name: 'Vandaag', exact: true });
    const row = today.getByRole('row').filter({ hasText: 'B1 ochtend' });
    await row.waitFor();
    expect(await row.textContent()).toContain('09:00');
    expect(await row.textContent()).toContain('Hoorn, Grote Noord 1');
    expect(await row.textContent()).toContain('Nog niet geregistreerd');
    const week = page.getByRole('region', { name: 'Deze week', exact: true });
    // Monday's lesson is registered (the demo's attendance); Thursday's is still to come.
    await week.getByRole('row').filter({ hasText: 'maandag 21-12-2026' }).getByText(/^Geregistreerd \(\d+ van \d+\)$/).waitFor();
    await week.getByRole('row').filter({ hasText: 'donderdag 24-12-2026' }).getByText('Nog niet aan de beurt').waitFor();
    expect(await page.getByRole('link', { name: 'Werklijst', exact: true }).count()).toBe(0);
    await checkA11y(page, 'mijn lessen (docent)');

    const link = today.getByRole('link', { name: 'Aanwezigheid registreren: B1 ochtend, woensdag 23-12-2026 om 09:00' });
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await heading(page, 'Les van woensdag 23-12-2026 om 09:00');
    await settled(page);
    await logOut(page);
  });

  it('the coordinator sees new referrals, the due steps per kind and the week, and goes on to the work list', async () => {
    await signIn(COORDINATOR, 'Overzicht');
    const referrals = page.getByRole('region', { name: 'Nieuwe aanmeldingen', exact: true });
    await referrals.getByText(/^\d+ aanmelding(en)? wacht(en)? op bevestiging van ontvangst\.$/).waitFor();
    const steps = page.getByRole('region', { name: 'Stappen met een termijn', exact: true });
    const rows = steps.getByRole('table', { name: 'Openstaande stappen per soort' }).getByRole('row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBeGreaterThan(1);
    const week = page.getByRole('region', { name: 'Lessen deze week', exact: true });
    await week.getByRole('row').filter({ hasText: 'woensdag 23-12-2026' }).waitFor();
    // Each term's count opens the work list with that bucket.
    expect(await steps.getByRole('link', { name: /^Te laat: \d+ stap(pen)?$/ }).getAttribute('href')).toBe('/werklijst?urgentie=overdue');
    await checkA11y(page, 'overzicht (coördinator)');

    await tabTo(page, steps.getByRole('link', { name: 'Naar de werklijst', exact: true }));
    await page.keyboard.press('Enter');
    await heading(page, 'Werklijst');
    await settled(page);
    expect(new URL(page.url()).pathname).toBe('/werklijst');
    await logOut(page);
  });

  it('the participation provider sees its participants and the portfolios to complete, and opens the filtered Deelname list (issue #12)', async () => {
    await signIn('coordinator.werkwijs@koers.demo', 'Overzicht');
    const day = page.getByRole('region', { name: 'Deelname en MAP', exact: true });
    const all = day.getByRole('link', { name: /^\d+ inburgeraars? (heeft|hebben) participatie of de MAP$/ });
    await all.waitFor();
    const open = day.getByRole('link', { name: /^\d+ portfolio('s)? (is|zijn) nog niet compleet$/ });
    const toComplete = Number((await open.textContent())?.match(/^\d+/)?.[0]);
    expect(toComplete).toBeGreaterThan(0);
    expect(toComplete).toBeLessThan(Number((await all.textContent())?.match(/^\d+/)?.[0]));
    await checkA11y(page, 'overzicht (participatieaanbieder)');

    await tabTo(page, open);
    await page.keyboard.press('Enter');
    await heading(page, 'Deelname');
    await settled(page);
    expect(new URL(page.url()).searchParams.get('portfolio')).toBe('incomplete');
    // The home's count is the filtered list's total.
    await page.getByText(`${toComplete} inburgeraar${toComplete === 1 ? '' : 's'}.`, { exact: true }).waitFor();
    await logOut(page);
  });

  it('the policy officer sees its municipality in figures without names', async () => {
    await signIn('beleid.hoorn@koers.demo', 'Overzicht');
    const table = page.getByRole('table', { name: 'Aanmeldingen en aanwezigheid per gemeente' });
    const rows = table.getByRole('row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toMatch(/^Hoorn\d+\d+\d+(\d+(,\d)?%|Geen cijfer)$/);
    await checkA11y(page, 'overzicht (beleidsmedewerker)');
    await tabTo(page, page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn account', exact: true }));
    await page.keyboard.press('Enter');
    await heading(page, 'Mijn account');
    await logOut(page);
  });

  it('the contract manager sees every municipality of the region, small counts suppressed', async () => {
    await signIn('contractmanager.nwo@koers.demo', 'Overzicht');
    const rows = page.getByRole('table', { name: 'Aanmeldingen en aanwezigheid per gemeente' }).getByRole('row');
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBeGreaterThan(2);
    await page.getByText(/Aantallen kleiner dan 5 worden niet getoond/).waitFor();
    // The region's totals, with the cells beside small ones hidden too (R-MI-6, secondary suppression).
    expect(await rows.last().textContent()).toMatch(/^Totaal/);
    await checkA11y(page, 'overzicht (contractmanager)');
    await tabTo(page, page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn account', exact: true }));
    await page.keyboard.press('Enter');
    await heading(page, 'Mijn account');
    await logOut(page);
  });

  it('the administrator sees the outbox and the system date, and opens the outbox', async () => {
    await signIn('beheer@koers.demo', 'Overzicht');
    const mail = page.getByRole('region', { name: 'Uitgaande e-mail', exact: true });
    await mail.getByText('Wacht op verzending').waitFor();
    await settled(page);
    expect(await mail.textContent()).toMatch(/Wacht op verzending\d+Mislukt\d+/);
    await page.getByText('Koers rekent termijnen vanaf 23-12-2026.', { exact: false }).waitFor();
    await checkA11y(page, 'overzicht (beheer)');
    await tabTo(page, mail.getByRole('link', { name: 'Naar de uitgaande e-mail', exact: true }));
    await page.keyboard.press('Enter');
    await heading(page, 'Uitgaande e-mail');
    await logOut(page);
  });
});
