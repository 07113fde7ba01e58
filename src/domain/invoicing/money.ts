// Whole euro cents only (issue #11): an amount is split by integer shares with the largest-remainder
// rule, so the parts always add up to the total to the cent and no part is negative.

/**
 * Splits `totalCents` over `weights` in proportion. Each part first gets floor(total × w / Σw); the
 * cents left over go one each to the parts with the largest remainder, and on equal remainders to the
 * earlier part (the earlier product of a schedule gets the extra cent). All weights 0: equal weights.
 */
export function spread(totalCents: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalCents) || totalCents < 0) throw new RangeError('spread: the total must be a non-negative whole number of cents');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('spread: weights must be non-negative integers');
  if (weights.length === 0) {
    if (totalCents !== 0) throw new RangeError('spread: nothing to spread over');
    return [];
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const ws = sum === 0 ? weights.map(() => 1) : weights;
  const total = BigInt(totalCents);
  const div = BigInt(sum === 0 ? weights.length : sum);
  const parts = ws.map((w) => (total * BigInt(w)) / div);
  const rest = ws.map((w, i) => ({ i, r: (total * BigInt(w)) % div }));
  let left = Number(total - parts.reduce((a, b) => a + b, 0n));
  rest.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of rest) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left--;
  }
  return parts.map(Number);
}

/** VAT on an amount excluding VAT, rounded half up to the cent (per line). */
export function vatCents(amountCents: number, ratePercent: number): number {
  return Math.floor((amountCents * ratePercent + 50) / 100);
}

/** "€ 14.000,00" for test names and messages. */
export function euro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€ ${whole},${String(abs % 100).padStart(2, '0')}`;
}
