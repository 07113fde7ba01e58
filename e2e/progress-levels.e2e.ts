// Browser test of R-LVL-1/R-LVL-2 on the progress page: the coordinator lowers the target of writing to
// A2 and records current levels and the KNM status with the keyboard only; speaking keeps its own target
// B1. Then an exam attempt registered through the API gets its result in the UI (a missing answer named
// next to its field first). axe-core checks each state. The participant is the demo account's, referred
// to Taalpunt; its intake targets (B1 for each skill) are set through the API beforehand.
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { apiAs, demoParticipant, logIn, ok, openProgress as openProgressPage, tabTo } from './helpers.js';

const COORDINATOR = 'coordinator.taalpunt@koers.demo';
const PARTICIPANT = 'inburgeraar@koers.demo';
const TODAY = '2026-12-23';
const SKILLS = ['reading', 'writing', 'listening', 'speaking'] as const;

describe('levels per skill and an exam result, recorded by the coordinator', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let participantId = '';
  let name = '';

  const region = (regionName: string | RegExp) => page.getByRole('region', { name: regionName, exact: typeof regionName === 'string' });
  const announced = (text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
  const statusFocused = () => page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'status');
  /** The target and current level shown in the levels table for one skill. */
  async function levelRow(skill: string): Promise<string[]> {
    const row = region('Niveaus per vaardigheid').getByRole('row', { name: new RegExp(`^${skill} `) });
    return (await row.getByRole('cell').allTextContents()).slice(0, 2);
  }
  /** Focuses a select with Tab, then moves its choice with the arrow keys (a closed select, as a keyboard user). */
  async function choose(select: Locator, key: 'ArrowDown' | 'ArrowUp', times: number): Promise<void> {
    await tabTo(page, select);
    for (let i = 0; i < times; i++) await page.keyboard.press(key);
  }

  async function openProgress(): Promise<void> {
    if (!koers) throw new Error('Koers did not start');
    await openProgressPage(page, koers.url, participantId, name);
  }

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();

    ({ id: participantId, name } = await demoParticipant(koers.url, PARTICIPANT));

    // The intake: B1 as the target of every skill, nothing tested yet.
    const coordinator = (await apiAs(koers.url, COORDINATOR)).api;
    const skills = SKILLS.map((skill) => ({ skill, target: 'B1', current: null }));
    await ok(coordinator.post(`/api/v1/participants/${participantId}/levels`, { data: { skills } }), 'intake levels');
    await coordinator.dispose();
  }, 120_000);

  // Each step builds on the one before: after a failure the rest would only fail at "Inloggen".
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

  it('the coordinator lowers the target of writing and records current levels with the keyboard; speaking stays B1', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, COORDINATOR);
    await openProgress();
    // Issue #10 item 5: the form opens on demand; Escape closes it and gives focus back to its button.
    const open = page.getByRole('button', { name: 'Niveaus registreren', exact: true });
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.textContent === 'Niveaus registreren');
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    expect(await region('Doelniveaus en huidig niveau vastleggen').count()).toBe(0);
    await page.keyboard.press('Enter');
    const form = region('Doelniveaus en huidig niveau vastleggen');
    const target = (skill: string) => form.getByLabel(`Doelniveau ${skill}`, { exact: true });
    const current = (skill: string) => form.getByLabel(`Huidig niveau ${skill}`, { exact: true });
    // Prefilled from the overview.
    expect(await target('schrijven').inputValue()).toBe('B1');
    expect(await target('spreken').inputValue()).toBe('B1');
    expect(await current('schrijven').inputValue()).toBe('');
    await checkA11y(page, 'voortgang met niveauformulier');

    // Each list: an empty first choice ("Nog niet getoetst", "Kies het doelniveau", …), then A0 … B2 or the statuses.
    await choose(current('lezen'), 'ArrowDown', 3);
    await choose(target('schrijven'), 'ArrowUp', 1);
    await choose(current('schrijven'), 'ArrowDown', 2);
    await choose(current('spreken'), 'ArrowDown', 3);
    await choose(form.getByLabel('Status KNM', { exact: true }), 'ArrowDown', 2);
    expect(await current('lezen').inputValue()).toBe('A2');
    expect(await target('schrijven').inputValue()).toBe('A2');
    expect(await current('schrijven').inputValue()).toBe('A1');
    expect(await target('spreken').inputValue()).toBe('B1');
    expect(await current('spreken').inputValue()).toBe('A2');
    expect(await form.getByLabel('Status KNM', { exact: true }).inputValue()).toBe('inProgress');
    await tabTo(page, form.getByRole('button', { name: 'Niveaus vastleggen', exact: true }));
    await page.keyboard.press('Enter');

    await announced('De niveaus zijn vastgelegd voor lezen, schrijven, spreken en KNM.');
    await statusFocused();
    // Per skill: writing's lower target leaves speaking's (and the others') B1 alone.
    expect(await levelRow('Schrijven')).toEqual(['A2', 'A1']);
    expect(await levelRow('Spreken')).toEqual(['B1', 'A2']);
    expect(await levelRow('Lezen')).toEqual(['B1', 'A2']);
    expect(await levelRow('Luisteren')).toEqual(['B1', 'Onbekend']);
    expect(await levelRow('KNM')).toEqual(['Geen', 'Bezig']);
    // Saved: the form closes; opened again, it starts from what is recorded.
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    expect(await form.count()).toBe(0);
    await open.click();
    expect(await target('schrijven').inputValue()).toBe('A2');
    expect(await target('spreken').inputValue()).toBe('B1');
    await checkA11y(page, 'voortgang na niveaus');
    // "Annuleren" closes it too, and focus returns to the button.
    await form.getByRole('button', { name: 'Annuleren', exact: true }).click();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Niveaus registreren');
    expect(await form.count()).toBe(0);
  });

  it('an exam attempt registered through the API gets its result in the UI', async () => {
    if (!koers) throw new Error('Koers did not start');
    const coordinator = (await apiAs(koers.url, COORDINATOR)).api;
    const attempt = { part: 'knm', level: 'A2', registeredOn: '2026-11-02' };
    await ok(coordinator.post(`/api/v1/participants/${participantId}/exam-attempts`, { data: attempt }), 'exam registration');
    await coordinator.dispose();
    await openProgress();

    const exams = region('Examens');
    expect(await exams.getByRole('row', { name: /^KNM / }).textContent()).toContain('Nog geen uitslag');
    await exams.getByRole('button', { name: 'Uitslag registreren: KNM A2, 1e poging', exact: true }).click();
    const form = region('Uitslag vastleggen: KNM A2, 1e poging');
    await form.getByLabel('Examendatum', { exact: true }).fill('2026-12-01');
    await form.getByRole('button', { name: 'Uitslag vastleggen', exact: true }).click();
    // No answer chosen: named in the summary and next to the choice.
    await form.getByRole('link', { name: 'Kies geslaagd of niet geslaagd.', exact: true }).waitFor();
    await form.getByRole('radiogroup', { name: 'Uitslag' }).getByText('Kies geslaagd of niet geslaagd.').waitFor();
    await checkA11y(page, 'uitslag met fout');

    await form.getByRole('radiogroup', { name: 'Uitslag' }).getByLabel('Geslaagd', { exact: true }).check();
    await form.getByRole('button', { name: 'Uitslag vastleggen', exact: true }).click();
    await announced('De uitslag van KNM A2, 1e poging is vastgelegd: geslaagd.');
    await statusFocused();
    const row = exams.getByRole('row', { name: /^KNM / });
    expect(await row.getByRole('cell').allTextContents()).toEqual(['1e poging', 'A2', '02-11-2026', '01-12-2026', 'Geslaagd', 'Ja', expect.stringContaining('Taalpunt')]);
    expect(await page.getByRole('region', { name: /^Uitslag vastleggen/ }).count()).toBe(0);
    await checkA11y(page, 'voortgang na uitslag');
  });
});
