import { describe, expect, it } from 'vitest';
import { groupBy } from './group-by.js';

describe('groupBy', () => {
  it('keeps each group in the rows order and the groups in the order their key first appears', () => {
    const rows = [{ k: 'b', n: 1 }, { k: 'a', n: 2 }, { k: 'b', n: 3 }];
    const groups = groupBy(rows, (r) => r.k);
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')?.map((r) => r.n)).toEqual([1, 3]);
    expect(groups.get('a')?.map((r) => r.n)).toEqual([2]);
  });
});
