// R-PRT-1: where the participant is, what comes next, and the status they read.
import { describe, expect, it } from 'vitest';
import { nextStep, statusKey, whereKey } from './position';

const base = {
  provider: { name: 'Taalpunt', referralId: '00000000-0000-4000-8000-000000000001', work: false },
  routeState: 'running' as const,
  hours: { made: 120, nt2Lessons: 120, target: 600 },
  status: { started: true, status: 'onTrack' as const, overrideReason: null, milestones: [{ hours: 200, projectedOn: '2027-03-01', beforeTermEnd: true }] },
};

describe('the participant\'s position in the route', () => {
  it('names the phase: no school yet, not started, running, on hold, ended', () => {
    expect(whereKey({ ...base, provider: null })).toBe('whereNoProvider');
    expect(whereKey({ ...base, status: { ...base.status, started: false } })).toBe('whereNotStarted');
    expect(whereKey(base)).toBe('whereRunning');
    expect(whereKey({ ...base, routeState: 'onHold' })).toBe('wherePaused');
    expect(whereKey({ ...base, routeState: 'ended' })).toBe('whereEnded');
  });

  it('a participation or MAP provider is named as such, not as the language school', () => {
    const work = { ...base, provider: { ...base.provider, name: 'WerkWijs', work: true } };
    expect(whereKey({ ...work, status: { ...work.status, started: false } })).toBe('whereNotStartedWork');
    expect(whereKey(work)).toBe('whereRunningWork');
    expect(nextStep({ ...work, status: { ...work.status, started: false } })).toEqual({ key: 'nextUnknownWork' });
  });

  it('what comes next: the next milestone with its date; nothing to forecast before the start', () => {
    expect(nextStep(base)).toEqual({ key: 'nextMilestone', hours: 200, by: '2027-03-01' });
    expect(nextStep({ ...base, status: { ...base.status, started: false } })).toEqual({ key: 'nextUnknown' });
    expect(nextStep({ ...base, hours: { ...base.hours, made: 600 } })).toEqual({ key: 'nextNone' });
  });

  it('before the start the status says so, never "behind"; an override of the school is shown', () => {
    expect(statusKey({ ...base, status: { ...base.status, started: false, status: 'behind' } })).toBe('notStarted');
    expect(statusKey({ ...base, status: { ...base.status, started: false, status: 'behind', overrideReason: 'Niet verschenen' } })).toBe('behind');
    expect(statusKey({ ...base, status: { ...base.status, status: 'atRisk' } })).toBe('atRisk');
  });
});
