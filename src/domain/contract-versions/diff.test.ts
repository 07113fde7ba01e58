// Issue #17 (R-CON-10): the readable diff of two contract versions.
import { describe, expect, it } from 'vitest';
import { diffVersions } from './diff.js';

describe('diffVersions', () => {
  it('names each changed value by its path, and leaves out the number and the dates', () => {
    const before = { version: 1, validFrom: '2026-01-01', deadlines: { intake: { amount: 10, unit: 'workingDays' } }, note: 'a' };
    const after = { version: 2, validFrom: '2027-01-01', deadlines: { intake: { amount: 8, unit: 'workingDays' } }, note: 'a' };
    expect(diffVersions(before, after)).toEqual([{ path: 'deadlines.intake.amount', kind: 'changed', before: '10', after: '8' }]);
  });

  it('matches lists by their code, so a reorder is no change and a new item is one line', () => {
    const r = (code: string, label: string) => ({ code, label });
    const before = { absenceProtocol: { reasons: [r('illness', 'Ziekte'), r('work', 'Werk')] } };
    const after = { absenceProtocol: { reasons: [r('work', 'Werk'), r('illness', 'Ziek'), r('other', 'Anders')] } };
    expect(diffVersions(before, after)).toEqual([
      { path: 'absenceProtocol.reasons[code=illness].label', kind: 'changed', before: 'Ziekte', after: 'Ziek' },
      { path: 'absenceProtocol.reasons[code=other]', kind: 'added', after: '{"code":"other","label":"Anders"}' },
    ]);
  });

  it('reports an added and a removed section, and nothing for equal versions', () => {
    expect(diffVersions({ a: { x: 1 } }, { b: 2 })).toEqual([
      { path: 'a', kind: 'removed', before: '{"x":1}' },
      { path: 'b', kind: 'added', after: '2' },
    ]);
    const v = { deadlines: { intake: { amount: 10 } }, list: [1, 2] };
    expect(diffVersions(v, structuredClone(v))).toEqual([]);
    expect(diffVersions({ list: [1, 2] }, { list: [2, 1] })).toEqual([{ path: 'list', kind: 'changed', before: '[1,2]', after: '[2,1]' }]);
  });
});
