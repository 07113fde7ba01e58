// Shared steps of the browser tests. Elements are found by role and accessible name, as a user of
// assistive technology would.
import { request, type APIRequestContext, type APIResponse, type Locator, type Page } from 'playwright-core';

export const PASSWORD = 'koers-demo';

/** A random BSN that passes the elfproef: 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11). */
export function makeBsn(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10)));
    const check = digits.reduce((sum, digit, i) => sum + digit * (9 - i), 0) % 11;
    if (check <= 9) return [...digits, check].join('');
  }
}

export function randomLetters(length: number): string {
  return Array.from({ length }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
}

export async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' }).waitFor();
}

/** Waits until no "… laden…" message is left, so axe and assertions see the loaded page. */
export async function settled(page: Page): Promise<void> {
  // A function, not a string: a string predicate is eval'd in the page, which the CSP refuses (issue #9).
  await page.waitForFunction(() => !document.body.innerText.includes('laden…'));
  // Lists keep the previous page on screen while the next one loads (keepPreviousData) and say so with
  // aria-busy: rows read before it clears can be the old order (a sort test once read them so).
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
}

/** Logs in; with `then`, goes on to that menu item (e.g. the coordinator's work list, beside its home). */
export async function logIn(page: Page, email: string, then?: string): Promise<void> {
  await logInWith(page, email, PASSWORD);
  if (then !== undefined) await openFromMenu(page, then, then);
}

export async function logInWith(page: Page, email: string, password: string): Promise<void> {
  await heading(page, 'Inloggen');
  await page.getByLabel('E-mailadres', { exact: true }).fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  // Each role's home (issue #10 item 5): the participant on their own route, the consultant on the work
  // list, the teacher on its lessons, the other roles on their overview.
  // The privacy officer's home is the audit search (issue #17).
  await heading(page, /^(Werklijst|Mijn voortgang|Mijn lessen|Overzicht|Logboek doorzoeken)$/);
  await settled(page);
}

/**
 * The work list is paged and sorted by urgency, and the demo region fills more than one page: like a
 * consultant, look a participant up by name (or client number) before looking for their step.
 */
export async function searchWorkList(page: Page, name: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Zoek op naam of klantnummer' }).fill(name);
  await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('zoek') === name);
  await settled(page);
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen', exact: true }).click();
  await heading(page, 'Inloggen');
}

export async function openFromMenu(page: Page, link: string, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: link, exact: true }).click();
  await heading(page, title);
  await settled(page);
}

/** Selects the option whose text matches `pattern` (preferring one that also matches `prefer`). */
export async function selectOptionMatching(select: Locator, pattern: RegExp, prefer?: RegExp): Promise<string> {
  await select.locator('option', { hasText: pattern }).first().waitFor({ state: 'attached' });
  const texts = (await select.locator('option').allTextContents()).map((text) => text.trim());
  const matches = texts.filter((text) => pattern.test(text));
  const label = (prefer ? matches.find((text) => prefer.test(text)) : undefined) ?? matches[0];
  if (label === undefined) throw new Error(`No option matches ${String(pattern)} in: ${texts.join(', ')}`);
  await select.selectOption({ label });
  return label;
}

/** Checks the option `answer` of the radio group named `question`. */
export async function answer(page: Page, question: string, choice: string): Promise<void> {
  await page.getByRole('radiogroup', { name: question }).getByLabel(choice, { exact: true }).check();
}

export async function answerNo(page: Page, question: string): Promise<void> {
  await answer(page, question, 'Nee');
}

/** An API client logged in as a demo user, for setting up what a test needs. */
export async function apiAs(baseURL: string, email: string): Promise<{ api: APIRequestContext; userId: string }> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/v1/sessions', { data: { email, password: PASSWORD } });
  if (!res.ok()) throw new Error(`login ${email}: ${res.status()} ${await res.text()}`);
  const { user } = (await res.json()) as { user: { id: string } };
  return { api, userId: user.id };
}

/** The JSON of a successful API answer, or a failure that says what was being set up. */
export async function ok<T>(response: Promise<APIResponse>, what: string): Promise<T> {
  const res = await response;
  if (!res.ok()) throw new Error(`${what}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Presses Tab until the element is focused (the keyboard user's way to reach it); returns the presses. */
export async function tabTo(page: Page, target: Locator, max = 80): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return i;
  }
  throw new Error('Tab never reached the element');
}

/** The demo participant account's own participant: its id and name are in its session (its own organisation). */
export async function demoParticipant(baseURL: string, email = 'inburgeraar@koers.demo'): Promise<{ id: string; name: string }> {
  const self = (await apiAs(baseURL, email)).api;
  const session = await ok<{ user: { organisation: { id: string; kind: string; name: string } } }>(self.get('/api/v1/sessions/current'), 'session');
  await self.dispose();
  if (session.user.organisation.kind !== 'participant') throw new Error(`${email} is not a participant`);
  return { id: session.user.organisation.id, name: session.user.organisation.name };
}

/** From the participant's file to its progress page (issue #5), as a user does. */
export async function openProgress(page: Page, baseURL: string, participantId: string, name: string): Promise<void> {
  await page.goto(`${baseURL}/inburgeraars/${participantId}`);
  await heading(page, name);
  await settled(page);
  await page.getByRole('link', { name: 'Voortgang en rapportages', exact: true }).click();
  await heading(page, `Voortgang van ${name}`);
  await settled(page);
}

/** Logs out and in again as another demo user. */
export async function switchUser(page: Page, email: string): Promise<void> {
  await logOut(page);
  await logIn(page, email);
}

/** Moves the demo date as the administrator (issue #9: no one else may); the page keeps its own session. */
export async function setDemoToday(page: Page, today: string): Promise<void> {
  const { api } = await apiAs(new URL(page.url()).origin, 'beheer@koers.demo');
  const res = await api.put('/api/v1/demo/today', { data: { today } });
  const text = await res.text();
  await api.dispose();
  if (res.status() !== 200) throw new Error(`demo/today ${today}: ${res.status()} ${text}`);
}
