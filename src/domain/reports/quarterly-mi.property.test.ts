// R-MI-1: shape properties of the quarterly management information on random fact sets — the figures do
// not depend on the order the facts arrive in (a read model may hand them over in any order), and the
// ladder's step counts at referral never exceed the registered (16a is a split of 1a).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../calendar.js';
import type { LadderStepFact, ReferralFact, ReportContract } from './facts.js';
import { periodContaining } from './periods.js';
import { quarterlyManagementInformation } from './quarterly-mi.js';

const CONTRACT: ReportContract = {
  municipalities: [{ code: 'm1', products: ['zp'] }, { code: 'm2', products: ['zp'] }],
  products: [{ code: 'zp', kind: 'participation' }],
  versions: [{ version: 1, validFrom: '2026-01-01' }],
};
const day = fc.integer({ min: 0, max: 540 }).map((n) => addCalendarDays('2026-01-01', n));
const maybe = fc.option(day, { nil: null });
const referral = (i: number): fc.Arbitrary<ReferralFact> =>
  fc.record({ participant: fc.integer({ min: 0, max: 6 }), municipality: fc.constantFrom('m1', 'm2'), referredOn: day, intakeHeldOn: maybe, startClassStartedOn: maybe, startedOn: maybe, endedOn: maybe }).map((r) => ({
    id: `r${i}`,
    participantId: `p${r.participant}`,
    municipality: r.municipality,
    product: 'zp',
    referredOn: r.referredOn,
    intakeHeldOn: r.intakeHeldOn,
    startClassStartedOn: r.startClassStartedOn,
    startedOn: r.startedOn,
    endedOn: r.endedOn,
  }));
const facts = fc.integer({ min: 0, max: 8 }).chain((n) =>
  fc.tuple(
    fc.tuple(...Array.from({ length: n }, (_, i) => referral(i))),
    fc
      .array(fc.record({ referralId: fc.integer({ min: 0, max: 8 }).map((i) => `r${i}`), moment: fc.constantFrom('atReferral' as const, 'during' as const, 'atEnd' as const), step: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const, 6 as const), recordedOn: day }), { maxLength: 12 })
      // recorded_at is unique in practice (microseconds); the index keeps it so here.
      .map((ls) => ls.map((l, i): LadderStepFact => ({ ...l, recordedAt: `${l.recordedOn}T10:00:${String(i).padStart(2, '0')}Z` }))),
  ),
);

describe('quarterly management information — properties', () => {
  const q = periodContaining('quarter', '2026-10-01');
  const shuffled = facts.chain(([referrals, ladder]) =>
    fc.tuple(fc.constant(referrals), fc.constant(ladder), fc.shuffledSubarray(referrals, { minLength: referrals.length }), fc.shuffledSubarray(ladder, { minLength: ladder.length })),
  );
  it('is independent of the order of the facts, and 16a splits no more than 1a', () => {
    fc.assert(
      fc.property(shuffled, ([referrals, ladder, referrals2, ladder2]) => {
        const input = { referrals, attendance: [], groups: [], routeChanges: [], ladder };
        const a = quarterlyManagementInformation(input, q, CONTRACT, 2);
        const b = quarterlyManagementInformation({ ...input, referrals: referrals2, ladder: ladder2 }, q, CONTRACT, 2);
        expect(b).toEqual(a);
        for (const f of a.cells.flatMap((c) => c.quarters)) {
          const split = Object.values(f.ladder?.atReferral ?? {}).reduce((x, y) => x + y, 0);
          expect(split).toBeLessThanOrEqual(f.registered);
        }
      }),
      { numRuns: 200 },
    );
  });
});
