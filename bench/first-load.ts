// Benchmark (issue #10 item 6): the first-load transfer size of the login page and of the work list, in
// real Chromium against a real Koers (demo mode, built web app), as e2e/harness.ts starts them.
// "Transferred" is what crossed the wire (Chromium's encodedDataLength: headers + body as sent, so
// compressed where the server compressed); "decoded" is the bodies after decompression. The goal
// (≤ 250 KB) counts HTML, JS, CSS and fonts; the API's own JSON answers are shown apart.
// A return visit (same browser, new tab) shows what the cache headers save.
// Run: flock /tmp/koers-e2e.lock npx vite build --config src/web/vite.config.ts --logLevel warn && npx tsx bench/first-load.ts
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, startKoers } from '../e2e/harness.js';
import { heading, logIn, settled } from '../e2e/helpers.js';

const GOAL = 250 * 1024;
const EMAIL = 'consultant.hoorn@koers.demo';

interface Load {
  url: string;
  kind: string;
  transferred: number;
  decoded: number;
}

/** Every response of one page load, sized by the DevTools protocol (what a user's network tab shows). */
async function measure(page: Page, go: () => Promise<void>): Promise<Load[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const seen = new Map<string, Load>();
  cdp.on('Network.responseReceived', (e) => {
    seen.set(e.requestId, { url: e.response.url, kind: kindOf(e.type, e.response.mimeType), transferred: 0, decoded: 0 });
  });
  cdp.on('Network.dataReceived', (e) => {
    const load = seen.get(e.requestId);
    if (load !== undefined) load.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const load = seen.get(e.requestId);
    if (load !== undefined) load.transferred = e.encodedDataLength;
  });
  await go();
  await cdp.detach();
  return [...seen.values()];
}

function kindOf(type: string, mime: string): string {
  if (type === 'Document') return 'html';
  if (type === 'Script') return 'js';
  if (type === 'Stylesheet') return 'css';
  if (type === 'Font') return 'font';
  if (type === 'Fetch' || type === 'XHR') return 'api';
  return mime.startsWith('image/') ? 'image' : 'other';
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function report(label: string, loads: readonly Load[]): void {
  const kinds = [...new Set(loads.map((l) => l.kind))].sort();
  console.log(`\n${label}`);
  for (const kind of kinds) {
    const of = loads.filter((l) => l.kind === kind);
    const t = of.reduce((s, l) => s + l.transferred, 0);
    const d = of.reduce((s, l) => s + l.decoded, 0);
    console.log(`  ${kind.padEnd(6)} ${String(of.length).padStart(3)} files  transferred ${kb(t).padStart(9)}  decoded ${kb(d).padStart(9)}`);
  }
  const page = loads.filter((l) => ['html', 'js', 'css', 'font'].includes(l.kind));
  const t = page.reduce((s, l) => s + l.transferred, 0);
  const d = page.reduce((s, l) => s + l.decoded, 0);
  console.log(`  page (html+js+css+font): transferred ${kb(t)} (${t} bytes), decoded ${kb(d)}; goal ≤ ${kb(GOAL)}: ${t <= GOAL ? 'met' : 'NOT met'}`);
}

async function firstAndReturn(context: BrowserContext, label: string, url: string, title: string): Promise<void> {
  const open = async (page: Page) => {
    await page.goto(url);
    await heading(page, title);
    await settled(page);
  };
  const first = await context.newPage();
  report(`${label}: first load (empty cache)`, await measure(first, () => open(first)));
  const again = await context.newPage();
  report(`${label}: return visit (same browser, new tab)`, await measure(again, () => open(again)));
}

const koers = await startKoers();
const browser = await launchChromium();
try {
  const anonymous = await browser.newContext();
  await firstAndReturn(anonymous, 'Login page /inloggen', `${koers.url}/inloggen`, 'Inloggen');

  // The work list as a logged-in consultant opens it in a fresh browser (session cookie, empty cache).
  const loginContext = await browser.newContext();
  const loginPage = await loginContext.newPage();
  await loginPage.goto(koers.url);
  await logIn(loginPage, EMAIL);
  const cookies = await loginContext.cookies();
  const loggedIn = await browser.newContext();
  await loggedIn.addCookies(cookies);
  await firstAndReturn(loggedIn, `Work list / (${EMAIL})`, `${koers.url}/`, 'Werklijst');
} finally {
  await browser.close();
  await koers.stop();
}
