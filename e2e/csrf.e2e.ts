// Issue #9 hole 3 in a real browser: a page on a second origin of this machine (another port on
// 127.0.0.1: same-site, cross-origin, so the SameSite=Lax cookie IS sent) posts a text/plain form and
// no-cors fetches at Koers while the victim is logged in. Nothing may change. The same run watches the
// Koers pages for Content Security Policy violations (headers.ts: no unsafe-inline, no unsafe-eval).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIRequestContext, Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { apiAs, logIn, ok, openFromMenu, settled } from './helpers.js';

const COORDINATOR = 'coordinator.taalpunt@koers.demo';

interface Referral {
  id: string;
  status: string;
}
interface Signal {
  id: string;
  status: string;
}

/** The attacker's page: a form aimed at a hidden frame, and two no-cors fetches with the cookie. */
function attackerPage(koersUrl: string, referralId: string, signalId: string): string {
  const signalUrl = `${koersUrl}/api/v1/signals/${signalId}/acknowledgement`;
  const referralUrl = `${koersUrl}/api/v1/referrals/${referralId}/acknowledgement`;
  return `<!doctype html><html lang="en"><title>Win a prize</title>
<iframe name="sink" title="sink"></iframe>
<form id="f" method="POST" action="${signalUrl}" enctype="text/plain" target="sink"><input type="hidden" name='{"a":"' value='"}'></form>
<script>
  document.getElementById('f').submit();
  fetch(${JSON.stringify(referralUrl)}, { method: 'POST', mode: 'no-cors', credentials: 'include' });
  fetch(${JSON.stringify(signalUrl)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
</script></html>`;
}

describe('CSRF from a second origin on this machine', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let api: APIRequestContext;
  let attacker: http.Server | undefined;
  let attackerUrl = '';
  let referral: Referral;
  let signal: Signal;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    koers = await startKoers();
    ({ api } = await apiAs(koers.url, COORDINATOR));
    const referrals = await ok<{ items: Referral[] }>(api.get('/api/v1/referrals?status=referred'), 'referrals');
    const signals = await ok<{ items: Signal[] }>(api.get('/api/v1/signals?status=open'), 'signals');
    const [r] = referrals.items;
    const [s] = signals.items;
    if (r === undefined || s === undefined) throw new Error('The demo region has no referred referral or open signal for Taalpunt');
    referral = r;
    signal = s;
    const html = attackerPage(koers.url, referral.id, signal.id);
    attacker = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
    await new Promise<void>((resolve) => attacker?.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;

    browser = await launchChromium();
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    // Every CSP violation, also those Chromium only reports as an event, ends up in the console.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    page = await context.newPage();
    const koersOrigin = new URL(koers.url).origin;
    const watch = (text: string) => {
      if (/Content Security Policy/i.test(text) && new URL(page.url()).origin === koersOrigin) cspViolations.push(text);
    };
    page.on('console', (m) => watch(m.text()));
    page.on('pageerror', (e) => watch(e.message));
  }, 120_000);

  afterAll(async () => {
    await api.dispose();
    await browser?.close();
    await new Promise((resolve) => (attacker ? attacker.close(resolve) : resolve(undefined)));
    await koers?.stop();
  });

  it('the coordinator logs in and works under the CSP without a single violation', async () => {
    if (!koers) throw new Error('Koers did not start');
    await page.goto(`${koers.url}/inloggen`);
    await logIn(page, COORDINATOR);
    await openFromMenu(page, 'Aanmeldingen', 'Aanmeldingen');
    await openFromMenu(page, 'Aanwezigheid', 'Aanwezigheid');
    await settled(page);
    await checkA11y(page, 'aanwezigheid (coördinator)');
    expect(cspViolations).toEqual([]);
  });

  it('a text/plain form and no-cors fetches from the other origin carry the cookie but change nothing', async () => {
    if (!koers) throw new Error('Koers did not start');
    const koersUrl = koers.url;
    // Each of the three requests ends as a response (the form's frame) or as a response the browser
    // withholds from the attacker's script (no-cors + Cross-Origin-Resource-Policy): either way it
    // reached Koers.
    const ended = new Map<Request, number | 'withheld'>();
    const allThree = new Promise<void>((resolve) => {
      const note = (req: Request, status: number | 'withheld') => {
        if (!req.url().startsWith(`${koersUrl}/api/`) || ended.has(req)) return;
        ended.set(req, status);
        if (ended.size === 3) resolve();
      };
      page.on('response', (res) => note(res.request(), res.status()));
      page.on('requestfailed', (req) => note(req, 'withheld'));
    });
    await page.goto(attackerUrl);
    await allThree;
    // 415, not 401: the browser did send the session cookie with the form, and Koers refused it anyway.
    expect([...ended.values()].filter((status) => status !== 'withheld')).toEqual([415]);
    const after = await ok<Referral>(api.get(`/api/v1/referrals/${referral.id}`), 'referral');
    expect(after.status).toBe('referred');
    const signals = await ok<{ items: Signal[] }>(api.get('/api/v1/signals?status=all'), 'signals');
    expect(signals.items.find((s) => s.id === signal.id)?.status).toBe('open');
  });
});
