// Issue #10 item 3: business timestamps come from the injected clock. The lint rule in eslint.config.js
// forbids `new Date()` and `Date.now()` in src/domain and src/features, but not in their tests; what must
// run on real time calls realNow() (src/platform/clock.ts) by name. This checks the rule as configured;
// `npx eslint .` checks the code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

async function clockFindings(file: string, extra: string): Promise<string[]> {
  const text = readFileSync(path.join(ROOT, file), 'utf8') + extra;
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('business timestamps from the injected clock only (issue #10 item 3)', () => {
  it('forbids new Date() and Date.now() in a domain file and in a feature file', async () => {
    expect(await clockFindings('src/domain/bsn.ts', '\nexport const _at = new Date();\nexport const _ms = Date.now();\n')).toHaveLength(2);
    expect(await clockFindings('src/features/hours/service.ts', '\nexport const _at = new Date();\n')).toHaveLength(1);
  }, 60_000);

  it('allows a date made from a value, and new Date() in a test', async () => {
    expect(await clockFindings('src/domain/bsn.ts', "\nexport const _at = new Date('2026-01-01T12:00:00Z');\n")).toEqual([]);
    expect(await clockFindings('src/domain/bsn.test.ts', '\nexport const _at = new Date();\n')).toEqual([]);
  }, 60_000);
});
