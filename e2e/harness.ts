// Browser-test harness: a real Koers (built web app, fresh PGlite, demo region) on a free port, and
// Debian's Chromium driven by playwright-core. axe-core checks each page (WCAG 2.1 AA).
// The database is in memory, started from a dump of the migrated database with the demo region already
// loaded (test/support/koers.ts pgliteDemoTemplate, one per date, size and contracts): no browser test
// reads the data directory, initdb costs ~1.5 s a file and the demo load (with its year of history,
// issue #13) several seconds more. Each file still gets its own copy, as fresh as a new load.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createKoers, WEB_DIR } from '../src/app.js';
import { SettableClock } from '../src/platform/clock.js';
import type { Config } from '../src/platform/config.js';
import { DEMO_TEMPLATE_SECRET, pgliteDemoTemplate, portOf, testConfig } from '../test/support/koers.js';

export const CHROMIUM = process.env.KOERS_CHROMIUM ?? '/usr/bin/chromium';

export async function startKoers(options: { today?: string; demoSize?: number; config?: Partial<Config> } = {}): Promise<{ url: string; stop(): Promise<void> }> {
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('The web app is not built: run `npm test` (it builds it) or `npm run build:web`.');
  // The demo's secret is the template's: its BSNs are encrypted with it.
  const config = testConfig({ demo: true, demoSize: options.demoSize ?? 40, ...options.config, secret: DEMO_TEMPLATE_SECRET });
  const clock = new SettableClock(options.today ?? '2026-12-23');
  const template = await pgliteDemoTemplate({ today: clock.today(), demoSize: config.demoSize, contractsDir: config.contractsDir });
  const koers = await createKoers(config, { clock, inMemory: true, pgliteTemplate: template });
  // The server must have found the demo in the dump, not loaded a second one over it.
  if (koers.demo?.loaded !== false) throw new Error('the demo template held no demo region');
  await koers.server.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: `http://127.0.0.1:${portOf(koers.server)}`,
    stop: () => koers.stop(),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Fails on any serious or critical axe-core violation of WCAG 2.1 A/AA. */
export async function checkA11y(page: Page, label: string): Promise<void> {
  // Every rule still runs on every node; only the violations are reported in full (the passes and the
  // incomplete ones keep one node each, axe's `resultTypes`), which spares axe building a selector and an
  // HTML excerpt for each of thousands of passing nodes on a large page (the MI page has 4,600 cells).
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ resultTypes: ['violations'] }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const detail = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`).join('\n  ');
    throw new Error(`axe-core on "${label}":\n  ${detail}`);
  }
}
