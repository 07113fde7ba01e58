// The random fact sets and corrections of test/read-model.property.int.test.ts (issue #13). Days are
// counted from 2026-01-01 over about four months, so windows see whole months and ragged ends.
import fc from 'fast-check';

const DAY0 = Date.UTC(2026, 0, 1);
export const dayOf = (n: number): string => new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10);
const DAYS = 125;

const LESSON = fc.record({
  group: fc.nat(1),
  day: fc.nat(DAYS),
  minutes: fc.constantFrom(60, 120, 180),
  kind: fc.constantFrom('language', 'language', 'knm', 'makeUp'),
  cancelled: fc.constantFrom(false, false, false, true),
  evening: fc.constantFrom(false, false, true),
});

const ATTENDANCE = fc.record({
  lesson: fc.nat(40),
  participant: fc.nat(2),
  // Above a lesson's minutes too: the cap at the lesson (R-ATT-3).
  minutes: fc.constantFrom(0, 0, 30, 60, 90, 120, 180, 240),
  classification: fc.constantFrom(null, 'authorised', 'unauthorised'),
});

// Per participant and group: none, one, or two placements back to back (the second may serve the other
// referral), the last one open or closed. Never two on one day in one group (the application's rule).
const PLACEMENTS = fc
  .array(
    fc.record({ participant: fc.nat(2), group: fc.nat(1), from: fc.nat(60), split: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }), end: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }), referral: fc.nat(1) }),
    { maxLength: 6 },
  )
  .map((xs) => {
    const seen = new Set<string>();
    const out: { participant: number; group: number; referral: number; from: number; to: number | null }[] = [];
    for (const x of xs) {
      const key = `${x.participant}/${x.group}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (x.split === null) out.push({ participant: x.participant, group: x.group, referral: x.referral, from: x.from, to: x.end === null ? null : x.from + x.end });
      else {
        out.push({ participant: x.participant, group: x.group, referral: x.referral, from: x.from, to: x.from + x.split });
        out.push({ participant: x.participant, group: x.group, referral: 1 - x.referral, from: x.from + x.split, to: x.end === null ? null : x.from + x.split + x.end });
      }
    }
    return out;
  });

export const FACTS = fc.record({
  lessons: fc.array(LESSON, { minLength: 1, maxLength: 14 }),
  placements: PLACEMENTS,
  attendance: fc.array(ATTENDANCE, { maxLength: 30 }),
});
export type Facts = typeof FACTS extends fc.Arbitrary<infer T> ? T : never;

export const CORRECTION = fc.oneof(
  fc.record({ op: fc.constant('lessonMinutes' as const), index: fc.nat(40), value: fc.constantFrom(30, 90, 240) }),
  fc.record({ op: fc.constant('lessonCancelled' as const), index: fc.nat(40), value: fc.constant(0) }),
  fc.record({ op: fc.constant('lessonMoved' as const), index: fc.nat(40), value: fc.nat(DAYS) }),
  fc.record({ op: fc.constant('lessonKind' as const), index: fc.nat(40), value: fc.constant(0) }),
  fc.record({ op: fc.constant('lessonGroup' as const), index: fc.nat(40), value: fc.nat(1) }),
  fc.record({ op: fc.constant('lessonStart' as const), index: fc.nat(40), value: fc.constant(0) }),
  fc.record({ op: fc.constant('placementEnded' as const), index: fc.nat(10), value: fc.nat(DAYS) }),
  fc.record({ op: fc.constant('placementMoved' as const), index: fc.nat(10), value: fc.constant(0) }),
  fc.record({ op: fc.constant('placementDeleted' as const), index: fc.nat(10), value: fc.constant(0) }),
  fc.record({ op: fc.constant('attendanceChanged' as const), index: fc.nat(40), value: fc.constantFrom(0, 45, 200) }),
  fc.record({ op: fc.constant('attendanceDeleted' as const), index: fc.nat(40), value: fc.constant(0) }),
  fc.record({ op: fc.constant('import' as const), index: fc.constant(0), value: fc.constant(0), rows: fc.array(ATTENDANCE, { minLength: 1, maxLength: 20 }) }),
);
export type Correction = (typeof CORRECTION extends fc.Arbitrary<infer T> ? T : never) & { rows?: Facts['attendance'] };
