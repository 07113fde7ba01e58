// The settable clock (tests, demo) must give the date it was set to at any real time of day: it was the
// cause of failures after 22:00 UTC, when a summer date became the next day in Amsterdam.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettableClock } from './clock.js';

describe('SettableClock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(['2026-11-22T22:30:00Z', '2026-11-22T23:59:00Z', '2026-06-30T22:30:00Z', '2026-11-23T00:10:00Z'])('keeps the date set, at real time %s', (real) => {
    vi.useFakeTimers({ now: new Date(real) });
    const clock = new SettableClock('2027-06-01');
    expect(clock.today()).toBe('2027-06-01');
    clock.setToday('2027-12-24');
    expect(clock.today()).toBe('2027-12-24');
  });

  it('runs on from the date set, so timestamps stay ordered', () => {
    vi.useFakeTimers({ now: new Date('2026-11-22T22:30:00Z') });
    const clock = new SettableClock('2027-03-01');
    const a = clock.now().getTime();
    vi.advanceTimersByTime(1500);
    expect(clock.now().getTime() - a).toBe(1500);
  });
});
