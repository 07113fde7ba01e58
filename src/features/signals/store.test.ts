// The store accepts only the kinds of src/domain/signal-cause.ts, each with its own subject type: a
// string or a mismatched subject does not compile (`npm run typecheck` checks the expect-errors).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { SIGNAL_CAUSES, SignalCauses, type SignalCause } from '../../domain/signal-cause.js';
import type { NewSignal, SignalKey } from './store.js';

const base = { period: 'p', addressee: 'provider', dueDate: '2027-03-01', municipalityId: 'm', providerId: null, participantId: null, productCode: null } as const;

describe('the signal store accepts SignalCause only', () => {
  it('takes exactly the causes of the list, each with the subject type the list gives it', () => {
    expectTypeOf<NewSignal['cause']>().toEqualTypeOf<SignalCause>();
    expectTypeOf<SignalKey['cause']>().toEqualTypeOf<SignalCause>();
    const ok: NewSignal[] = SignalCauses.flatMap((c): NewSignal[] => {
      const subject = SIGNAL_CAUSES[c].subject;
      // A cause only fits its own subject type (checked below for one of each).
      return [{ ...base, cause: c, subject: { type: subject, id: 'x' } } as NewSignal];
    });
    expect(ok.map((s) => s.subject.type)).toEqual(SignalCauses.map((c) => SIGNAL_CAUSES[c].subject));

    const fine: NewSignal[] = [
      { ...base, cause: 'referral.acknowledgement', subject: { type: 'referral', id: 'r' } },
      { ...base, cause: 'absence.frequent', subject: { type: 'participant', id: 'p' } },
      { ...base, cause: 'exam.passRateLow', subject: { type: 'provider', id: 'v' } },
    ];
    expect(fine).toHaveLength(3);
    // @ts-expect-error a kind that is not a SignalCause
    const unknown: NewSignal = { ...base, cause: 'absence.sometimes', subject: { type: 'participant', id: 'p' } };
    // @ts-expect-error a participant cause about a referral
    const wrongSubject: NewSignal = { ...base, cause: 'absence.frequent', subject: { type: 'referral', id: 'r' } };
    expect([unknown, wrongSubject]).toHaveLength(2);
  });
});
