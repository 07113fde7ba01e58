// Browser test of issue #10 item 5: at 390 pixels (a phone, 390×844) no page scrolls sideways. Every
// page of every role is visited — homes, work list, participant list and file, progress, referral,
// groups, group, lesson, attendance rates, invoicing (issue #11), account, the participant's own route… — and
// `document.documentElement.scrollWidth` must not exceed the viewport; axe-core checks each page too.
// A wide table may scroll inside its own box (.koers-table-scroll), never the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { apiAs, logIn, logOut, ok, settled } from './helpers.js';

const WIDTH = 390;
const TODAY = '2026-12-23';
const CONSULTANT = 'consultant.hoorn@koers.demo';
const COORDINATOR = 'coordinator.taalpunt@koers.demo';

interface Ids {
  consultantParticipant: string;
  consultantReferral: string;
  providerParticipant: string;
  providerReferral: string;
  groupId: string;
  lessonId: string;
  /** Issue #11: a sent demo invoice of Taalpunt to Hoorn, which both sides see. */
  invoiceId: string;
}

describe('at 390 pixels no page scrolls sideways', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let ids: Ids;

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true });
    page = await context.newPage();
    const consultant = (await apiAs(koers.url, CONSULTANT)).api;
    const referrals = await ok<{ items: { id: string; participant: { id: string } }[] }>(consultant.get('/api/v1/referrals'), 'referrals');
    const invoices = await ok<{ items: { id: string }[] }>(consultant.get('/api/v1/invoices?status=sent&kind=invoice&pageSize=1'), 'invoices');
    await consultant.dispose();
    const coordinator = (await apiAs(koers.url, COORDINATOR)).api;
    const groups = await ok<{ items: { id: string; name: string }[] }>(coordinator.get('/api/v1/groups'), 'groups');
    const group = groups.items.find((g) => g.name === 'B1 ochtend') ?? groups.items[0];
    if (!group) throw new Error('no demo group');
    const detail = await ok<{ members: { participantId: string; referralId: string }[] }>(coordinator.get(`/api/v1/groups/${group.id}`), 'group');
    const lessons = await ok<{ items: { id: string }[] }>(coordinator.get(`/api/v1/groups/${group.id}/lessons?from=2026-12-01&to=2026-12-22`), 'lessons');
    await coordinator.dispose();
    const [referral] = referrals.items;
    const [member] = detail.members;
    const [lesson] = lessons.items;
    const [invoice] = invoices.items;
    if (!referral || !member || !lesson || !invoice) throw new Error('the demo region lacks a referral, a member, a lesson or an invoice');
    ids = {
      consultantParticipant: referral.participant.id,
      consultantReferral: referral.id,
      providerParticipant: member.participantId,
      providerReferral: member.referralId,
      groupId: group.id,
      lessonId: lesson.id,
      invoiceId: invoice.id,
    };
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  /** The element that sticks out furthest on the right, to say what widens the page. */
  const widest = (p: Page) =>
    p.evaluate((limit) => {
      let worst: Element | undefined;
      let right = limit;
      for (const el of Array.from(document.querySelectorAll('body *'))) {
        const box = el.getBoundingClientRect();
        let clipped = false;
        for (let a = el.parentElement; a && !clipped; a = a.parentElement) clipped = getComputedStyle(a).overflowX !== 'visible';
        if (box.right > right && !clipped) [worst, right] = [el, box.right];
      }
      return worst ? `(${worst.tagName.toLowerCase()}.${Array.from(worst.classList).join('.')} to ${Math.round(right)}px)` : '';
    }, WIDTH);

  /** Visits each path, waits for its h1 and the data, and returns the pages wider than the phone. */
  async function visit(paths: string[]): Promise<string[]> {
    if (!koers) throw new Error('Koers did not start');
    const wide: string[] = [];
    for (const path of paths) {
      await page.goto(`${koers.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await settled(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > WIDTH) wide.push(`${path}: ${width}px ${await widest(page)}`);
      // Every page's problems are collected, so one run names them all.
      await checkA11y(page, `${path} at ${WIDTH}px`).catch((error: unknown) => wide.push(String(error)));
    }
    return wide;
  }

  async function as(email: string, paths: (ids: Ids) => string[]) {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, email);
    const wide = await visit(paths(ids));
    await logOut(page);
    expect(wide, `pages wider than ${WIDTH}px or failing axe-core for ${email}`).toEqual([]);
  }

  it('the login page', async () => {
    expect(await visit(['/inloggen', '/wachtwoord-vergeten'])).toEqual([]);
  });

  it('every page of the consultant', () =>
    as(CONSULTANT, (i) => [
      '/',
      '/inburgeraars',
      `/inburgeraars/${i.consultantParticipant}`,
      `/inburgeraars/${i.consultantParticipant}/voortgang`,
      '/aanmeldingen',
      `/aanmeldingen/${i.consultantReferral}`,
      '/aanmelden',
      '/aanwezigheid',
      '/facturen',
      `/facturen/${i.invoiceId}`,
      '/mijn-account',
    ]));

  it('every page of the coordinator', () =>
    as(COORDINATOR, (i) => [
      '/',
      '/werklijst',
      '/aanmeldingen',
      `/aanmeldingen/${i.providerReferral}`,
      '/inburgeraars',
      `/inburgeraars/${i.providerParticipant}`,
      `/inburgeraars/${i.providerParticipant}/voortgang`,
      '/groepen',
      `/groepen/${i.groupId}`,
      `/groepen/${i.groupId}/import`,
      `/lessen/${i.lessonId}`,
      '/aanwezigheid',
      '/koppelingen',
      '/declareren',
      '/declareren?weergave=facturen',
      `/facturen/${i.invoiceId}`,
      '/mijn-account',
    ]));

  it('every page of the teacher', () => as('docent.taalpunt@koers.demo', (i) => ['/', '/groepen', `/groepen/${i.groupId}`, `/lessen/${i.lessonId}`, '/mijn-account']));

  it('every page of the policy officer and the contract manager', async () => {
    await as('beleid.hoorn@koers.demo', () => ['/', '/factuurtotalen', '/mijn-account']);
    await as('contractmanager.nwo@koers.demo', () => ['/', '/factuurtotalen', '/mijn-account']);
  });

  it('every page of the administrator', () => as('beheer@koers.demo', () => ['/', '/uitgaande-mail', '/demo', '/mijn-account']));

  it("the participant's own route", () => as('inburgeraar@koers.demo', () => ['/mijn-voortgang', '/mijn-leerplan', '/mijn-rooster', '/mijn-aanwezigheid', '/mijn-activiteiten']));
});
