// Browser test of issue #15 (R-EXC-4): the consultant approves a learning route, the PIP goes to DUO (the
// demo's DUO simulator, over mutual TLS) and DUO's answer is shown on the participant's file; "Vernieuwen"
// shows what DUO says; an exam result DUO notifies (SS199) appears on the file; the administrator's
// DUO-berichten lists the delivery; the MAP end conversation the consultant records goes to DUO as its date;
// the work list names DUO's event in DUO's words. axe-core on every page.
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { organisationId } from '../src/features/organisations/store.js';
import { aLearningPlan } from '../test/support/koers.js';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { answer, apiAs, heading, logIn, logOut, makeBsn, ok, openFromMenu, randomLetters, searchWorkList, settled } from './helpers.js';

const CONSULTANT = 'consultant.hoorn@koers.demo';
const COORDINATOR = 'coordinator.taalpunt@koers.demo';
const ADMIN = 'beheer@koers.demo';
const TAALPUNT = organisationId('provider', 'taalpunt-westfriesland');

describe('the PIP to DUO and DUO\'s answers on the file', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const familyName = `Duo-${randomLetters(6)}`;
  const fullName = `Samira ${familyName}`;
  let participantId = '';
  let referralId = '';
  const duo = () => page.getByRole('region', { name: 'DUO', exact: true });

  beforeAll(async () => {
    koers = await startKoers({ today: '2026-12-23' });
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })).newPage();
    // Set up by API: a referral to Taalpunt whose learning plan (all targets B1) waits for the consultant.
    const consultant = (await apiAs(koers.url, CONSULTANT)).api;
    const created = await ok<{ id: string; referrals: { id: string }[] }>(
      consultant.post('/api/v1/participants', {
        data: { bsn: makeBsn(), givenName: 'Samira', familyName, dateOfBirth: '1991-05-06', gender: 'female', route: 'b1', impedingHealth: false, impedingJustice: false, impedingFinances: false, referral: { providerId: TAALPUNT, productCode: 'b1_language' } },
      }),
      'participant',
    );
    participantId = created.id;
    referralId = created.referrals[0]!.id;
    const coordinator = (await apiAs(koers.url, COORDINATOR)).api;
    const step = async (body: Record<string, unknown>) => {
      const { lockVersion } = await ok<{ lockVersion: number }>(coordinator.get(`/api/v1/referrals/${referralId}`), 'referral');
      await ok(coordinator.post(`/api/v1/referrals/${referralId}/events`, { data: { lockVersion, ...body } }), String(body.type));
    };
    await step({ type: 'acknowledged' });
    await step({ type: 'intakeInvited', intakeDate: '2026-12-23', location: 'Hoorn' });
    await step({ type: 'intakeHeld', heldOn: '2026-12-23', regularStartInTime: true });
    await step({ type: 'planSubmitted', content: aLearningPlan({ targetLevels: { reading: 'B1', writing: 'B1', listening: 'B1', speaking: 'B1' } }) });
    await consultant.dispose();
    await coordinator.dispose();
  });

  let failed = false;
  afterEach((context) => {
    if (context.task.result?.state === 'fail') failed = true;
  });
  beforeEach((context) => {
    if (failed) context.skip();
  });
  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
  });

  it('the consultant approves the learning plan; the PIP is received by DUO and shown on the file', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, CONSULTANT);
    await page.goto(`${koers.url}/aanmeldingen/${referralId}`);
    await heading(page, `Aanmelding ${fullName}`);
    await settled(page);
    await answer(page, 'Uw besluit over leerplan versie 1', 'Goedkeuren');
    await page.getByRole('button', { name: 'Besluit vastleggen', exact: true }).click();
    await page.locator('.koers-referral-summary').getByText('Leerplan goedgekeurd', { exact: true }).waitFor({ timeout: 10_000 });
    await checkA11y(page, 'aanmelding met goedgekeurd leerplan');

    await page.goto(`${koers.url}/inburgeraars/${participantId}`);
    await heading(page, fullName);
    // The delivery runner sends within a round (2 s in demo mode); the page shows what is stored when loaded.
    await expect
      .poll(async () => {
        await page.reload();
        await settled(page);
        return duo().getByText('Ontvangen door DUO').count();
      }, { timeout: 20_000, interval: 1000 })
      .toBe(1);
    expect(await duo().getByRole('table').innerText()).toMatch(/Persoonlijk inburgeringsplan \(PIP\)[\s\S]*B1-route, niveau B1, dagtekening 23-12-2026/);
    await checkA11y(page, 'dossier met DUO-levering');
  });

  it('the MAP end conversation the consultant records goes to DUO as its date (the sweep) and is shown on the file', async () => {
    const consultant = (await apiAs(koers!.url, CONSULTANT)).api;
    // The MAP is its own referral (to Werkwijs, Westfriesland's participation and MAP provider).
    await ok(consultant.post('/api/v1/referrals', { data: { participantId, providerId: organisationId('provider', 'werkwijs-participatie'), productCode: 'map' } }), 'MAP referral');
    await ok(consultant.put(`/api/v1/participants/${participantId}/map-end-conversation/outcome`, { data: { version: 0, heldOn: '2026-12-23', outcome: 'notYet', reason: 'De praktijkuren zijn nog niet gehaald.' } }), 'MAP outcome');
    await consultant.dispose();
    await expect
      .poll(async () => {
        await page.reload();
        await settled(page);
        return duo().getByRole('table').innerText();
      }, { timeout: 30_000, interval: 1000 })
      .toMatch(/Datum eindgesprek MAP[\s\S]*eindgesprek op 23-12-2026[\s\S]*Ontvangen door DUO/);
    await checkA11y(page, 'dossier met MAP-datum aan DUO');
  });

  it('Vernieuwen shows what DUO says; an exam result DUO notifies appears on the file', async () => {
    await duo().getByRole('button', { name: 'Vernieuwen', exact: true }).click();
    await duo().getByRole('status').getByText('De gegevens van DUO zijn bijgewerkt.').waitFor();
    expect(await duo().innerText()).toContain('Inburgeringsplichtig sinds 23-12-2025');
    expect(await duo().innerText()).toContain('Geen examenuitslagen bij DUO');
    expect(await duo().innerText()).toContain('Geen leerbaarheidstoets bij DUO');
    expect(await duo().innerText()).toMatch(/Actueel PIP bij DUO\s*B1-route, niveau B1, dagtekening 23-12-2026/);

    await duo().getByText('Demo: DUO meldt een examenuitslag', { exact: true }).click();
    await duo().getByLabel('Examenonderdeel', { exact: true }).selectOption({ label: 'Lezen' });
    await duo().getByLabel('Uitslag', { exact: true }).selectOption({ label: 'Geslaagd' });
    await duo().getByLabel('Niveau', { exact: true }).selectOption({ label: 'B1' });
    await duo().getByRole('button', { name: 'Uitslag laten melden', exact: true }).click();
    await duo().getByText('Lezen (B1): geslaagd op 23-12-2026').waitFor({ timeout: 10_000 });
    expect(await duo().innerText()).toContain('Uitslag examen bekend (SS199)');
    await checkA11y(page, 'dossier met examenuitslag van DUO');
  });

  it("DUO's notification is on the consultant's work list and opens the file", async () => {
    await page.goto(`${koers!.url}/werklijst`);
    await settled(page);
    await searchWorkList(page, fullName);
    // The row names the event in DUO's words (SS199).
    const link = page.getByRole('link', { name: `DUO meldt een gebeurtenis: Uitslag examen bekend voor ${fullName}`, exact: true });
    await link.waitFor({ timeout: 10_000 });
    await checkA11y(page, 'werklijst met DUO-melding');
    await link.click();
    await heading(page, fullName);
    await logOut(page);
  });

  it("the administrator's DUO-berichten lists the delivery as received", async () => {
    await logIn(page, ADMIN);
    await openFromMenu(page, 'DUO-berichten', 'DUO-berichten');
    await settled(page);
    const table = await page.getByRole('table', { name: 'DUO-berichten' }).innerText();
    expect(table).toContain('Ontvangen door DUO');
    expect(table).toContain('Datum eindgesprek MAP');
    await page.getByRole('heading', { name: 'Meldingen over onbekende personen', exact: true }).waitFor();
    await checkA11y(page, 'DUO-berichten');
  });
});
