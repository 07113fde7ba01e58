// Browser test of issue #10 item 1: every role's main menu offers only what its server answers. Each demo
// role logs in, reads every link of the main menu (UserNav, derived from the permissions of
// GET /sessions/current) and visits each: no API call the page makes may answer 401, 403 or 404, the
// page shows no error or "niet gevonden", and axe-core finds nothing serious. The old menu offered
// "Inburgeraars" to teachers and policy officers, whose server answered 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { heading, logIn, settled } from './helpers.js';

const ROLES = [
  { role: 'consultant', email: 'consultant.hoorn@koers.demo', invoicing: ['Facturen'] },
  { role: 'policyOfficer', email: 'beleid.hoorn@koers.demo', invoicing: ['Factuurtotalen'] },
  // Issue #17 (R-SEC-2): the municipality's privacy officer, whose menu is the audit search.
  { role: 'privacyOfficer', email: 'privacy.hoorn@koers.demo', invoicing: [] },
  { role: 'providerCoordinator', email: 'coordinator.taalpunt@koers.demo', invoicing: ['Declareren'] },
  // Issue #12: the participation provider's coordinator, whose day is Deelname.
  { role: 'providerCoordinator (participatie)', email: 'coordinator.werkwijs@koers.demo', invoicing: ['Declareren'] },
  { role: 'teacher', email: 'docent.taalpunt@koers.demo', invoicing: [] },
  { role: 'contractManager', email: 'contractmanager.nwo@koers.demo', invoicing: ['Factuurtotalen'] },
  { role: 'participant', email: 'inburgeraar@koers.demo', invoicing: [] },
  { role: 'admin', email: 'beheer@koers.demo', invoicing: [] },
] as const;

/** Issue #11: the invoicing pages, each offered to the roles whose server answers it (invoice.*). */
const INVOICING_ITEMS = ['Declareren', 'Facturen', 'Factuurtotalen'];

/** Words a page shows when something it asked for failed or is not there (QueryStatus, NotAllowed). */
const ERROR_TEXT = /niet gevonden|met uw rol niet gebruiken|ging iets mis/i;

interface MenuLink {
  name: string;
  href: string;
}

async function menuLinks(page: Page): Promise<MenuLink[]> {
  const links = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link');
  const out: MenuLink[] = [];
  for (const link of await links.all()) out.push({ name: (await link.innerText()).trim(), href: (await link.getAttribute('href')) ?? '' });
  return out;
}

describe('each role’s menu offers only pages its server answers', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  /** What each role's menu held, for the report at the end. */
  const menus: Record<string, string[]> = {};

  beforeAll(async () => {
    koers = await startKoers();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    // Visible in the test output: which roles have a thin menu (later issues build their pages).
    for (const [role, names] of Object.entries(menus)) console.log(`menu ${role}: ${names.join(' · ')}`);
    await browser?.close();
    await koers?.stop();
  });

  it.each(ROLES)('$role: every menu item opens a working page', async ({ role, email, invoicing }) => {
    if (!koers || !browser) throw new Error('Koers or Chromium did not start');
    const base = koers.url;
    const context: BrowserContext = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    const refused: string[] = [];
    // Before the login the session check answers 401 by design; only calls once signed in count.
    let signedIn = false;
    page.on('response', (response: Response) => {
      const url = new URL(response.url());
      if (signedIn && url.pathname.startsWith('/api/') && [401, 403, 404].includes(response.status())) {
        refused.push(`${response.request().method()} ${url.pathname} → ${response.status()} (op ${new URL(page.url()).pathname})`);
      }
    });
    try {
      await page.goto(`${koers.url}/inloggen`);
      await logIn(page, email);
      signedIn = true;
      const links = await menuLinks(page);
      menus[role] = links.map((l) => l.name);
      expect(links.length, `${role} has a menu`).toBeGreaterThan(0);
      expect(links.map((l) => l.name).filter((name) => INVOICING_ITEMS.includes(name)), `${role}: invoicing items`).toEqual(invoicing);
      // Issue #12: Deelname for the providers' coordinators (participation.write; the language provider reads it), no one else.
      expect(links.some((l) => l.href === '/deelname'), `${role}: Deelname`).toBe(role.startsWith('providerCoordinator'));
      // Issue #12 (R-PRT-1): the participant's menu holds their own pages only, no staff entry.
      if (role === 'participant') expect(links.map((l) => l.href)).toEqual(['/mijn-voortgang', '/mijn-leerplan', '/mijn-rooster', '/mijn-aanwezigheid', '/mijn-activiteiten']);
      for (const link of links) {
        await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: link.name, exact: true }).click();
        await page.waitForURL((url) => url.pathname === new URL(link.href, base).pathname);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await settled(page);
        const main = page.locator('main');
        const text = (await main.count()) > 0 ? await main.innerText() : await page.locator('body').innerText();
        expect(text, `${role} → ${link.name} (${link.href}) shows an error`).not.toMatch(ERROR_TEXT);
        // LoadError is an Utrecht error alert carrying the server's problem detail.
        expect(await page.locator('main .utrecht-alert--error').count(), `${role} → ${link.name}: error alert`).toBe(0);
        await checkA11y(page, `${role}: ${link.name}`);
      }
      expect(refused, `${role}: API calls refused`).toEqual([]);
      // The session still stands after the walk (a 401 would have sent the user to /inloggen).
      await page.goto(`${koers.url}/mijn-account`);
      if (role === 'participant') await heading(page, /.+/);
      else await heading(page, 'Mijn account');
    } finally {
      await context.close();
    }
  }, 180_000);
});
