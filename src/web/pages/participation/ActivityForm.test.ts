// The hours a coordinator types become the API's minutes (R-MAP-2): Dutch decimal comma or a point.
import { describe, expect, it } from 'vitest';
import { minutesOf } from './ActivityForm';

describe('minutesOf', () => {
  it('reads whole and partial hours with a comma or a point', () => {
    expect(minutesOf('3')).toBe(180);
    expect(minutesOf('2,5')).toBe(150);
    expect(minutesOf(' 1.25 ')).toBe(75);
  });
  it('refuses what is no positive number of hours', () => {
    for (const bad of ['', '0', '-1', 'twee', '1,2,3', '1e3']) expect(minutesOf(bad)).toBeUndefined();
  });
});
