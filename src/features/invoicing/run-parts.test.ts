// The pure parts of the invoicing run: a report's ordinal to the schedule's month, and the printed number.
import { describe, expect, it } from 'vitest';
import { containsBsnLike } from '../../domain/bsn-in-text.js';
import { invoiceNumberText } from './document.js';
import { progressReportMonths } from './route-facts.js';

describe('progressReportMonths', () => {
  it('gives the n-th report the month of the n-th progressReport item and drops reports beyond them', () => {
    const facts = { startedOn: '2026-01-12', progressReports: [1, 2, 3].map((month) => ({ month, deliveredOn: `2026-0${month + 6}-01` })) };
    expect(progressReportMonths(facts, [6, 12]).progressReports).toEqual([
      { month: 6, deliveredOn: '2026-07-01' },
      { month: 12, deliveredOn: '2026-08-01' },
    ]);
  });
});

describe('invoiceNumberText', () => {
  it('prints <PROVIDER>/<year>/<5 digits>', () => {
    expect(invoiceNumberText('echt-nederlands', '2026-08-01', 2)).toBe('ECHT-NEDERLANDS/2026/00002');
  });
  it('never reads as a BSN-like number, which the document guard would refuse', () => {
    for (let n = 1; n <= 20_000; n += 1) expect(containsBsnLike(invoiceNumberText('echt-nederlands', '2026-08-01', n))).toBe(false);
    // The dashed form it replaces did: "2026-00002" is nine digits that pass the eleven-test.
    expect(containsBsnLike('ECHT-NEDERLANDS-2026-00002')).toBe(true);
  });
});
