// Issue #10 item 2: no import cycle between feature folders, domain pure, platform below the features
// (.dependency-cruiser.json). Runs dependency-cruiser over src — a pure read of the source files, so a
// unit test — and prints each violation when there are any.
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.env.KOERS_CRUISE_ROOT ?? path.resolve(import.meta.dirname, '..');

async function violations(): Promise<string[]> {
  const previous = process.cwd();
  process.chdir(root);
  try {
    const options = await extractDepcruiseOptions(path.join(root, '.dependency-cruiser.json'));
    const tsConfig = extractTSConfig(path.join(root, 'tsconfig.json'));
    const result = await cruise(['src'], { ...options, validate: true }, undefined, { tsConfig });
    const output = result.output as ICruiseResult;
    return output.summary.violations.map((v) => {
      const via = v.cycle === undefined ? '' : ` via ${v.cycle.map((c) => c.name).join(' → ')}`;
      return `${v.rule.name}: ${v.from} → ${v.to}${via}`;
    });
  } finally {
    process.chdir(previous);
  }
}

describe('import structure (.dependency-cruiser.json)', () => {
  it('has no cycle between feature folders, and domain and platform import no feature', { timeout: 60_000 }, async () => {
    const found = await violations();
    if (found.length > 0) console.error(`dependency-cruiser found:\n${found.join('\n')}`);
    expect(found).toEqual([]);
  });
});
