// R-MAP-1, R-MAP-2, R-MAP-4, R-HRS-1, R-HRS-2 (issue #12).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activityHourKind,
  ladderRaised,
  LadderMoments,
  latestLadderSteps,
  mapPracticalStatus,
  mapReadiness,
  MapThemes,
  minutesByActivityHourKind,
  minutesByActivityKind,
  ParticipationActivityKinds,
  participationMeetingsDue,
  type ActivityHours,
  type LadderRecord,
} from './participation.js';

const act = (endDate: string, hours: number, over: Partial<ActivityHours> = {}): ActivityHours => ({ kind: 'volunteering', product: 'participation', endDate, minutes: hours * 60, ...over });

describe('participation hours per kind (R-MAP-2, R-HRS-1)', () => {
  it('counts minutes per activity kind, zero for kinds without activities', () => {
    const m = minutesByActivityKind([act('2027-02-01', 3), act('2027-02-08', 2), act('2027-02-08', 4, { kind: 'companyVisit' })]);
    expect(m.volunteering).toBe(5 * 60);
    expect(m.companyVisit).toBe(4 * 60);
    expect(m.internship).toBe(0);
    expect(Object.keys(m)).toEqual([...ParticipationActivityKinds]);
  });

  it('a MAP practical kind under a MAP referral is MAP practical part; elsewhere participation or internship', () => {
    expect(activityHourKind('workExperience', 'map')).toBe('mapPractical');
    expect(activityHourKind('companyVisit', 'map')).toBe('mapPractical');
    expect(activityHourKind('workOrientation', 'map')).toBe('participation');
    expect(activityHourKind('workExperience', 'participation')).toBe('participation');
    expect(activityHourKind('internship', 'participation')).toBe('internship');
    const h = minutesByActivityHourKind([act('2027-02-01', 10, { product: 'map' }), act('2027-02-01', 5), act('2027-02-01', 2, { kind: 'internship' })]);
    expect(h).toEqual({ participation: 5 * 60, mapPractical: 10 * 60, internship: 2 * 60 });
  });

  it('property: the per-kind minutes add up to all minutes, whatever the order', () => {
    const arb = fc.array(
      fc.record({ kind: fc.constantFrom(...ParticipationActivityKinds), product: fc.constantFrom('participation' as const, 'map' as const), endDate: fc.constant('2027-03-01'), minutes: fc.integer({ min: 1, max: 6000 }) }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (acts) => {
        const total = acts.reduce((s, a) => s + a.minutes, 0);
        const byKind = Object.values(minutesByActivityKind(acts)).reduce((s, m) => s + m, 0);
        const byHourKind = Object.values(minutesByActivityHourKind(acts)).reduce((s, m) => s + m, 0);
        expect(byKind).toBe(total);
        expect(byHourKind).toBe(total);
      }),
    );
  });
});

describe('MAP practical part (R-MAP-1, 001 §3: at least 40 hours)', () => {
  it('39 hours is not enough, 40 hours is', () => {
    const at39 = mapPracticalStatus([act('2027-02-01', 20, { product: 'map', kind: 'workExperience' }), act('2027-02-08', 19, { product: 'map', kind: 'companyVisit' })]);
    expect(at39).toEqual({ minutes: 39 * 60, requiredMinutes: 40 * 60, met: false, remainingMinutes: 60 });
    const at40 = mapPracticalStatus([act('2027-02-01', 20, { product: 'map', kind: 'workExperience' }), act('2027-02-08', 20, { product: 'map', kind: 'companyVisit' })]);
    expect(at40.met).toBe(true);
    expect(at40.remainingMinutes).toBe(0);
  });

  it('hours outside the MAP practical part do not count towards it', () => {
    const s = mapPracticalStatus([act('2027-02-01', 39, { product: 'map' }), act('2027-02-01', 10, { product: 'participation' }), act('2027-02-01', 10, { product: 'map', kind: 'localActivity' })]);
    expect(s.met).toBe(false);
  });
});

describe('the participation meeting per 200 hours (R-HRS-2, 001 §2.3.2)', () => {
  it('the n-th meeting is due when the cumulative hours reach n × 200, on that activity\'s end date', () => {
    expect(participationMeetingsDue([act('2027-02-01', 150), act('2027-03-01', 49)])).toEqual([]);
    expect(participationMeetingsDue([act('2027-03-01', 50), act('2027-02-01', 150)])).toEqual([{ n: 1, reachedOn: '2027-03-01' }]);
    // One long activity passing two multiples makes both meetings due.
    expect(participationMeetingsDue([act('2027-02-01', 100), act('2027-06-01', 320)])).toEqual([
      { n: 1, reachedOn: '2027-06-01' },
      { n: 2, reachedOn: '2027-06-01' },
    ]);
  });

  it('property: exactly floor(total / 200 h) meetings, numbered 1…n, independent of input order', () => {
    const arb = fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), minutes: fc.integer({ min: 1, max: 9000 }) }), { maxLength: 30 });
    fc.assert(
      fc.property(arb, (rows) => {
        const acts = rows.map((r) => act(`2027-02-${String(r.day).padStart(2, '0')}`, 0, { minutes: r.minutes }));
        const total = acts.reduce((s, a) => s + a.minutes, 0);
        const due = participationMeetingsDue(acts);
        expect(due.length).toBe(Math.floor(total / (200 * 60)));
        expect(due.map((m) => m.n)).toEqual(due.map((_, i) => i + 1));
        expect(participationMeetingsDue([...acts].reverse()).map((m) => m.n)).toEqual(due.map((m) => m.n));
      }),
    );
  });
});

describe('participation ladder (R-MAP-4, 001 Bijlage 5 item 16)', () => {
  const rec = (moment: LadderRecord['moment'], step: LadderRecord['step'], recordedOn: string, recordedAt = `${recordedOn}T10:00:00.000Z`): LadderRecord => ({ moment, step, recordedOn, recordedAt });

  it('the latest record per moment counts; earlier records stay in the history', () => {
    const history = [rec('atReferral', 2, '2027-01-10'), rec('during', 3, '2027-04-01'), rec('during', 4, '2027-07-01'), rec('during', 3, '2027-07-01', '2027-07-01T09:00:00.000Z')];
    const latest = latestLadderSteps(history);
    expect(latest.atReferral?.step).toBe(2);
    expect(latest.during?.step).toBe(4);
    expect(latest.atEnd).toBeUndefined();
    expect(history).toHaveLength(4);
    expect(ladderRaised(history)).toBe(true);
    expect(ladderRaised([rec('atReferral', 3, '2027-01-10'), rec('during', 3, '2027-04-01')])).toBe(false);
  });

  it('property: the latest per moment is a record of that moment, and none of that moment is later', () => {
    const arb = fc.array(
      fc.record({ moment: fc.constantFrom(...LadderMoments), step: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const, 6 as const), day: fc.integer({ min: 10, max: 28 }), hour: fc.integer({ min: 10, max: 23 }) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const history = rows.map((r) => rec(r.moment, r.step, `2027-02-${r.day}`, `2027-02-${r.day}T${r.hour}:00:00.000Z`));
        const latest = latestLadderSteps(history);
        for (const m of LadderMoments) {
          const of = history.filter((h) => h.moment === m);
          const l = latest[m];
          if (of.length === 0) expect(l).toBeUndefined();
          else {
            expect(l?.moment).toBe(m);
            for (const h of of) expect(`${h.recordedOn}${h.recordedAt}` <= `${l?.recordedOn}${l?.recordedAt}`).toBe(true);
          }
        }
      }),
    );
  });
});

describe('MAP themes (R-MAP-1, 001 §3)', () => {
  const practical = (hours: number) => mapPracticalStatus([act('2027-02-01', hours, { product: 'map', kind: 'workExperience' })]);
  const allDone = Object.fromEntries(MapThemes.map((t) => [t, 'done' as const]));

  it('lists the eight themes, unrecorded ones not started', () => {
    const r = mapReadiness({ network: 'inProgress', workCulture: 'done' }, practical(0));
    expect(r.themes).toHaveLength(8);
    expect(r.themes.find((t) => t.theme === 'careerOrientation')?.status).toBe('notStarted');
    expect(r.done).toBe(1);
  });

  it('is ready for the end conversation only with all eight themes done and 40 practical hours', () => {
    expect(mapReadiness(allDone, practical(40)).readyForEndConversation).toBe(true);
    expect(mapReadiness(allDone, practical(39)).readyForEndConversation).toBe(false);
    expect(mapReadiness({ ...allDone, findingWork: 'inProgress' }, practical(60)).readyForEndConversation).toBe(false);
  });
});
