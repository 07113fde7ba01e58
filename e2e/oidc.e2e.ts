// Browser test of issue #9: logging in through an OpenID provider running in this process (oidc-provider
// on 127.0.0.1). A consultant clicks "Inloggen via uw organisatie" and lands on the work list; a
// participant clicks "Inloggen met DigiD" and lands on its own page (found by the BSN claim); a login
// below the required level comes back with a Dutch explanation. axe-core checks the login page with
// the buttons and with the refusal.
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACR, BSN_CLAIM, startTestIdp, type TestIdp } from '../test/support/oidc-provider.js';
import { checkA11y, launchChromium, startKoers } from './harness.js';
import { apiAs, heading, makeBsn, ok, randomLetters, settled } from './helpers.js';

const CONSULTANT = 'consultant.hoorn@koers.demo';

describe('login through OpenID Connect (staff and DigiD)', () => {
  let koers: Awaited<ReturnType<typeof startKoers>> | undefined;
  let browser: Browser | undefined;
  let staffIdp: TestIdp | undefined;
  let digidIdp: TestIdp | undefined;

  beforeAll(async () => {
    staffIdp = await startTestIdp();
    digidIdp = await startTestIdp();
    const { privateKey } = await generateKeyPair('PS256', { extractable: true });
    koers = await startKoers({
      config: {
        oidc: {
          privateKey: JSON.stringify({ ...(await exportJWK(privateKey)), alg: 'PS256' }),
          staff: { issuer: staffIdp.issuer, clientId: 'koers-staff', scope: 'openid email', claim: 'email', minAcr: ACR.midden },
          digid: { issuer: digidIdp.issuer, clientId: 'koers-digid', scope: 'openid bsn', claim: BSN_CLAIM, minAcr: ACR.midden },
        },
      },
    });
    const jwks = (await (await fetch(`${koers.url}/api/v1/oidc/jwks.json`)).json()) as { keys: JWK[] };
    await staffIdp.register({ clientId: 'koers-staff', redirectUri: `${koers.url}/api/v1/oidc/staff/callback`, jwks });
    await digidIdp.register({ clientId: 'koers-digid', redirectUri: `${koers.url}/api/v1/oidc/digid/callback`, jwks });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await koers?.stop();
    await staffIdp?.stop();
    await digidIdp?.stop();
  });

  /** A fresh browser (no session at Koers or at the provider) on the login page. */
  async function loginPage(): Promise<Page> {
    if (!browser || !koers) throw new Error('not started');
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    await page.goto(`${koers.url}/inloggen`);
    await heading(page, 'Inloggen');
    await page.getByRole('link', { name: 'Inloggen met DigiD' }).waitFor();
    return page;
  }

  it('a consultant logs in via the own organisation and lands on the work list', async () => {
    const page = await loginPage();
    await checkA11y(page, 'Inloggen (met DigiD en organisatie)');
    staffIdp!.loginAs({ sub: `medewerker-${randomBytes(4).toString('hex')}`, acr: ACR.midden, claims: { email: CONSULTANT, email_verified: true } });
    await page.getByRole('link', { name: 'Inloggen via uw organisatie' }).click();
    await heading(page, 'Werklijst');
    await settled(page);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await page.context().close();
  });

  it('a participant logs in with DigiD, found by the BSN, and lands on its own page', async () => {
    const bsn = makeBsn();
    const familyName = `Digid${randomLetters(6)}`;
    const { api } = await apiAs(koers!.url, CONSULTANT);
    await ok(
      api.post('/api/v1/participants', {
        data: { bsn, givenName: 'Samira', familyName, dateOfBirth: '1991-03-08', gender: 'female', route: 'b1', impedingHealth: false, impedingJustice: false, impedingFinances: false },
      }),
      'participant',
    );
    await api.dispose();

    const page = await loginPage();
    digidIdp!.loginAs({ sub: `pseudoniem-${randomBytes(4).toString('hex')}`, acr: ACR.substantieel, claims: { [BSN_CLAIM]: bsn } });
    await page.getByRole('link', { name: 'Inloggen met DigiD' }).click();
    await heading(page, 'Mijn voortgang');
    await settled(page);
    expect(new URL(page.url()).pathname).toBe('/mijn-voortgang');
    // The BSN is nowhere in the address the browser went through.
    expect(page.url()).not.toContain(bsn);
    await page.context().close();
  });

  it('a DigiD login below the required level is refused with a Dutch explanation', async () => {
    const page = await loginPage();
    digidIdp!.loginAs({ sub: `pseudoniem-${randomBytes(4).toString('hex')}`, acr: ACR.basis, claims: { [BSN_CLAIM]: makeBsn() } });
    await page.getByRole('link', { name: 'Inloggen met DigiD' }).click();
    await heading(page, 'Inloggen');
    const alert = page.getByRole('heading', { level: 2, name: 'Inloggen is niet gelukt' });
    await alert.waitFor();
    await page.getByText(/te laag beveiligingsniveau/).waitFor();
    await checkA11y(page, 'Inloggen (geweigerd: te laag niveau)');
    await page.context().close();
  });
});
