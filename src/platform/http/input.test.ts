import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { INT32_MAX, INT32_MIN, int, isBadInputError, nulFields, queryInt, str } from './input.js';

describe('input primitives (issue #9 hole 5)', () => {
  it('int() takes exactly the whole numbers of PostgreSQL integer', () => {
    expect(int().safeParse(INT32_MAX).success).toBe(true);
    expect(int().safeParse(INT32_MIN).success).toBe(true);
    for (const bad of [INT32_MAX + 1, INT32_MIN - 1, 2 ** 53, 1.5, Number.NaN, Infinity, '1']) expect(int().safeParse(bad).success, String(bad)).toBe(false);
    fc.assert(fc.property(fc.integer({ min: INT32_MIN, max: INT32_MAX }), (n) => int().safeParse(n).success));
    fc.assert(fc.property(fc.oneof(fc.integer({ min: INT32_MAX + 1, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: Number.MIN_SAFE_INTEGER, max: INT32_MIN - 1 })), (n) => !int().safeParse(n).success));
  });

  it('a field bound chained after int() holds, and the OpenAPI shows it', () => {
    const minutes = int().min(1).max(600);
    expect(minutes.safeParse(0).success).toBe(false);
    expect(minutes.safeParse(600).success).toBe(true);
    expect(z.toJSONSchema(minutes)).toMatchObject({ type: 'integer', minimum: 1, maximum: 600 });
    expect(z.toJSONSchema(int())).toMatchObject({ minimum: INT32_MIN, maximum: INT32_MAX });
  });

  it('queryInt() reads a number from the query string within integer', () => {
    expect(queryInt().safeParse('2147483647').data).toBe(INT32_MAX);
    expect(queryInt().safeParse('2147483648').success).toBe(false);
    expect(queryInt().safeParse('abc').success).toBe(false);
    expect(queryInt().safeParse('1.5').success).toBe(false);
  });

  it('str() refuses a NUL anywhere and keeps the string methods', () => {
    const name = str().trim().min(1).max(10);
    expect(name.safeParse('  Amina ').data).toBe('Amina');
    expect(name.safeParse('Am\u0000ina').success).toBe(false);
    expect(name.safeParse('\u0000').success).toBe(false);
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => !str().safeParse(`${a}\u0000${b}`).success));
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\u0000')), (s) => str().safeParse(s).success));
  });

  it('nulFields names every string and key with a NUL by its path', () => {
    expect(nulFields({ a: 'x', b: ['ok', 'n\u0000'], c: { d: '\u0000' }, e: 3, f: null })).toEqual(['b.1', 'c.d']);
    expect(nulFields({ content: { hoursByKind: { 'k\u0000': 1 } } })).toEqual(['content.hoursByKind']);
    expect(nulFields({ 'k\u0000': 1 })).toEqual(['']);
    expect(nulFields(Buffer.from([0, 0, 0]))).toEqual([]);
    expect(nulFields(undefined)).toEqual([]);
    expect(nulFields(Array.from({ length: 100 }, () => '\u0000'))).toHaveLength(20);
  });

  it('isBadInputError: the calendar\'s RangeError and PostgreSQL data exceptions of input, nothing else', () => {
    expect(isBadInputError(new RangeError('date out of range'))).toBe(true);
    for (const code of ['22021', '22003', '22008', '22007']) expect(isBadInputError(Object.assign(new Error('x'), { code }))).toBe(true);
    for (const code of ['23505', '42P01', '40001', 22003]) expect(isBadInputError(Object.assign(new Error('x'), { code }))).toBe(false);
    expect(isBadInputError(new TypeError('x'))).toBe(false);
    expect(isBadInputError(null)).toBe(false);
  });
});
