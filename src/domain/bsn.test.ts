import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { generateValidBsn, isValidBsn, lastFourOfBsn, maskBsn, normaliseBsn } from './bsn.js';

/** Small seeded generator (mulberry32) so generateValidBsn runs are repeatable. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A rand that replays fast-check's values, so shrinking finds the smallest failing digits. */
const randSource = fc
  .array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 8, maxLength: 8 })
  .map((values) => {
    let i = 0;
    return () => values[i++ % values.length]!;
  });
const validBsn = randSource.map((rand) => generateValidBsn(rand));

describe('R-PAR-2 isValidBsn', () => {
  it('R-PAR-2 accepts numbers that pass the eleven-test', () => {
    // 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3−3 = 66 = 6·11
    expect(isValidBsn('111222333')).toBe(true);
    // 9·1+8·2+7·3+6·4+5·5+4·6+3·7+2·8−2 = 154 = 14·11
    expect(isValidBsn('123456782')).toBe(true);
    // A leading zero is part of the nine digits.
    expect(isValidBsn('012345672')).toBe(true);
  });

  it('R-PAR-2 rejects a failed eleven-test and all zeros', () => {
    expect(isValidBsn('123456789')).toBe(false); // sum 147, remainder 4
    expect(isValidBsn('000000000')).toBe(false);
  });

  it('R-PAR-2 requires exactly nine digits: 8 or 10 digits are invalid, no zero is padded', () => {
    expect(isValidBsn('12345672')).toBe(false); // valid as 012345672, but 8 digits given
    expect(isValidBsn('1234567820')).toBe(false);
    expect(isValidBsn('')).toBe(false);
  });

  it('R-PAR-2 rejects letters, signs and non-ASCII digits', () => {
    expect(isValidBsn('12345678a')).toBe(false);
    expect(isValidBsn('abcdefghi')).toBe(false);
    expect(isValidBsn('-23456782')).toBe(false);
    expect(isValidBsn('+12345678')).toBe(false);
    expect(isValidBsn('１２３４５６７８２')).toBe(false); // full-width digits
    expect(isValidBsn('1e8')).toBe(false);
  });

  it('R-PAR-2 trims surrounding spaces, but inner separators need normaliseBsn first', () => {
    expect(isValidBsn(' 123456782 ')).toBe(true);
    expect(isValidBsn('1234.56.782')).toBe(false);
    expect(isValidBsn(normaliseBsn('1234.56.782'))).toBe(true);
    expect(isValidBsn(normaliseBsn('123 456 782'))).toBe(true);
  });

  it('R-PAR-2 property: agrees with the eleven-test written out for every nine-digit string', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (s) => {
        const d = [...s].map(Number) as [number, number, number, number, number, number, number, number, number];
        const sum = 9 * d[0] + 8 * d[1] + 7 * d[2] + 6 * d[3] + 5 * d[4] + 4 * d[5] + 3 * d[6] + 2 * d[7] - d[8];
        expect(isValidBsn(s)).toBe(sum % 11 === 0 && s !== '000000000');
      }),
    );
  });
});

describe('R-PAR-2 generateValidBsn', () => {
  it('R-PAR-2 is deterministic given the random function', () => {
    expect(generateValidBsn(seeded(42))).toBe(generateValidBsn(seeded(42)));
    const many = Array.from({ length: 50 }, (_, i) => generateValidBsn(seeded(i)));
    expect(new Set(many).size).toBeGreaterThan(45);
  });

  it('R-PAR-2 handles extreme random functions without looping', () => {
    expect(isValidBsn(generateValidBsn(() => 0))).toBe(true);
    expect(isValidBsn(generateValidBsn(() => 0.999999999))).toBe(true);
    expect(() => generateValidBsn(() => 1)).toThrow(RangeError);
    expect(() => generateValidBsn(() => Number.NaN)).toThrow(RangeError);
  });

  it('R-PAR-2 property: every generated BSN is nine digits and passes isValidBsn', () => {
    fc.assert(
      fc.property(validBsn, (bsn) => {
        expect(bsn).toMatch(/^[1-9]\d{8}$/);
        expect(isValidBsn(bsn)).toBe(true);
      }),
    );
  });

  it('R-PAR-2 property: the eleven-test catches every single-digit error', () => {
    // Why it holds: changing digit i by δ (1 ≤ |δ| ≤ 9) changes the sum by wᵢ·δ with wᵢ ∈ {9…2, −1};
    // 11 is prime and divides neither wᵢ nor δ, so it cannot divide the change. All positions and all
    // nine replacement digits are checked exhaustively per generated BSN.
    fc.assert(
      fc.property(validBsn, (bsn) => {
        for (let i = 0; i < 9; i++) {
          for (let digit = 0; digit <= 9; digit++) {
            if (String(digit) === bsn[i]) continue;
            const changed = bsn.slice(0, i) + String(digit) + bsn.slice(i + 1);
            expect(isValidBsn(changed), changed).toBe(false);
          }
        }
      }),
    );
  });

  it('R-PAR-2 property: the eleven-test also catches every swap of two different adjacent digits', () => {
    // Swapping positions i and i+1 changes the sum by (wᵢ − wᵢ₊₁)·(dᵢ₊₁ − dᵢ): the weight difference is
    // 1, or 3 for the last pair (2 − (−1)), neither divisible by 11.
    fc.assert(
      fc.property(validBsn, (bsn) => {
        for (let i = 0; i < 8; i++) {
          if (bsn[i] === bsn[i + 1]) continue;
          const swapped = bsn.slice(0, i) + bsn[i + 1]! + bsn[i]! + bsn.slice(i + 2);
          expect(isValidBsn(swapped), swapped).toBe(false);
        }
      }),
    );
  });
});

describe('R-PAR-2 showing a BSN', () => {
  it('R-PAR-2 normaliseBsn strips spaces and dots only', () => {
    expect(normaliseBsn(' 1234.56.782 ')).toBe('123456782');
    expect(normaliseBsn('123\t456\n782')).toBe('123456782');
    expect(normaliseBsn('123-456-782')).toBe('123-456-782');
  });

  it('R-PAR-2 maskBsn shows only the last four digits', () => {
    expect(maskBsn('123456782')).toBe('*****6782');
    expect(maskBsn('1234.56.782')).toBe('*****6782');
  });

  it('R-PAR-2 maskBsn masks a malformed value completely instead of leaking part of it', () => {
    expect(maskBsn('12345678')).toBe('*********');
    expect(maskBsn('')).toBe('*********');
  });

  it('R-PAR-2 lastFourOfBsn returns four digits and throws on a malformed value without echoing it', () => {
    expect(lastFourOfBsn('111222333')).toBe('2333');
    expect(lastFourOfBsn('012345672')).toBe('5672');
    let error: unknown;
    try {
      lastFourOfBsn('12345678');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RangeError);
    expect((error as Error).message).not.toContain('12345678');
  });

  it('R-PAR-2 property: a masked BSN contains no more than its last four digits', () => {
    fc.assert(
      fc.property(validBsn, (bsn) => {
        const masked = maskBsn(bsn);
        expect(masked).toHaveLength(9);
        expect(masked.replace(/\*/g, '')).toBe(bsn.slice(5));
      }),
    );
  });
});
