// The login throttle policy (issue #9 hole 2, docs/security.md).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterRightPassword, PAIR_FREE_ATTEMPTS, PAIR_MAX_DELAY_SECONDS, pairDelaySeconds } from './login-throttle.js';

describe('pair delay', () => {
  it('gives the free tries, then 15 s doubling up to 15 minutes', () => {
    expect([1, 2, 3, 4].map(pairDelaySeconds)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 11, 12, 1000].map(pairDelaySeconds)).toEqual([15, 30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('property: never decreases with more failures and stays within the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(pairDelaySeconds(lo)).toBeLessThanOrEqual(pairDelaySeconds(hi));
        expect(pairDelaySeconds(hi)).toBeLessThanOrEqual(PAIR_MAX_DELAY_SECONDS);
        expect(pairDelaySeconds(hi) > 0).toBe(hi >= PAIR_FREE_ATTEMPTS);
      }),
    );
  });
});

describe('after the right password', () => {
  it('a user with a factor always gives it, also under attack', () => {
    expect(afterRightPassword({ hasFactor: true, factorRequired: false, underAttack: true, knownAddress: false })).toBe('secondFactor');
  });
  it('a required role without a factor enrols', () => {
    expect(afterRightPassword({ hasFactor: false, factorRequired: true, underAttack: false, knownAddress: false })).toBe('enrol');
  });
  it('under attack, a user without a factor gets in from a known address only', () => {
    expect(afterRightPassword({ hasFactor: false, factorRequired: false, underAttack: true, knownAddress: true })).toBe('session');
    expect(afterRightPassword({ hasFactor: false, factorRequired: false, underAttack: true, knownAddress: false })).toBe('waitUnderAttack');
  });
  it('property: the outcome is never a session for a user that has a factor', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), (factorRequired, underAttack, knownAddress) => {
        expect(afterRightPassword({ hasFactor: true, factorRequired, underAttack, knownAddress })).toBe('secondFactor');
      }),
    );
  });
});
