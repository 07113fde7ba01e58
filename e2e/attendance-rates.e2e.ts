// Browser test of issue #4 item 7, "who is under 80% this month, at a glance": the consultant opens
// /aanwezigheid with the keyboard, finds a participant under the norm (this month by default, only those
// under the norm), sorts, exports the whole filter as CSV and reads the downloaded file; the period
// fields say what is wrong next to the field. A group of three with a month of attendance is set up
// through the API first, as in attendance.e2e.ts.
import { readFile } from 'node:fs/promises';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { apiAs, heading, logIn, logOut, makeBsn, ok, randomLetters, settled, tabTo } from './helpers.js';

const CONSULTANT = 'consultant.hoorn@koers.demo';
const COORDINATOR = 'coordinator.taalpunt@koers.demo';
const TEACHER = 'docent.taalpunt@koers.demo';
// A Wednesday; the group has lessons of 180 minutes on Monday and Wednesday from 1 February: eight
// lessons up to today, 1440 minutes offered.
const TODAY = '2027-02-24';
const LESSON_MINUTES = 180;

interface Member {
  participantId: string;
  referralId: string;
  givenName: string;
  familyName: string;
}

describe('attendance rates: who is under 80% this month', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const apis: APIRequestContext[] = [];
  // low: absent at 6 of 8 lessons (25,0%), one absence authorised by the consultant; near: absent once
  // and 65 of 180 minutes once (1145 / 1440 = 79,51%, under the norm); good: every lesson (100%).
  const people: Record<'low' | 'near' | 'good', Member> = {} as Record<'low' | 'near' | 'good', Member>;

  beforeAll(async () => {
    koers = await startKoers({ today: TODAY });
    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true });
    page = await context.newPage();

    const consultant = await apiAs(koers.url, CONSULTANT);
    const coordinator = await apiAs(koers.url, COORDINATOR);
    const teacher = await apiAs(koers.url, TEACHER);
    apis.push(consultant.api, coordinator.api, teacher.api);

    const options = await ok<{ providers: { id: string; name: string }[] }>(consultant.api.get('/api/v1/referral-options'), 'referral options');
    const taalpunt = options.providers.find((p) => /Taalpunt/.test(p.name));
    if (!taalpunt) throw new Error('Taalpunt is not a provider of Hoorn');

    const suffix = randomLetters(5);
    for (const [key, givenName] of [['low', 'Laura'], ['near', 'Nadia'], ['good', 'Gerrit']] as const) {
      const familyName = `Aanwezig-${key}-${suffix}`;
      const created = await ok<{ id: string; referrals: { id: string }[] }>(
        consultant.api.post('/api/v1/participants', {
          data: {
            bsn: makeBsn(),
            givenName,
            familyName,
            dateOfBirth: '1990-05-01',
            gender: 'female',
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
      people[key] = { participantId: created.id, referralId, givenName, familyName };
    }

    const group = await ok<{ id: string }>(
      coordinator.api.post('/api/v1/groups', {
        data: {
          name: `Aanwezigheid ${suffix}`,
          levelBand: 'a1a2',
          literacy: 'literate',
          location: 'Hoorn, Grote Noord 1',
          sizeLimit: 10,
          teacherUserId: teacher.userId,
          schedule: [
            { weekday: 1, startTime: '09:00', minutes: LESSON_MINUTES, kind: 'language' },
            { weekday: 3, startTime: '09:00', minutes: LESSON_MINUTES, kind: 'language' },
          ],
          activeFrom: '2027-02-01',
        },
      }),
      'group',
    );
    for (const m of Object.values(people)) {
      await ok(
        coordinator.api.post(`/api/v1/groups/${group.id}/members`, {
          data: { participantId: m.participantId, referralId: m.referralId, from: '2027-02-01', literacy: 'literate' },
        }),
        'member',
      );
    }
    const generated = await ok<{ lessons: { id: string; date: string }[] }>(
      coordinator.api.post(`/api/v1/groups/${group.id}/lessons/generate`, { data: { from: '2027-02-01', to: '2027-02-28' } }),
      'lessons',
    );
    const held = generated.lessons.filter((l) => l.date <= TODAY).sort((a, b) => a.date.localeCompare(b.date));
    expect(held).toHaveLength(8);

    const absent = (participantId: string) => ({ participantId, present: false, reason: 'illness', calledIn: true });
    const present = (participantId: string, minutesAttended = LESSON_MINUTES) => ({ participantId, present: true, minutesAttended, calledIn: false });
    for (const [i, lesson] of held.entries()) {
      const body = [
        i < 6 ? absent(people.low.participantId) : present(people.low.participantId),
        i === 2 ? absent(people.near.participantId) : present(people.near.participantId, i === 5 ? 65 : LESSON_MINUTES),
        present(people.good.participantId),
      ];
      await ok(teacher.api.put(`/api/v1/lessons/${lesson.id}/attendance`, { data: body }), `attendance ${lesson.date}`);
    }
    const firstLesson = held[0]?.id ?? '';
    await ok(
      consultant.api.post(`/api/v1/attendance/${firstLesson}/${people.low.participantId}/classification`, { data: { classification: 'authorised' } }),
      'classification',
    );
  }, 120_000);

  afterAll(async () => {
    for (const api of apis) await api.dispose();
    await browser?.close();
    await koers?.stop();
  });

  const ratesTable = () => page.getByRole('table', { name: / tot en met / });
  const rowOf = (m: Member) => page.getByRole('row').filter({ has: page.getByRole('link', { name: `${m.givenName} ${m.familyName}`, exact: true }) });

  it('the consultant opens the page with the keyboard and sees who is under the norm this month', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, CONSULTANT);

    const navLink = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanwezigheid', exact: true });
    await tabTo(page, navLink);
    await page.keyboard.press('Enter');
    await heading(page, 'Aanwezigheid');
    await settled(page);
    expect(new URL(page.url()).pathname).toBe('/aanwezigheid');
    expect(await navLink.getAttribute('aria-current')).toBe('page');

    // This month, only those under the norm, by default.
    await page.getByRole('heading', { level: 2, name: 'Inburgeraars van 01-02-2027 tot en met 28-02-2027' }).waitFor();
    expect(await page.getByRole('button', { name: 'Deze maand', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('checkbox', { name: 'Alleen onder de norm (80%)' }).isChecked()).toBe(true);
    await page.getByText(/^\d+ van \d+ inburgeraars (zit|zitten) onder de 80%$/).waitFor();

    const low = rowOf(people.low);
    await low.getByRole('cell', { name: '25,0% (onder 80%)', exact: true }).waitFor();
    const lowCells = (await low.getByRole('cell').allTextContents()).map((t) => t.trim());
    // The date of birth first: it tells two of the same name apart (issue #10 item 5).
    expect(lowCells[0]).toMatch(/^\d{2}-\d{2}-\d{4}$/);
    expect(lowCells.slice(1)).toEqual(['25,0% (onder 80%)', '6 uur', '24 uur', '1', '0', '5']);
    expect(await low.getByRole('link').getAttribute('href')).toBe(`/inburgeraars/${people.low.participantId}`);
    await rowOf(people.near).getByRole('cell', { name: '79,5% (onder 80%)', exact: true }).waitFor();
    expect(await rowOf(people.good).count()).toBe(0);

    // The distribution counts everyone, also those above the norm; the same numbers as a table.
    const bands = page.getByRole('table', { name: /Aantal inburgeraars per aanwezigheid/ });
    await bands.getByRole('row', { name: /^20 tot 30% \(onder 80%\)/ }).waitFor();
    await page.locator('.koers-chart svg').waitFor();
    await checkA11y(page, 'aanwezigheid onder de norm');
  });

  it('sorts with the keyboard and shows everyone when the filter is off', async () => {
    const rateHeader = ratesTable().getByRole('columnheader', { name: 'Aanwezigheid', exact: true });
    expect(await rateHeader.getAttribute('aria-sort')).toBe('ascending');
    const rateSort = rateHeader.getByRole('button');
    await rateSort.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('th[aria-sort="descending"]') !== null);
    expect(await rateHeader.getAttribute('aria-sort')).toBe('descending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('-rate');
    await settled(page);
    // The list keeps the previous rows on screen until the sorted page arrives: wait for the rows to be
    // in descending order (it fails if they never are).
    const readRates = async () =>
      (await ratesTable().getByRole('row').allTextContents()).slice(1).map((row) => Number(/(\d+,\d)%/.exec(row.replace(/\d{2}-\d{2}-\d{4}/, ' '))?.[1]?.replace(',', '.') ?? 'NaN'));
    await expect.poll(async () => { const rates = await readRates(); return rates.length > 1 && rates.every((r, i) => i === 0 || (rates[i - 1] ?? 0) >= r); }, { timeout: 15_000 }).toBe(true);

    const nameHeader = ratesTable().getByRole('columnheader', { name: 'Naam', exact: true });
    await nameHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'name');
    // The router changes the address before it redraws the headers: poll (it fails if they never change).
    await expect.poll(() => nameHeader.getAttribute('aria-sort'), { timeout: 10_000 }).toBe('ascending');
    await expect.poll(() => rateHeader.getAttribute('aria-sort'), { timeout: 10_000 }).toBe('none');

    // Everyone: the participant at 100% appears, without "onder".
    await page.getByRole('checkbox', { name: 'Alleen onder de norm (80%)' }).focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('belowNorm') === 'false');
    await rowOf(people.good).getByRole('cell', { name: '100,0%', exact: true }).waitFor();
    await settled(page);
    await checkA11y(page, 'aanwezigheid iedereen');
    await page.getByRole('checkbox', { name: 'Alleen onder de norm (80%)' }).focus();
    await page.keyboard.press('Space');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('belowNorm') === null);
    await rowOf(people.low).waitFor();
    await settled(page);
  });

  it('exports the whole filter as CSV from the server (R-EXC-3), with Dutch headers and no BSN', async () => {
    // The shared table's export menu: a disclosure with two download links.
    await page.locator('summary', { hasText: 'Exporteren' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Exporteer als CSV', exact: true }).focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^aanwezigheid-\d{4}-\d{2}-\d{2}\.csv$/);

    const file = await download.path();
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe(
      'Achternaam;Voornaam;Geboortedatum;Klantnummer;Aangeboden minuten;Aanwezige minuten;Aanwezigheid (%);Norm (%);Onder de norm;Verzuim geoorloofd;Verzuim ongeoorloofd;Verzuim niet beoordeeld;Inburgeraar-id',
    );
    const lineOf = (m: Member) => lines.find((line) => line.startsWith(`${m.familyName};`)) ?? '';
    expect(lineOf(people.low)).toContain(';1440;360;25,0;80;Ja;1;0;5;');
    expect(lineOf(people.near)).toContain(';1440;1145;79,5;80;Ja;0;0;1;');
    expect(lines.some((line) => line.includes(people.good.familyName))).toBe(false);
    // Every row under the norm, and as many as the headline says (all pages, not the one on screen).
    const rows = lines.slice(1).map((line) => line.split(';'));
    expect(rows.every((cells) => cells[8] === 'Ja')).toBe(true);
    const count = Number(/(\d+) van \d+ inburgeraars/.exec((await page.locator('.koers-rate-summary').textContent()) ?? '')?.[1]);
    expect(rows).toHaveLength(count);
    expect(text).not.toMatch(/\b\d{9}\b/);
    await checkA11y(page, 'aanwezigheid na export');
  });

  it('checks the own period next to the fields, and the presets fill them', async () => {
    await page.getByLabel('Eerste dag', { exact: true }).fill('2027-02-10');
    await page.getByLabel('Laatste dag', { exact: true }).fill('2027-02-01');
    await page.getByRole('button', { name: 'Periode tonen', exact: true }).click();
    const toField = page.getByLabel('Laatste dag', { exact: true });
    await page.getByText('De laatste dag ligt voor de eerste dag.').waitFor();
    expect(await toField.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await toField.getAttribute('aria-invalid')).toBe('true');
    await checkA11y(page, 'aanwezigheid met fout in de periode');

    await toField.fill('2027-02-28');
    await page.getByRole('button', { name: 'Periode tonen', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Inburgeraars van 10-02-2027 tot en met 28-02-2027' }).waitFor();
    await settled(page);
    expect(await page.getByRole('button', { name: 'Deze maand', exact: true }).getAttribute('aria-pressed')).toBe('false');
    // From the 10th: five lessons, Laura absent at three of them.
    await rowOf(people.low).getByRole('cell', { name: '40,0% (onder 80%)', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Dit kwartaal', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Inburgeraars van 01-01-2027 tot en met 31-03-2027' }).waitFor();
    expect(await page.getByLabel('Eerste dag', { exact: true }).inputValue()).toBe('2027-01-01');
    await settled(page);
    await logOut(page);
  });

  it('the coordinator of the provider has the page too', async () => {
    await logIn(page, COORDINATOR);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Aanwezigheid', exact: true }).click();
    await heading(page, 'Aanwezigheid');
    await settled(page);
    await rowOf(people.low).getByRole('cell', { name: '25,0% (onder 80%)', exact: true }).waitFor();
    await checkA11y(page, 'aanwezigheid (coördinator)');
  });
});
