// The login throttle policy (ASVS 5.0 V6.3.1 / 4.0 V2.2.1; docs/security.md). Pure numbers and one
// decision; the counters live in the database (src/features/sessions/throttle.ts).
//
// - Per account and address (pair): a few free tries, then a growing delay before the next password
//   is checked from that address. It slows a guesser; the owner elsewhere is not touched.
// - Per address: a cap on attempts over all accounts in a window, against spraying many accounts.
// - Per account (soft): when many addresses fail on one account, a right password alone no longer
//   opens a session from a new address: the second factor (which the owner has) or a known address
//   does. Nobody can lock the owner out by failing on purpose.

export const WINDOW_SECONDS = 15 * 60;
/** Failed tries from one address on one account before the delay starts. */
export const PAIR_FREE_ATTEMPTS = 5;
export const PAIR_FIRST_DELAY_SECONDS = 15;
export const PAIR_MAX_DELAY_SECONDS = 15 * 60;
/** Password attempts from one address over all accounts per window. */
export const ADDRESS_MAX_ATTEMPTS = 30;
/** Failures on one account (all addresses) per window after which the account counts as under attack. */
export const ACCOUNT_SOFT_LIMIT = 10;
/** Wrong second-factor codes on one pending login; then the password is needed again. */
export const FACTOR_ATTEMPTS_PER_LOGIN = 5;
/** Wrong second-factor codes on one account per window. */
export const FACTOR_MAX_FAILURES = 10;
/** A good login from an address within this time makes it known to the account. */
export const KNOWN_ADDRESS_DAYS = 90;

/**
 * Seconds to wait after the n-th consecutive failure (n ≥ 1) before the next password is checked from
 * the same address for the same account: 0 for the free tries, then 15 s doubling, at most 15 minutes.
 */
export function pairDelaySeconds(failures: number): number {
  if (failures < PAIR_FREE_ATTEMPTS) return 0;
  const exponent = Math.min(failures - PAIR_FREE_ATTEMPTS, 20);
  return Math.min(PAIR_FIRST_DELAY_SECONDS * 2 ** exponent, PAIR_MAX_DELAY_SECONDS);
}

export type PasswordOutcome = 'session' | 'secondFactor' | 'enrol' | 'waitUnderAttack';

/**
 * What a right password leads to. A user with a second factor always gives it; a role that needs one
 * enrols first. Under attack, a user without a factor logs in only from a known address: elsewhere
 * the answer is to wait (or to use an address it used before), never a lock on the account.
 */
export function afterRightPassword(facts: { hasFactor: boolean; factorRequired: boolean; underAttack: boolean; knownAddress: boolean }): PasswordOutcome {
  if (facts.hasFactor) return 'secondFactor';
  if (facts.underAttack && !facts.knownAddress) return 'waitUnderAttack';
  if (facts.factorRequired) return 'enrol';
  return 'session';
}
