import { describe, expect, it } from 'vitest';
import { countedActivityFacts } from './activity-hours.js';
import { milestonesReached } from './hours.js';
import type { ActivityHours } from './participation.js';

const map = (kind: ActivityHours['kind'], endDate: string, hours: number): ActivityHours => ({ kind, product: 'map', endDate, minutes: hours * 60 });

describe('participation activities toward the hour milestones (R-HRS-1)', () => {
  const activities = [map('workExperience', '2027-01-10', 30), map('workOrientation', '2027-01-11', 5), { kind: 'volunteering' as const, product: 'participation' as const, endDate: '2027-01-12', minutes: 600 }];

  it('counts nothing by default, and only the kinds the contract names', () => {
    expect(countedActivityFacts(activities, [])).toEqual([]);
    // Work experience under MAP is the practical part; work orientation and Z-route volunteering are participation.
    expect(countedActivityFacts(activities, ['mapPractical'])).toEqual([{ date: '2027-01-10', kind: 'mapPractical', minutes: 1800, startClass: false }]);
    expect(countedActivityFacts(activities, ['participation']).map((f) => f.minutes)).toEqual([300, 600]);
  });

  it('moves a milestone forward when the MAP practical hours count (190 lesson hours + 30 practical ≥ 200)', () => {
    const lessons = [{ date: '2027-01-05', kind: 'language' as const, minutes: 190 * 60, startClass: false }];
    expect(milestonesReached(lessons, [200])).toEqual([]);
    expect(milestonesReached([...lessons, ...countedActivityFacts(activities, ['mapPractical'])], [200])).toEqual([{ milestoneHours: 200, reachedOn: '2027-01-10' }]);
  });
});
