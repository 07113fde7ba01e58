import { describe, expect, it } from 'vitest';
import { durationText } from './myParticipation';

describe('durationText', () => {
  it('says whole hours, minutes alone, or both', () => {
    expect(durationText(0)).toEqual({ key: 'duration.hours', hours: 0, minutes: 0 });
    expect(durationText(2400)).toEqual({ key: 'duration.hours', hours: 40, minutes: 0 });
    expect(durationText(45)).toEqual({ key: 'duration.minutes', hours: 0, minutes: 45 });
    expect(durationText(90)).toEqual({ key: 'duration.hoursMinutes', hours: 1, minutes: 30 });
  });
});
