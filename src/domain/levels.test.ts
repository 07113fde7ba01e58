// R-LVL-1 (004 §1.1, §1.2).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CefrLevels,
  compareLevels,
  gapPerSkill,
  isAtLeast,
  isBelow,
  isCefrLevel,
  isComponentDone,
  levelRank,
  meetsTargets,
  skillsBelowTarget,
  uniformProfile,
  withCurrent,
  withTarget,
} from './levels.js';

const level = fc.constantFrom(...CefrLevels);

describe('CEFR levels (R-LVL-1)', () => {
  it('orders A0 < A1 < A2 < B1 < B2', () => {
    expect(CefrLevels.map(levelRank)).toEqual([0, 1, 2, 3, 4]);
    expect(compareLevels('A2', 'B1')).toBe(-1);
    expect(compareLevels('B2', 'B1')).toBe(1);
    expect(compareLevels('B1', 'B1')).toBe(0);
    expect(['B2', 'A0', 'B1', 'A2', 'A1'].filter(isCefrLevel).sort(compareLevels)).toEqual(['A0', 'A1', 'A2', 'B1', 'B2']);
    expect(isAtLeast('B1', 'B1')).toBe(true);
    expect(isBelow('A2', 'B1')).toBe(true);
    expect(isCefrLevel('C1')).toBe(false);
  });

  it('property: compareLevels is antisymmetric and agrees with the ranks', () => {
    fc.assert(
      fc.property(level, level, (a, b) => {
        expect(compareLevels(a, b)).toBe(-compareLevels(b, a) || 0);
        expect(isAtLeast(a, b)).toBe(!isBelow(a, b));
      }),
    );
  });

  it('KNM, MAP and PVT are done when passed or exempt', () => {
    expect(isComponentDone('passed')).toBe(true);
    expect(isComponentDone('exempt')).toBe(true);
    expect(isComponentDone('inProgress')).toBe(false);
    expect(isComponentDone('notStarted')).toBe(false);
  });
});

describe('level profile per skill (R-LVL-1, 004 §1.1)', () => {
  it('keeps skills apart: lowering writing to A2 leaves speaking at B1', () => {
    const b1 = uniformProfile('B1');
    const lowered = withTarget(b1, 'writing', 'A2');
    expect(lowered.writing.target).toBe('A2');
    expect(lowered.speaking.target).toBe('B1');
    expect(lowered.reading.target).toBe('B1');
    expect(lowered.listening.target).toBe('B1');
    expect(b1.writing.target).toBe('B1'); // the original is not changed
  });

  it('gap per skill against each skill’s own target', () => {
    let p = withTarget(uniformProfile('B1'), 'writing', 'A2');
    p = withCurrent(withCurrent(withCurrent(p, 'writing', 'A2'), 'speaking', 'A1'), 'reading', 'B2');
    expect(gapPerSkill(p)).toEqual({ reading: 0, writing: 0, listening: null, speaking: 2 });
    expect(skillsBelowTarget(p)).toEqual(['speaking']);
    expect(meetsTargets(p)).toBe(false);
    p = withCurrent(withCurrent(p, 'speaking', 'B1'), 'listening', 'B1');
    expect(meetsTargets(p)).toBe(true);
  });

  it('an untested skill does not meet its target', () => {
    expect(meetsTargets(uniformProfile('A2'))).toBe(false);
    expect(meetsTargets(uniformProfile('A2', 'A2'))).toBe(true);
  });

  it('property: changing one skill never changes another', () => {
    fc.assert(
      fc.property(level, level, fc.constantFrom('reading' as const, 'writing' as const, 'listening' as const, 'speaking' as const), (base, next, skill) => {
        const before = uniformProfile(base, base);
        const after = withCurrent(withTarget(before, skill, next), skill, next);
        for (const s of ['reading', 'writing', 'listening', 'speaking'] as const) {
          if (s !== skill) expect(after[s]).toEqual(before[s]);
        }
        expect(gapPerSkill(after)[skill]).toBe(0);
      }),
    );
  });
});
