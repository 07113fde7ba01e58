// Browser-test harness: a real Koers (built web app, fresh PGlite, demo region) on a free port, and
// Debian's Chromium driven by playwright-core. axe-core checks each page (WCAG 2.1 AA).
// The database is in memory, started from the migrated dump the integration tests use
// (test/support/koers.ts): no browser test reads the data directory, and initdb costs ~1.5 s a file.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createKoers, WEB_DIR } from '../src/app.js';
import { SettableClock } from '../src/platform/clock.js';
import type { Config } from '../src/platform/config.js';
import { pgliteTemplate, portOf, testConfig } from '../test/support/koers.js';

export const CHROMIUM = process.env.KOERS_CHROMIUM ?? '/usr/bin/chromium';

export async function startKoers(options: { today?: string; demoSize?: number; config?: Partial<Config> } = {}): Promise<{ url: string; stop(): Promise<void> }> {
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('The web app is not built: run `npm test` (it builds it) or `npm run build:web`.');
  const koers = await createKoers(testConfig({ demo: true, demoSize: options.demoSize ?? 40, ...options.config }), {
    clock: new SettableClock(options.today ?? '2026-12-23'),
    inMemory: true,
    pgliteTemplate: await pgliteTemplate(),
  });
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
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const detail = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`).join('\n  ');
    throw new Error(`axe-core on "${label}":\n  ${detail}`);
  }
}
