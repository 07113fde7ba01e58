// Browser test of issue #4's acceptance point: a teacher enters one lesson for a group of 15 with the
// keyboard alone (present by default, two absent with a reason, one partial), then the consultant sees the
// absence on the participant page and classifies it (R-ATT-1, R-ATT-2). The demo region has no groups,
// so the group is set up through the API first.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { apiAs, heading, logIn, logOut, makeBsn, ok, openFromMenu, randomLetters, settled, tabTo } from './helpers.js';

const CONSULTANT = 'consultant.hoorn@koers.demo';
const COORDINATOR = 'coordinator.taalpunt@koers.demo';
const TEACHER = 'docent.taalpunt@koers.demo';
// Wednesday; the group has lessons on Monday and Wednesday from 1 February.
const TODAY = '2027-02-10';
const LESSON_DATE = '10-02-2027';
const CLASS_SIZE = 15;
// Rows (0-based, in the roster's order) the teacher marks absent, and one present for part of the lesson.
const ABSENT = new Map([
  [2, { arrowDowns: 1, reason: 'Ziek', calledIn: true }],
  [6, { arrowDowns: 2, reason: 'Medische afspraak', calledIn: false }],
]);
const PARTIAL_ROW = 4;

describe('attendance of a lesson, entered with the keyboard', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const apis: APIRequestContext[] = [];
  let groupId = '';
  let groupName = '';
  let lessonId = '';

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    page = await context.newPage();

    const consultant = await apiAs(koers.url, CONSULTANT);
    const coordinator = await apiAs(koers.url, COORDINATOR);
    const teacher = await apiAs(koers.url, TEACHER);
    apis.push(consultant.api, coordinator.api, teacher.api);

    const options = await ok<{ providers: { id: string; name: string }[] }>(consultant.api.get('/api/v1/referral-options'), 'referral options');
    const taalpunt = options.providers.find((p) => /Taalpunt/.test(p.name));
    if (!taalpunt) throw new Error('Taalpunt is not a provider of Hoorn');

    const members: { participantId: string; referralId: string }[] = [];
    for (let i = 0; i < CLASS_SIZE; i++) {
      const created = await ok<{ id: string; referrals: { id: string }[] }>(
        consultant.api.post('/api/v1/participants', {
          data: {
            bsn: makeBsn(),
            givenName: `Deelnemer${String(i + 1).padStart(2, '0')}`,
            familyName: `Groep-${randomLetters(5)}`,
            dateOfBirth: '1988-03-14',
            gender: i % 2 === 0 ? 'female' : 'male',
            route: 'b1',
            impedingHealth: false,
            impedingJustice: false,
            impedingFinances: false,
            referral: { providerId: taalpunt.id, productCode: 'b1_language' },
          },
        }),
        'participant',
      );
      const referralId = created.referrals[0]?.id ?? '';
      await ok(coordinator.api.post(`/api/v1/referrals/${referralId}/acknowledgement`), 'acknowledgement');
      members.push({ participantId: created.id, referralId });
    }

    groupName = `B1 ochtend ${randomLetters(4)}`;
    const group = await ok<{ id: string }>(
      coordinator.api.post('/api/v1/groups', {
        data: {
          name: groupName,
          levelBand: 'a1a2',
          literacy: 'literate',
          location: 'Hoorn, Grote Noord 1',
          sizeLimit: CLASS_SIZE,
          teacherUserId: teacher.userId,
          schedule: [
            { weekday: 1, startTime: '09:00', minutes: 180, kind: 'language' },
            { weekday: 3, startTime: '09:00', minutes: 180, kind: 'language' },
          ],
          activeFrom: '2027-02-01',
        },
      }),
      'group',
    );
    groupId = group.id;
    for (const m of members) {
      await ok(coordinator.api.post(`/api/v1/groups/${groupId}/members`, { data: { ...m, from: '2027-02-01', literacy: 'literate' } }), 'member');
    }
    const generated = await ok<{ lessons: { id: string; date: string }[] }>(
      coordinator.api.post(`/api/v1/groups/${groupId}/lessons/generate`, { data: { from: '2027-02-01', to: '2027-03-31' } }),
      'lessons',
    );
    lessonId = generated.lessons.find((l) => l.date === TODAY)?.id ?? '';
    expect(lessonId).not.toBe('');
  }, 120_000);

  afterAll(async () => {
    for (const api of apis) await api.dispose();
    await browser?.close();
    await koers?.stop();
  });

  it('the coordinator sees the group, its form, and lessons in the week view', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, COORDINATOR);
    await openFromMenu(page, 'Groepen', 'Groepen');
    const row = page.getByRole('row').filter({ hasText: groupName });
    await row.getByText(`${CLASS_SIZE} / ${CLASS_SIZE}`).waitFor();
    await checkA11y(page, 'groepen (coördinator)');

    // The empty form shows the error summary.
    await page.getByRole('button', { name: 'Groep aanmaken', exact: true }).click();
    await page.getByRole('heading', { name: 'Controleer het formulier' }).waitFor();
    await checkA11y(page, 'nieuwe groep met fouten');

    await row.getByRole('link', { name: groupName }).click();
    await heading(page, `Groep ${groupName}`);
    await settled(page);
    await page.getByLabel('Laatste dag', { exact: true }).fill('2027-03-31');
    await page.getByRole('button', { name: 'Lessen maken', exact: true }).click();
    await page.getByText(/0 lessen gemaakt/).waitFor();
    const weekLink = page.getByRole('link', { name: `Les woensdag ${LESSON_DATE} 09:00` });
    await weekLink.waitFor();
    expect(await weekLink.getAttribute('href')).toBe(`/lessen/${lessonId}`);
    await page.getByRole('button', { name: 'Volgende week', exact: true }).click();
    await page.getByRole('heading', { name: /week van 15-02-2027/ }).waitFor();
    await checkA11y(page, 'groep (coördinator)');
    await logOut(page);
  });

  it('the teacher enters the whole class with the keyboard only and saves with Ctrl+Enter', async () => {
    if (!koers) throw new Error('Koers did not start');
    await logIn(page, TEACHER);
    await openFromMenu(page, 'Groepen', 'Groepen');
    await checkA11y(page, 'groepen (docent)');
    await page.getByRole('link', { name: groupName }).click();
    await heading(page, `Groep ${groupName}`);
    await settled(page);
    expect(await page.getByRole('row').count()).toBe(CLASS_SIZE + 1);
    await checkA11y(page, 'groep (docent)');

    // API gap: the teacher's week view cannot list lessons yet, so the lesson is opened by its address.
    await page.goto(`${koers.url}/lessen/${lessonId}`);
    await heading(page, `Les van woensdag ${LESSON_DATE} om 09:00`);
    await settled(page);
    await checkA11y(page, 'les voor opslaan');

    const table = page.getByRole('table');
    const names = (await table.getByRole('rowheader').allTextContents()).map((t) => t.trim());
    expect(names).toHaveLength(CLASS_SIZE);
    const absentBox = (i: number) => page.getByRole('checkbox', { name: `${names[i] ?? ''} afwezig`, exact: true });

    const started = Date.now();
    // Tab from the top of the page to the first row (past the menu), then count the keys of the entry.
    await tabTo(page, absentBox(0));
    let keys = 0;
    const press = async (key: string) => {
      keys += 1;
      await page.keyboard.press(key);
    };
    for (let i = 0; i < CLASS_SIZE; i++) {
      const absent = ABSENT.get(i);
      if (absent) {
        await press('Space'); // afwezig
        await press('Tab'); // reason
        for (let n = 0; n < absent.arrowDowns; n++) await press('ArrowDown');
        await press('Tab'); // afgemeld
        if (absent.calledIn) await press('Space');
      } else {
        await press('Tab'); // minuten aanwezig
        if (i === PARTIAL_ROW) {
          await press('Control+A');
          await page.keyboard.type('120');
          keys += 3;
        }
      }
      if (i < CLASS_SIZE - 1) await press('Tab');
      if (i < CLASS_SIZE - 1) expect(await absentBox(i + 1).evaluate((el) => el === document.activeElement)).toBe(true);
    }
    await press('Control+Enter');
    const status = page.getByRole('status').filter({ hasText: 'Aanwezigheid opgeslagen' });
    await status.getByText(`Aanwezigheid opgeslagen: ${CLASS_SIZE - 2} aanwezig, 2 afwezig, ${CLASS_SIZE} regels gewijzigd.`).waitFor();
    // Well under a minute, and about 2 key presses per participant (under 3 each).
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(keys).toBeLessThan(CLASS_SIZE * 3);

    for (const [i, absent] of ABSENT) {
      expect(await absentBox(i).isChecked()).toBe(true);
      expect(await page.getByLabel(`Reden ${names[i] ?? ''}`, { exact: true }).inputValue()).not.toBe('');
      const reason = page.getByLabel(`Reden ${names[i] ?? ''}`, { exact: true }).locator('option:checked');
      expect((await reason.textContent())?.trim()).toBe(absent.reason);
      expect(await page.getByRole('checkbox', { name: `${names[i] ?? ''} afgemeld`, exact: true }).isChecked()).toBe(absent.calledIn);
    }
    expect(await page.getByLabel(`Minuten aanwezig ${names[PARTIAL_ROW] ?? ''}`, { exact: true }).inputValue()).toBe('120');
    await checkA11y(page, 'les na opslaan');

    // A correction is simply saving again; nothing changed, and the page says so.
    await page.keyboard.press('Control+Enter');
    await status.getByText(/niets gewijzigd/).waitFor();

    // The server has the class as entered.
    const saved = await ok<{ roster: { participantId: string; present: boolean; reason: string | null; minutesAttended: number }[] }>(
      page.request.get(`${koers.url}/api/v1/lessons/${lessonId}`),
      'lesson',
    );
    expect(saved.roster.filter((r) => !r.present).map((r) => r.reason).sort()).toEqual(['illness', 'medical-appointment']);
    expect(saved.roster.filter((r) => r.present && r.minutesAttended === 120)).toHaveLength(1);
    await logOut(page);
  });

  it('the consultant sees the absence on the participant page and classifies it', async () => {
    if (!koers) throw new Error('Koers did not start');
    const lesson = await ok<{ roster: { participantId: string; present: boolean; givenName: string; familyName: string }[] }>(
      (async () => {
        const coordinator = await apiAs(koers.url, COORDINATOR);
        apis.push(coordinator.api);
        return coordinator.api.get(`/api/v1/lessons/${lessonId}`);
      })(),
      'lesson',
    );
    const ill = lesson.roster.find((r) => !r.present);
    if (!ill) throw new Error('no absence saved');

    await logIn(page, CONSULTANT);
    await page.goto(`${koers.url}/inburgeraars/${ill.participantId}`);
    await heading(page, `${ill.givenName} ${ill.familyName}`);
    await settled(page);
    const section = page.getByRole('region', { name: 'Aanwezigheid', exact: true });
    const absenceRow = section.getByRole('row').filter({ hasText: LESSON_DATE }).filter({ hasText: 'Ziek' });
    await absenceRow.getByText('Nog niet beoordeeld').waitFor();
    await section.getByText(/Aanwezigheid deze maand:/).waitFor();
    await section.getByRole('cell', { name: /februari 2027/ }).or(section.getByRole('rowheader', { name: 'februari 2027' })).first().waitFor();
    await page.locator('.koers-chart svg').waitFor();
    await checkA11y(page, 'inburgeraar met aanwezigheid');

    const authorise = absenceRow.getByRole('button', { name: `Geoorloofd (verzuim ${LESSON_DATE})`, exact: true });
    await authorise.click();
    await section.getByRole('status').getByText(`Verzuim van ${LESSON_DATE} is beoordeeld als geoorloofd.`).waitFor();
    await absenceRow.getByRole('cell', { name: 'Geoorloofd', exact: true }).waitFor();
    expect(await authorise.getAttribute('aria-pressed')).toBe('true');
    await checkA11y(page, 'inburgeraar na beoordelen');
  });
});
