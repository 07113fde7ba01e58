// Browser test of issue #14 (R-QLT-3; 003 art. 4.4, 15): an excluded covenant provider gets no new
// referrals. Enschede's consultant (the demo's Twente consultant, src/features/demo/twente-consultant.ts)
// opens the referral form for a participant not yet referred: NT2 Centrum Oost, contracted for Enschede's
// product but excluded from the covenant, is not among the providers and is named with the reason. The
// API refuses a referral to it with problem+json naming the field; the two participants who were there
// before the exclusion keep their referral and their consultant has one signal each to advise a switch.
// axe-core on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { apiAs, heading, logIn, ok, openFromMenu, settled } from './helpers.js';

const TODAY = '2026-12-23';
const CONSULTANT = 'consultant.enschede@koers.demo';
const EXCLUDED = 'NT2 Centrum Oost';
// quality-register.ts excludes it two months and fifteen days before the demo's today.
const REASON = 'Deze aanbieder is op 08-10-2026 uitgesloten van het convenant (003 art. 4.6, 14): nieuwe aanmeldingen zijn niet mogelijk. Lopende trajecten blijven.';

describe('an excluded covenant provider cannot be chosen for a new referral', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;

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

  it('the referral form names the excluded provider with its reason and does not offer it', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, CONSULTANT);
    await openFromMenu(page, 'Inburgeraars', 'Inburgeraars');
    await page.getByRole('link', { name: /Yusuf/ }).first().click();
    await heading(page, /Yusuf Demir/);
    await page.getByRole('link', { name: 'Nieuwe aanmelding voor deze inburgeraar' }).click();
    await heading(page, 'Nieuwe aanmelding voor Yusuf Demir');
    await page.getByText(`Niet te kiezen: ${EXCLUDED}. ${REASON}`).waitFor();
    await settled(page);

    const provider = page.getByLabel('Aanbieder', { exact: true });
    const offered = await provider.locator('option').allTextContents();
    expect(offered).toContain('Taalschool Twente');
    expect(offered.some((o) => o.includes(EXCLUDED))).toBe(false);
    await checkA11y(page, 'aanmeldformulier met een uitgesloten aanbieder');

    // The allowed provider can still be chosen, and its product follows.
    await provider.selectOption({ label: 'Taalschool Twente' });
    const products = await page.getByLabel('Perceel', { exact: true }).locator('option').allTextContents();
    expect(products.some((p) => /Taal- en inburgeringsonderwijs/.test(p))).toBe(true);
  });

  it('the API refuses a referral to it with problem+json naming the field, and changes nothing', async () => {
    if (!koers) throw new Error('Koers did not start');
    const { api } = await apiAs(koers.url, CONSULTANT);
    const options = await ok<{ providers: { name: string }[]; unavailable: { id: string; name: string; reason: string }[] }>(api.get('/api/v1/referral-options'), 'referral options');
    expect(options.providers.map((p) => p.name)).toEqual(['Taalschool Twente']);
    expect(options.unavailable).toEqual([{ id: expect.any(String) as string, name: EXCLUDED, reason: REASON }]);
    const excludedId = options.unavailable[0]?.id ?? '';

    const list = await ok<{ items: { id: string; givenName: string }[] }>(api.get('/api/v1/participants?pageSize=50'), 'participants');
    const yusuf = list.items.find((p) => p.givenName === 'Yusuf');
    if (yusuf === undefined) throw new Error('the demo participant Yusuf is missing');
    const refused = await api.post('/api/v1/referrals', { data: { participantId: yusuf.id, providerId: excludedId, productCode: 'inburgering_language' } });
    expect(refused.status()).toBe(422);
    expect(refused.headers()['content-type']).toMatch(/application\/problem\+json/);
    const problem = (await refused.json()) as { invalidParams: { name: string; code: string; reason: string }[] };
    expect(problem.invalidParams).toEqual([expect.objectContaining({ name: 'providerId', code: 'providerExcluded', reason: REASON })]);
    const detail = await ok<{ referrals?: unknown[] }>(api.get(`/api/v1/participants/${yusuf.id}`), 'participant');
    expect(detail.referrals ?? []).toHaveLength(0);

    // The two participants referred there before the exclusion: one advice signal each for their consultant.
    const signals = await ok<{ items: { cause: string }[] }>(api.get('/api/v1/signals?pageSize=100'), 'signals');
    expect(signals.items.filter((s) => s.cause === 'quality.providerExcluded')).toHaveLength(2);
    await api.dispose();
  });
});
