// R-PAR-2, issue #9 hole 8: BSNs in free text (file names) are masked however they are written.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateValidBsn, isValidBsn } from './bsn.js';
import { containsBsnLike, maskBsnsInText } from './bsn-in-text.js';

describe('maskBsnsInText', () => {
  it('masks a BSN grouped with dots, spaces, dashes or underscores (the probe found scan-4970.64.960.pdf)', () => {
    expect(isValidBsn('497064960')).toBe(true);
    expect(maskBsnsInText('scan-4970.64.960.pdf')).toBe('scan-*****4960.pdf');
    expect(maskBsnsInText('scan 497 064 960.pdf')).toBe('scan *****4960.pdf');
    expect(maskBsnsInText('scan_4970-64-960_v2.pdf')).toBe('scan_*****4960_v2.pdf');
    expect(maskBsnsInText('4970 . 64 . 960')).toBe('*****4960');
    expect(maskBsnsInText('plan497064960getekend.pdf')).toBe('plan*****4960getekend.pdf');
  });

  it('masks nine digits that fail the eleven-test too when written as a BSN is: a mistyped BSN still names a person', () => {
    expect(isValidBsn('497064961')).toBe(false);
    expect(maskBsnsInText('scan 4970.64.961.pdf')).toBe('scan *****4961.pdf');
    expect(maskBsnsInText('scan 497 064 961.pdf')).toBe('scan *****4961.pdf');
    expect(maskBsnsInText('plan 123456789.pdf')).toBe('plan *****6789.pdf');
    // Nine digits in another grouping that fail the test: a version and a date, not a BSN.
    expect(maskBsnsInText('leerplan v2 2026-01-15.pdf')).toBe('leerplan v2 2026-01-15.pdf');
  });

  it('masks eight digits that are a BSN with its leading zero dropped, not other eight-digit numbers', () => {
    expect(isValidBsn('012345672')).toBe(true);
    expect(maskBsnsInText('scan 12345672.pdf')).toBe('scan *****5672.pdf');
    expect(maskBsnsInText('scan 12345678.pdf')).toBe('scan 12345678.pdf');
  });

  it('finds a BSN inside a longer number and leaves the rest of it', () => {
    expect(maskBsnsInText('2026-01-15 4970.64.960.pdf')).toBe('2026-01-15 *****4960.pdf');
    expect(maskBsnsInText('zaak 1234567890123.pdf')).toBe('zaak 1234567890123.pdf');
  });

  it('leaves short numbers, dates and versions, and full-width digits are read as digits', () => {
    expect(maskBsnsInText('leerplan v2 2026-01-15 (1).pdf')).toBe('leerplan v2 2026-01-15 (1).pdf');
    expect(maskBsnsInText('４９７０６４９６０.pdf')).toBe('*****4960.pdf');
    expect(containsBsnLike('scan-4970.64.960.pdf')).toBe(true);
    expect(containsBsnLike('leerplan.pdf')).toBe(false);
  });
});

const validBsn = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 8, maxLength: 8 }).map((values) => {
  let i = 0;
  return generateValidBsn(() => values[i++ % values.length] ?? 0);
});
const separators = fc.array(fc.stringMatching(/^[ ._\-\u00a0]{0,3}$/), { minLength: 8, maxLength: 8 });
const text = fc.string({ maxLength: 12 });

/** The text with every character that is not a digit as a break: what a reader could piece together. */
const digitRuns = (s: string) => s.normalize('NFKC').replace(/[\s._-]/g, '').split(/\D+/);

describe('maskBsnsInText (properties)', () => {
  it('R-PAR-2: for any valid BSN written with any separators in any text, its nine digits do not survive', () => {
    fc.assert(
      fc.property(validBsn, separators, text, text, (bsn, seps, before, after) => {
        const written = [...bsn].map((d, i) => d + (seps[i] ?? '')).join('');
        const out = maskBsnsInText(`${before}${written}${after}`);
        for (const run of digitRuns(out)) expect(run).not.toContain(bsn);
      }),
      { numRuns: 2000 },
    );
  });

  it('also with digits right before or after it (a date, a case number)', () => {
    fc.assert(
      fc.property(validBsn, separators, fc.stringMatching(/^[0-9]{0,6}$/), fc.stringMatching(/^[0-9]{0,6}$/), (bsn, seps, before, after) => {
        const written = [...bsn].map((d, i) => d + (seps[i] ?? '')).join('');
        for (const run of digitRuns(maskBsnsInText(`x${before}${written}${after}x`))) expect(run).not.toContain(bsn);
      }),
      { numRuns: 2000 },
    );
  });

  it('text without digits is left exactly as it was (after NFKC)', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !/[0-9]/.test(s.normalize('NFKC'))), (s) => {
        expect(maskBsnsInText(s)).toBe(s.normalize('NFKC'));
      }),
    );
  });
});
