import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take a minute or more, run first so that the two workers end together. Vitest orders
 * by the durations of the previous run, and on a clean clone (CI) by file size: these files are small
 * (their cases live in test/support) and ran last, one worker running 96-130 s alone at the end
 * (measured 2026-12-02 in the clean-clone run of 6390731). Kept by hand: the rest keeps vitest's order.
 */
const SLOW_FIRST = [
  'e2e/role-menus.e2e.ts',
  'e2e/phone-viewport.e2e.ts',
  'e2e/lifecycle.e2e.ts',
  'test/isolation.int.test.ts',
  'test/fuzz.int.test.ts',
  'test/imports.int.test.ts',
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.indexOf(path.relative(f.project.config.root, f.moduleId).split(path.sep).join('/'));
      return i === -1 ? SLOW_FIRST.length : i;
    };
    // Array.prototype.sort is stable: outside the list, vitest's own order stands.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
