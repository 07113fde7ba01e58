// The participant's timetable split into this week and next (R-PRT-2).
import { describe, expect, it } from 'vitest';
import { splitWeeks, weekdayIndex, type TimetableLesson } from './timetable';

const lesson = (date: string): TimetableLesson => ({ id: date, date, startTime: '09:00', minutes: 180, kind: 'language', cancelled: false, groupName: 'B1', location: 'Hoorn' });

describe('the timetable', () => {
  it('splits on the Monday a week after `from`: Sunday is this week, Monday the next', () => {
    const [thisWeek, nextWeek] = splitWeeks('2026-11-30', [lesson('2026-11-30'), lesson('2026-12-06'), lesson('2026-12-07'), lesson('2026-12-13')]);
    expect(thisWeek.map((l) => l.date)).toEqual(['2026-11-30', '2026-12-06']);
    expect(nextWeek.map((l) => l.date)).toEqual(['2026-12-07', '2026-12-13']);
  });

  it('names the weekday, Monday first', () => {
    expect(weekdayIndex('2026-11-30')).toBe(0);
    expect(weekdayIndex('2026-12-06')).toBe(6);
    expect(weekdayIndex('2026-12-08')).toBe(1);
  });
});
