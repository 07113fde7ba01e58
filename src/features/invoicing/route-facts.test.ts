// 002 §2.4 product 6 "+ PVT-kosten indien afgerond": the day Koers knows the PVT was completed, from the
// month the Onderwijsroute report names (pvtCompletedOn in route-facts.ts).
import { describe, expect, it } from 'vitest';
import { pvtCompletedOn } from './route-facts.js';

describe('pvtCompletedOn', () => {
  it('is the submission of the first report naming a month, or that month\'s first day when later', () => {
    expect(pvtCompletedOn([{ submittedOn: '2025-02-03', pvtMonth: null }, { submittedOn: '2025-08-04', pvtMonth: '2025-06' }, { submittedOn: '2026-01-10', pvtMonth: '2025-12' }])).toBe('2025-08-04');
    expect(pvtCompletedOn([{ submittedOn: '2025-08-04', pvtMonth: '2025-09' }])).toBe('2025-09-01');
  });
  it('is undefined while no report names a valid month', () => {
    expect(pvtCompletedOn([])).toBeUndefined();
    expect(pvtCompletedOn([{ submittedOn: '2025-08-04', pvtMonth: null }, { submittedOn: '2025-08-05', pvtMonth: '2025-13' }])).toBeUndefined();
  });
});
