// 002 eis 12-13: calendar half years, and the contract check that a centre is a municipality of the
// same contract that is its own centre.
import { describe, expect, it } from 'vitest';
import { centreIssues } from '../../domain/invoicing/contract-data.js';
import { endedHalfYears, halfYearBounds } from './rounds.js';

describe('the half-year round', () => {
  it('2026-H1 runs from 1 January to 30 June, 2026-H2 from 1 July to 31 December', () => {
    expect(halfYearBounds('2026-H1')).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(halfYearBounds('2026-H2')).toEqual({ start: '2026-07-01', end: '2026-12-31' });
  });

  it('a centre must be a municipality of the contract that is its own centre', () => {
    const m = (code: string, centre?: string) => ({ code, invoicing: centre === undefined ? undefined : { centre } });
    expect(centreIssues([m('leiden', 'leiden'), m('leiderdorp', 'leiden'), m('midden-delfland')])).toEqual([]);
    expect(centreIssues([m('leiden', 'leiden'), m('katwijk', 'den-haag')]).map((i) => i.message)).toEqual(['unknown municipality "den-haag"']);
    expect(centreIssues([m('leiden', 'leiderdorp'), m('leiderdorp')]).map((i) => [i.path.join('.'), i.message])).toEqual([['municipalities.0.invoicing.centre', '"leiderdorp" is not its own centre']]);
  });
});

describe('the ended half years offered', () => {
  it('on 1 July 2026 the latest is 2026-H1; on 29 June 2026 it is 2025-H2; none before the term', () => {
    expect(endedHalfYears('2026-07-01', '2022-07-01', 3)).toEqual(['2026-H1', '2025-H2', '2025-H1']);
    expect(endedHalfYears('2026-06-29', '2022-07-01', 2)).toEqual(['2025-H2', '2025-H1']);
    expect(endedHalfYears('2023-03-01', '2022-07-01', 6)).toEqual(['2022-H2']);
    // The round accepts a half year on its last day (not in the future), so the form offers it then too.
    expect(endedHalfYears('2026-12-31', '2022-07-01', 1)).toEqual(['2026-H2']);
  });
});
