// R-REF-2: every transition, allowed and refused, for both parties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, LifecycleEvents, possibleEvents, ReferralStatuses, type LifecycleEvent, type Party, type ReferralStatus } from './lifecycle.js';

const none = { startClassStartedOn: null };

describe('referral lifecycle (R-REF-2)', () => {
  it('walks the main track: referral to running, with a no-show and a returned plan', () => {
    const path: [LifecycleEvent, Party, ReferralStatus][] = [
      ['acknowledged', 'provider', 'acknowledged'],
      ['intakeInvited', 'provider', 'intakeInvited'],
      ['intakeNoShow', 'provider', 'intakeNoShow'],
      ['newIntakeAgreed', 'municipality', 'intakeNoShow'],
      ['intakeInvited', 'provider', 'intakeInvited'],
      ['intakeHeld', 'provider', 'intakeHeld'],
      ['planSubmitted', 'provider', 'planSubmitted'],
      ['planReturned', 'municipality', 'planReturned'],
      ['planSubmitted', 'provider', 'planSubmitted'],
      ['planApproved', 'municipality', 'planApproved'],
      ['planSigned', 'provider', 'planSigned'],
      ['started', 'provider', 'running'],
    ];
    let status: ReferralStatus = 'referred';
    let agreed = false;
    for (const [event, party, next] of path) {
      const d = decide({ status, ...none, newIntakeAgreed: agreed }, event, party);
      expect(d, `${event} from ${status}`).toEqual({ ok: true, status: next });
      agreed = event === 'newIntakeAgreed';
      status = next;
    }
  });

  it('R-REF-3, 001 §1.1: after a no-show the provider may not invite again until the municipality has agreed the new moment', () => {
    const noShow = { status: 'intakeNoShow' as const, ...none };
    expect(decide(noShow, 'intakeInvited', 'provider')).toEqual({ ok: false, reason: 'De gemeente spreekt na een no-show eerst een nieuw intakemoment af; daarna nodigt u opnieuw uit.' });
    expect(decide(noShow, 'newIntakeAgreed', 'provider')).toEqual({ ok: false, reason: 'Deze stap zet de gemeente.' });
    expect(possibleEvents(noShow, 'municipality')).toEqual(['newIntakeAgreed']);
    expect(possibleEvents({ ...noShow, newIntakeAgreed: true }, 'municipality')).toEqual([]);
    expect(possibleEvents({ ...noShow, newIntakeAgreed: true }, 'provider')).toEqual(['intakeInvited']);
    expect(decide({ status: 'intakeInvited', ...none }, 'newIntakeAgreed', 'municipality').ok).toBe(false);
  });

  it('the municipality decides on the plan; the provider takes every other step', () => {
    expect(decide({ status: 'planSubmitted', ...none }, 'planApproved', 'provider')).toEqual({ ok: false, reason: 'Deze stap zet de gemeente.' });
    expect(decide({ status: 'referred', ...none }, 'acknowledged', 'municipality')).toEqual({ ok: false, reason: 'Deze stap zet de aanbieder.' });
  });

  it('no start before the approved plan is signed (001 §1.4), and a start class only after the intake (R-REF-4)', () => {
    expect(decide({ status: 'planApproved', ...none }, 'started', 'provider').ok).toBe(false);
    expect(decide({ status: 'intakeInvited', ...none }, 'startClassStarted', 'provider').ok).toBe(false);
    expect(decide({ status: 'intakeHeld', ...none }, 'startClassStarted', 'provider')).toEqual({ ok: true, status: 'intakeHeld' });
    expect(decide({ status: 'intakeHeld', startClassStartedOn: '2027-01-05' }, 'startClassStarted', 'provider').ok).toBe(false);
  });

  it('a refusal names the current state in Dutch', () => {
    const d = decide({ status: 'running', ...none }, 'acknowledged', 'provider');
    expect(d).toEqual({ ok: false, reason: 'Dit kan niet nu de aanmelding de status "gestart" heeft.' });
  });

  it('property: every allowed step leads to a known state, and what is offered is exactly what is allowed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ReferralStatuses), fc.constantFrom(...LifecycleEvents), fc.constantFrom<Party>('municipality', 'provider'), (status, event, party) => {
        const d = decide({ status, ...none }, event, party);
        if (d.ok) expect(ReferralStatuses).toContain(d.status);
        expect(possibleEvents({ status, ...none }, party).includes(event)).toBe(d.ok);
      }),
    );
  });

  it('property: nothing leaves "running" except nothing', () => {
    for (const event of LifecycleEvents) for (const party of ['municipality', 'provider'] as const) expect(decide({ status: 'running', ...none }, event, party).ok).toBe(false);
  });
});
