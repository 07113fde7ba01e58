import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SMALL_CELL_THRESHOLD, suppressSmall } from './small-cells.js';

describe('suppressSmall (R-MI-6)', () => {
  it('hides 1 to 4, shows 0 and 5 and more', () => {
    expect([0, 1, 4, 5, 12].map((n) => suppressSmall(n))).toEqual([0, null, null, 5, 12]);
  });

  it('never shows a count between 0 and the threshold, and shows every other count unchanged', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 50 }), (n, threshold) => {
        const shown = suppressSmall(n, threshold);
        if (n > 0 && n < threshold) expect(shown).toBeNull();
        else expect(shown).toBe(n);
      }),
    );
    expect(SMALL_CELL_THRESHOLD).toBe(5);
  });
});
