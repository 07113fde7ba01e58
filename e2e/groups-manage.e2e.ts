// Browser test of issue #4's management remainders: the coordinator moves a member to another group with
// the keyboard (a group where literacy would mix is refused, the reason next to the field), sees the
// member in the new group, places one more participant there, and sees the participant's hours; edits a lesson and lets it lapse (and undoes
// that); and the import page shows its upload progress, ending at 100%. axe-core checks each page.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { request, type APIRequestContext, type Browser, type Locator, type Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { heading, logIn, ok, openFromMenu, PASSWORD, randomLetters, settled, tabTo } from './helpers.js';

const COORDINATOR = 'coordinator.taalpunt@koers.demo';
const DEMO_GROUP = 'B1 ochtend';
const TODAY = '2026-12-23';
// A Monday of the demo group's schedule (Monday and Wednesday 09:00, Thursday 13:00), before today.
const LESSON_DATE = '2026-12-14';

/** Waits until the element has keyboard focus (focus moves in an effect, after the content is shown). */
async function focused(target: Locator): Promise<void> {
  const handle = await target.elementHandle();
  await target.page().waitForFunction((el) => el === document.activeElement, handle);
}

describe('the coordinator manages groups and lessons', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let api: APIRequestContext | undefined;
  let demoGroupId = '';
  const sameLiteracy = `B1 middag ${randomLetters(4)}`;
  const otherLiteracy = `Alfa middag ${randomLetters(4)}`;

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();

    api = await request.newContext({ baseURL: koers.url });
    await ok(api.post('/api/v1/sessions', { data: { email: COORDINATOR, password: PASSWORD } }), 'login');
    const groups = await ok<{ items: { id: string; name: string }[] }>(api.get('/api/v1/groups'), 'groups');
    demoGroupId = groups.items.find((g) => g.name === DEMO_GROUP)?.id ?? '';
    expect(demoGroupId).not.toBe('');
    const schedule = [{ weekday: 2, startTime: '13:00', minutes: 180, kind: 'language' }];
    for (const [name, literacy, levelBand] of [
      [sameLiteracy, 'literate', 'a1a2'],
      [otherLiteracy, 'illiterate', 'fastAlfa'],
    ] as const) {
      await ok(
        api.post('/api/v1/groups', {
          data: { name, levelBand, literacy, location: 'Hoorn, Grote Noord 1', sizeLimit: 15, schedule, activeFrom: '2026-12-01' },
        }),
        `group ${name}`,
      );
    }
  }, 120_000);

  afterAll(async () => {
    await api?.dispose();
    await browser?.close();
    await koers?.stop();
  });

  it('moves a member to another group with the keyboard, places another, and sees the member and their hours', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, COORDINATOR);
    await openFromMenu(page, 'Groepen', 'Groepen');
    await page.getByRole('link', { name: DEMO_GROUP, exact: true }).click();
    await heading(page, `Groep ${DEMO_GROUP}`);
    await settled(page);

    const members = page.getByRole('table', { name: `Deelnemers van groep ${DEMO_GROUP}` });
    const name = ((await members.getByRole('rowheader').first().textContent()) ?? '').trim();
    expect(name).not.toBe('');
    const before = await members.getByRole('rowheader').count();

    // Open the form with the keyboard: focus lands on its heading.
    await tabTo(page, page.getByRole('button', { name: `Verplaatsen ${name}`, exact: true }));
    await page.keyboard.press('Enter');
    const formHeading = page.getByRole('heading', { name: `${name} verplaatsen`, exact: true });
    await formHeading.waitFor();
    await focused(formHeading);
    const target = page.getByLabel('Naar groep', { exact: true });
    const date = page.getByLabel('Per datum', { exact: true });
    expect(await date.inputValue()).toBe(TODAY);

    // First a group where literacy would mix: refused, with the reason next to the field.
    await page.keyboard.press('Tab');
    await focused(target);
    await page.keyboard.type('Alfa');
    expect((await target.locator('option:checked').textContent())?.trim()).toMatch(new RegExp(`^${otherLiteracy} `));
    const submit = page.getByRole('button', { name: 'Verplaatsen', exact: true });
    await tabTo(page, submit);
    await page.keyboard.press('Enter');
    const summary = page.locator('.koers-error-summary').filter({ hasText: 'Verplaatsen is niet gelukt' });
    const reason = 'Alfabete en anderstalige analfabete deelnemers komen niet in één groep.';
    await summary.getByRole('link', { name: reason }).waitFor();
    await focused(summary);
    await page.locator('#veld-toGroupId-fout').getByText(reason).waitFor();
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'groep: verplaatsen geweigerd');

    // From the summary's link back to the field, then the group with the same literacy.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await focused(target);
    await page.keyboard.type('B1');
    expect((await target.locator('option:checked').textContent())?.trim()).toMatch(new RegExp(`^${sameLiteracy} `));
    await tabTo(page, submit);
    await page.keyboard.press('Enter');
    const done = page.getByRole('status').filter({ hasText: `${name} is verplaatst naar groep ${sameLiteracy}, per 23-12-2026.` });
    await done.waitFor();
    await members.getByRole('rowheader', { name, exact: true }).waitFor({ state: 'detached' });
    await focused(done);
    expect(await members.getByRole('rowheader').count()).toBe(before - 1);
    await checkA11y(page, 'groep: verplaatst');

    // The member is in the new group from today.
    await openFromMenu(page, 'Groepen', 'Groepen');
    await page.getByRole('link', { name: sameLiteracy, exact: true }).click();
    await heading(page, `Groep ${sameLiteracy}`);
    await settled(page);
    const row = page.getByRole('table', { name: `Deelnemers van groep ${sameLiteracy}` }).getByRole('row').filter({ hasText: name });
    await row.getByRole('cell', { name: '23-12-2026', exact: true }).waitFor();
    await checkA11y(page, 'nieuwe groep met de deelnemer');

    // Place one more participant referred to the provider in the new group.
    const place = page.getByRole('region', { name: 'Deelnemer plaatsen', exact: true });
    const referral = place.getByLabel('Aanmelding', { exact: true });
    await referral.locator('option').nth(1).waitFor({ state: 'attached' });
    const option = ((await referral.locator('option').nth(1).textContent()) ?? '').trim();
    const placed = option.replace(/ \(.*\)$/, '');
    await referral.selectOption({ label: option });
    expect(await place.getByLabel('Vanaf', { exact: true }).inputValue()).toBe(TODAY);
    await place.getByRole('button', { name: 'Plaatsen', exact: true }).click();
    const placedStatus = place.getByRole('status').filter({ hasText: `${placed} is geplaatst in groep ${sameLiteracy}, vanaf 23-12-2026.` });
    await placedStatus.waitFor();
    await focused(placedStatus);
    await page.getByRole('table', { name: `Deelnemers van groep ${sameLiteracy}` }).getByRole('rowheader', { name: placed, exact: true }).waitFor();
    await checkA11y(page, 'nieuwe groep na plaatsen');

    // Their hours: per kind, the milestones and per week (chart and table).
    await row.getByRole('link', { name, exact: true }).click();
    await heading(page, name);
    await settled(page);
    const hours = page.getByRole('region', { name: 'Uren', exact: true });
    await hours.getByText(/^Totaal: /).waitFor();
    const kinds = hours.getByRole('table', { name: 'Uren per soort' });
    for (const kind of ['Taal (incl. KNM)', 'Participatie', 'MAP-praktijk', 'Deficiëntievakken', 'Studievaardigheden', 'Stage']) {
      await kinds.getByRole('rowheader', { name: kind, exact: true }).waitFor();
    }
    expect(await kinds.getByRole('row').filter({ hasText: 'Taal (incl. KNM)' }).getByRole('cell').textContent()).toMatch(/^[1-9][\d.,]* uur$/);
    const milestones = hours.getByRole('table', { name: 'Mijlpalen' });
    await milestones.getByRole('rowheader', { name: '200 uur', exact: true }).waitFor();
    for (const cell of await milestones.getByRole('cell').allTextContents()) expect(cell.trim()).toMatch(/^(nog niet|\d{2}-\d{2}-\d{4})$/);
    // The weekly table opens on demand (issue #10 item 5).
    await hours.getByText(/^Uren per week als tabel/).click();
    const weeks = hours.getByRole('table', { name: /^Uren per week/ });
    expect(await weeks.getByRole('rowheader').count()).toBeGreaterThan(4);
    await hours.locator('.koers-chart svg').waitFor();
    await checkA11y(page, 'inburgeraar met uren');
  });

  it('edits a lesson, lets it lapse after a confirmation, and undoes that', async () => {
    if (!koers || !api) throw new Error('Koers did not start');
    const lessons = await ok<{ items: { id: string; date: string; startTime: string }[] }>(
      api.get(`/api/v1/groups/${demoGroupId}/lessons?from=${LESSON_DATE}&to=${LESSON_DATE}`),
      'lessons',
    );
    const lesson = lessons.items.find((l) => l.startTime.startsWith('09:00'));
    if (!lesson) throw new Error(`no lesson on ${LESSON_DATE}`);

    await page.goto(`${koers.url}/lessen/${lesson.id}`);
    await heading(page, 'Les van maandag 14-12-2026 om 09:00');
    await settled(page);
    const manage = page.getByRole('region', { name: 'Les beheren', exact: true });
    const minutes = manage.getByLabel('Duur in minuten', { exact: true });
    expect(await minutes.inputValue()).toBe('180');

    // A wrong duration is named next to the field, and the summary gets focus.
    await minutes.fill('0');
    await minutes.press('Enter');
    const summary = page.locator('.koers-error-summary').filter({ hasText: 'De les is niet gewijzigd' });
    await summary.getByRole('link', { name: 'De les duurt minstens 1 minuut.' }).waitFor();
    await focused(summary);
    await page.locator('#veld-minutes-fout').getByText('De les duurt minstens 1 minuut.').waitFor();
    await checkA11y(page, 'les wijzigen met fout');

    await manage.getByLabel('Begintijd', { exact: true }).fill('10:00');
    await minutes.fill('200');
    await manage.getByLabel('Soort les', { exact: true }).selectOption({ label: 'KNM' });
    await manage.getByRole('button', { name: 'Wijzigingen opslaan', exact: true }).click();
    const status = manage.getByRole('status');
    await status.getByText('De les is gewijzigd.', { exact: true }).waitFor();
    await focused(status);
    await heading(page, 'Les van maandag 14-12-2026 om 10:00');
    await page.getByText('200 minuten', { exact: true }).waitFor();
    await checkA11y(page, 'les gewijzigd');

    // Let it lapse: first a question, then the lesson says it is cancelled.
    await manage.getByRole('button', { name: 'Les laten vervallen', exact: true }).click();
    const question = manage.getByText('Weet u zeker dat u deze les wilt laten vervallen?', { exact: false });
    await question.waitFor();
    await focused(page.locator('#les-vervallen-vraag'));
    await checkA11y(page, 'les laten vervallen: bevestigen');
    await manage.getByRole('button', { name: 'Ja, les laten vervallen', exact: true }).click();
    await status.getByText('De les is vervallen.', { exact: true }).waitFor();
    await page.getByText(/Deze les is vervallen \(afgelast door de aanbieder\)/).waitFor();
    await checkA11y(page, 'les vervallen');

    await manage.getByRole('button', { name: 'Vervallen ongedaan maken', exact: true }).click();
    await manage.getByRole('button', { name: 'Ja, vervallen ongedaan maken', exact: true }).click();
    await status.getByText('De les gaat weer door.', { exact: true }).waitFor();
    await manage.getByRole('button', { name: 'Les laten vervallen', exact: true }).waitFor();

    const saved = await ok<{ lesson: { startTime: string; minutes: number; kind: string; cancelledByProvider: boolean } }>(
      api.get(`/api/v1/lessons/${lesson.id}`),
      'lesson',
    );
    expect(saved.lesson).toMatchObject({ minutes: 200, kind: 'knm', cancelledByProvider: false });
    expect(saved.lesson.startTime.slice(0, 5)).toBe('10:00');
  });

  it('shows the upload progress of an attendance file, ending at 100%', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/groepen/${demoGroupId}/import`);
    await heading(page, 'Aanwezigheid importeren');
    await settled(page);
    const href = await page.getByRole('link', { name: 'Sjabloon downloaden (CSV)', exact: true }).getAttribute('href');
    const template = await (await page.request.get(`${koers.url}${href ?? ''}`)).body();
    expect(template.length).toBeGreaterThan(0);

    // The upload is held at the network until the bar has been seen: no race with a fast local upload.
    let arrived: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (arrived = resolve));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const uploadUrl = `${koers.url}/api/v1/imports/attendance`;
    await page.route(uploadUrl, async (route) => {
      arrived();
      await gate;
      await route.continue();
    });

    await page.getByLabel('Bestand met aanwezigheid', { exact: true }).setInputFiles({ name: 'aanwezigheid.csv', mimeType: 'text/csv', buffer: template });
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await held;
    const bar = page.getByRole('progressbar', { name: 'Voortgang uploaden', exact: true });
    await bar.waitFor();
    await checkA11y(page, 'import: bezig met uploaden');
    release();

    await page.getByRole('status').getByText(/^Aanwezigheid geïmporteerd\./).waitFor();
    await page.unroute(uploadUrl);
    expect(await bar.getAttribute('value')).toBe('100');
    expect(await bar.getAttribute('max')).toBe('100');
    expect(await bar.evaluate((el) => (el as HTMLProgressElement).position)).toBe(1);
    await checkA11y(page, 'import: geüpload');
  });
});
