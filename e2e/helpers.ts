// Shared steps of the browser tests. Elements are found by role and accessible name, as a user of
// assistive technology would.
import type { Locator, Page } from 'playwright-core';

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
  await page.waitForFunction('!document.body.innerText.includes("laden…")');
}

export async function logIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await heading(page, 'Inloggen');
  await page.getByLabel('E-mailadres', { exact: true }).fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await heading(page, 'Werklijst');
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
