// The burgerservicenummer (R-PAR-2). Pure. No function here puts a BSN in an error message: errors end
// up in log lines, and R-PAR-2 forbids a BSN there.

// 9·d1 + 8·d2 + … + 2·d8 − 1·d9: the BSN variant of the eleven-test (the last weight is −1, not +1).
const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;
const NINE_DIGITS = /^\d{9}$/;

function elevenTestSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += WEIGHTS[i]! * Number(digits[i]);
  return sum;
}

/**
 * Input as people type it ('1234.56.782', '123 456 782') to the plain nine digits. It does not validate:
 * pass the result to isValidBsn.
 */
export function normaliseBsn(value: string): string {
  return value.replace(/[\s.]/g, '');
}

/**
 * R-PAR-2: exactly nine digits (after trimming surrounding spaces; no leading zero is added to eight
 * digits, because a silently padded number may belong to someone else), passing the eleven-test, and not
 * 000000000 (which passes the sum trivially).
 */
export function isValidBsn(value: string): boolean {
  const digits = value.trim();
  if (!NINE_DIGITS.test(digits) || digits === '000000000') return false;
  return elevenTestSum(digits) % 11 === 0;
}

/** The last four digits, the most R-PAR-2 allows to show where they suffice. */
export function lastFourOfBsn(bsn: string): string {
  const digits = normaliseBsn(bsn);
  if (!NINE_DIGITS.test(digits)) throw new RangeError('a BSN has nine digits');
  return digits.slice(5);
}

/**
 * '*****6782' for display (R-PAR-2). Something that is not nine digits is masked completely rather than
 * thrown on: a screen must still render, and a malformed value must not leak either.
 */
export function maskBsn(bsn: string): string {
  const digits = normaliseBsn(bsn);
  return NINE_DIGITS.test(digits) ? `*****${digits.slice(5)}` : '*********';
}

function randomDigit(rand: () => number, min: number): number {
  const r = rand();
  if (!(r >= 0 && r < 1)) throw new RangeError('rand must return a number in [0, 1)');
  return min + Math.floor(r * (10 - min));
}

/**
 * A BSN that passes the eleven-test, for demo data and tests; deterministic given `rand` (e.g. a seeded
 * generator). It calls `rand` exactly eight times and never loops, so no `rand` can make it hang.
 * The first digit is 1-9 so that spreadsheets do not eat a leading zero and the result is never all zeros.
 */
export function generateValidBsn(rand: () => number): string {
  const d = [randomDigit(rand, 1)];
  for (let i = 1; i < 8; i++) d.push(randomDigit(rand, 0));
  const partial = () => d.reduce((s, x, i) => s + WEIGHTS[i]! * x, 0);
  // The check digit d9 must equal the partial sum mod 11; a remainder of 10 has no digit. Changing d8
  // (weight 2) by one moves the remainder by 2, away from 10, so one adjustment always suffices.
  if (partial() % 11 === 10) d[7] = d[7]! === 9 ? 8 : d[7]! + 1;
  d.push(partial() % 11);
  return d.join('');
}
