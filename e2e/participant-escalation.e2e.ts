// Browser test of issue #14 (R-ESC-1, R-CM-3): Hoorn's consultant opens a participant-level case from the
// participant's file, takes the improvement plan with two weeks of monitoring (a step dated before the
// last is refused next to its field, in Dutch, by the server), holds a check-in, and takes the steps on to
// the contract manager. Westfriesland's contract manager then reads the case under its pseudonym — the
// participant's name is nowhere on the page — records its judgement (000 §5: acts as agreed or additional
// effort), and reads the complaint totals as a table beside their chart.
// axe-core once on every page; the forms are opened and sent with the keyboard.
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { apiAs, heading, logIn, logOut, ok, settled } from './helpers.js';

const TODAY = '2026-12-23';
const CONSULTANT = 'consultant.hoorn@koers.demo';
const MANAGER = 'contractmanager.nwo@koers.demo';
const PROVIDER = 'coordinator.taalpunt@koers.demo';

/** Focus a control and press Enter: the keyboard user's way to open a disclosure or send a form. */
async function enter(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  await target.focus();
  await page.keyboard.press('Enter');
}

describe('the participant-level ladder, from the consultant to the contract manager', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let name = '';
  let pseudonym = '';
  let referralId = '';

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();
  }, 120_000);

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

  it('the consultant opens a case, takes the improvement plan, holds a check-in and goes on to the contract manager', async () => {
    if (!koers) throw new Error('Koers did not start');
    // A Hoorn participant with one referral at Taalpunt (a provider of the contract manager's region).
    const { api } = await apiAs(koers.url, CONSULTANT);
    const referrals = await ok<{ items: { id: string; provider: { name: string }; participant: { id: string; givenName: string; familyName: string } }[] }>(api.get('/api/v1/referrals?pageSize=100'), 'referrals of Hoorn');
    await api.dispose();
    const perParticipant = new Map<string, number>();
    for (const r of referrals.items) perParticipant.set(r.participant.id, (perParticipant.get(r.participant.id) ?? 0) + 1);
    const referral = referrals.items.find((r) => r.provider.name === 'Taalpunt Westfriesland' && perParticipant.get(r.participant.id) === 1);
    if (referral === undefined) throw new Error('the demo has no Hoorn participant with one referral, at Taalpunt');
    referralId = referral.id;
    name = `${referral.participant.givenName} ${referral.participant.familyName}`;

    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, CONSULTANT);
    // The menu has the ladder; the case is opened from the participant's file.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Escalaties', exact: true }).waitFor();
    await page.goto(`${koers.url}/inburgeraars/${referral.participant.id}`);
    await heading(page, name);
    await settled(page);
    await page.getByText('Er is geen escalatie over deze inburgeraar.').waitFor();
    await enter(page, page.locator('summary', { hasText: 'Escalatie openen' }));
    const open = page.getByRole('form', { name: 'Escalatie openen' });
    // Sent without a reason: refused next to the field, in Dutch.
    await enter(page, open.getByRole('button', { name: 'Escalatie openen' }));
    await open.getByText('Vul aanleiding in.').waitFor();
    await checkA11y(page, 'het dossier met het formulier Escalatie openen');
    await open.getByLabel('Aanleiding').fill('Drie weken afwezig zonder bericht.');
    await open.getByLabel('Datum van de afstemming').fill('2026-12-01');
    await open.getByLabel('Betrokkenen').fill('Consulent Hoorn, coördinator Taalpunt');
    await open.getByLabel('Besluit').fill('Aanbieder stelt een verbeterplan op.');
    await enter(page, open.getByRole('button', { name: 'Escalatie openen' }));

    await heading(page, `Escalatie ${name}`);
    await settled(page);
    pseudonym = (await page.locator('dt', { hasText: 'Casusnummer' }).locator('xpath=following-sibling::dd[1]').innerText()).trim();
    expect(pseudonym).toMatch(/^Casus 2026-[0-9A-F]{6}$/i);
    await page.getByRole('heading', { name: 'Volgende stap: Verbeterplan met wekelijkse monitoring' }).waitFor();
    await checkA11y(page, 'een escalatie bij de consulent');

    const step = page.getByRole('form', { name: /^Stap vastleggen/ });
    await step.getByLabel('Betrokkenen').fill('Consulent Hoorn, docent en coördinator Taalpunt');
    await step.getByLabel('Besluit').fill('Wekelijks contact over de aanwezigheid.');
    // Zero weeks is refused by the form; a date before the last step by the server, next to the date.
    await step.getByLabel('Weken monitoring').fill('0');
    await enter(page, step.getByRole('button', { name: 'Stap vastleggen' }));
    await step.getByText('Vul een aantal weken in van 1 tot en met 26.').waitFor();
    await step.getByLabel('Weken monitoring').fill('2');
    await step.getByLabel('Datum van de stap').fill('2026-11-30');
    await enter(page, step.getByRole('button', { name: 'Stap vastleggen' }));
    await step.getByText('Deze datum ligt vóór de vorige stap.').waitFor();
    await step.getByLabel('Datum van de stap').fill('2026-12-02');
    await enter(page, step.getByRole('button', { name: 'Stap vastleggen' }));
    await page.getByRole('heading', { name: 'Volgende stap: Overleg op lokaal management- of beleidsniveau' }).waitFor();
    // Two weekly check-ins after the plan of 2 December, both past: overdue until held.
    await page.getByText('09-12-2026: te laat, nog niet gehouden').waitFor();
    await page.getByText('16-12-2026: te laat, nog niet gehouden').waitFor();

    const checkIn = page.getByRole('form', { name: 'Monitoring houden' });
    await checkIn.getByLabel('Monitoringsmoment').selectOption('2026-12-09');
    await checkIn.getByLabel('Gehouden op').fill('2026-12-09');
    await checkIn.getByLabel('Wat leverde de monitoring op').fill('Twee van de drie lessen aanwezig.');
    await enter(page, checkIn.getByRole('button', { name: 'Houden' }));
    await page.getByText('09-12-2026: gehouden op 09-12-2026 — Twee van de drie lessen aanwezig.').waitFor();

    for (const [title, on] of [['Overleg op lokaal management- of beleidsniveau', '2026-12-18'], ['Contractmanager ingeschakeld', '2026-12-22']] as const) {
      const next = page.getByRole('form', { name: `Stap vastleggen: ${title}` });
      await next.getByLabel('Datum van de stap').fill(on);
      await next.getByLabel('Betrokkenen').fill('Teamleider Hoorn, directeur Taalpunt');
      await next.getByLabel('Besluit').fill(`Besluit van ${on}.`);
      await enter(page, next.getByRole('button', { name: 'Stap vastleggen' }));
      await page.getByRole('listitem').filter({ hasText: title }).first().waitFor();
    }
    // The top of the ladder: no next step, the case stays open for the check-in and the closure.
    await page.getByRole('heading', { name: /^Volgende stap/ }).waitFor({ state: 'detached' });
    await checkA11y(page, 'een escalatie op de laatste stap');
  });

  it('the contract manager reads the case under its pseudonym, without the name, records its judgement, and reads the complaint totals', async () => {
    if (!koers) throw new Error('Koers did not start');
    // Two complaints of the participant at Taalpunt this quarter, registered by the provider for the totals.
    const { api } = await apiAs(koers.url, PROVIDER);
    for (const receivedOn of ['2026-10-05', '2026-12-01'])
      await ok(api.post('/api/v1/complaints', { data: { receivedOn, from: { kind: 'participant', referralId }, subject: `Les viel uit op ${receivedOn}`, handledBy: null, measures: '' } }), 'a complaint');
    await api.dispose();
    await logOut(page);
    await logIn(page, MANAGER, 'Contract');
    await page.getByRole('link', { name: 'Escalaties inburgeraars', exact: true }).click();
    await heading(page, 'Escalaties inburgeraars');
    await settled(page);
    const row = page.getByRole('table', { name: 'Escalaties inburgeraars' }).getByRole('row').filter({ hasText: pseudonym });
    await row.getByText('Contractmanager ingeschakeld').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(name);
    await checkA11y(page, 'de escalaties bij de contractmanager');
    // The whole list as CSV from the server, under the pseudonym only.
    await page.locator('summary', { hasText: 'Exporteren' }).click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporteer als CSV', exact: true }).click()]);
    expect(csv.suggestedFilename()).toBe(`escalaties-inburgeraars-${TODAY}.csv`);
    const exported = await readFile(await csv.path(), 'utf8');
    expect(exported).toContain(pseudonym);
    expect(exported).not.toContain(name);

    await row.getByRole('link', { name: pseudonym }).click();
    await heading(page, `Escalatie ${pseudonym}`);
    await settled(page);
    await page.getByText('Besluit van 2026-12-22.').waitFor();
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(name);
    expect(text).not.toContain('Drie weken afwezig zonder bericht.'); // the reason may describe the person
    // No step, check-in or closure: only its own judgement (000 §5), once.
    expect(await page.getByRole('form').count()).toBe(1);
    const judge = page.getByRole('form', { name: 'Oordeel vastleggen' });
    await checkA11y(page, 'een escalatie bij de contractmanager');
    const send = async () => {
      await judge.getByRole('button', { name: 'Oordeel vastleggen' }).focus();
      await page.keyboard.press('Enter');
    };
    await send();
    await judge.getByText('Kies oordeel.').first().waitFor();
    await judge.getByLabel('Oordeel', { exact: true }).selectOption({ label: 'Aanvullende inzet verlangd van de aanbieder' });
    await judge.getByLabel('Onderbouwing').fill('Taalpunt zet twee extra begeleidingsuren per week in.');
    await send();
    const judged = page.getByRole('region', { name: 'Oordeel van de contractmanager' });
    await judged.getByText('Aanvullende inzet verlangd van de aanbieder').waitFor();
    await judged.getByText('Taalpunt zet twee extra begeleidingsuren per week in.').waitFor();
    expect(await page.getByRole('form').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain(name);
    await checkA11y(page, 'een escalatie met het oordeel van de contractmanager');

    await page.getByRole('link', { name: 'Naar de escalaties' }).click();
    await heading(page, 'Escalaties inburgeraars');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contract', exact: true }).click();
    await heading(page, 'Contract');
    await page.getByRole('link', { name: 'Klachten', exact: true }).click();
    await heading(page, 'Klachten');
    await settled(page);
    const totals = page.getByRole('table', { name: 'Klachten per aanbieder en kwartaal van ontvangst' });
    const quarter = totals.getByRole('row').filter({ hasText: 'Taalpunt Westfriesland' }).filter({ hasText: '2026-Q4' });
    // Ontvangen, van inburgeraars, van organisaties, afgesloten, (deels) gegrond: counts, never the subject.
    expect((await quarter.getByRole('cell').allInnerTexts()).slice(-5)).toEqual(['2', '2', '0', '0', '0']);
    expect(await page.locator('body').innerText()).not.toContain('Les viel uit');
    // The chart draws the same counts (hidden from assistive technology, which reads the table).
    await page.locator('.koers-chart svg').waitFor();
    await checkA11y(page, 'de klachtentotalen van de contractmanager');
  });
});
