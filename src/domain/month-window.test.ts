import { describe, expect, it } from 'vitest';
import { splitByMonths } from './month-window.js';

describe('splitByMonths', () => {
  it('a quarter is three whole months and no days', () => {
    expect(splitByMonths('2026-04-01', '2026-06-30')).toEqual({ months: { from: '2026-04-01', to: '2026-06-01' }, days: [] });
  });
  it('one whole month', () => {
    expect(splitByMonths('2026-02-01', '2026-02-28')).toEqual({ months: { from: '2026-02-01', to: '2026-02-01' }, days: [] });
  });
  it('ragged ends: the days before the first and after the last whole month', () => {
    // 15 April .. 10 July: May and June whole; 15–30 April and 1–10 July from the raw facts.
    expect(splitByMonths('2026-04-15', '2026-07-10')).toEqual({
      months: { from: '2026-05-01', to: '2026-06-01' },
      days: [{ from: '2026-04-15', to: '2026-04-30' }, { from: '2026-07-01', to: '2026-07-10' }],
    });
  });
  it('a window inside one month, or across two without a whole one, is days only', () => {
    expect(splitByMonths('2026-04-02', '2026-04-29')).toEqual({ days: [{ from: '2026-04-02', to: '2026-04-29' }] });
    expect(splitByMonths('2026-04-15', '2026-05-30')).toEqual({ days: [{ from: '2026-04-15', to: '2026-05-30' }] });
    expect(splitByMonths('2026-03-05', '2026-03-05')).toEqual({ days: [{ from: '2026-03-05', to: '2026-03-05' }] });
  });
  it('leap February and the turn of the year', () => {
    expect(splitByMonths('2028-02-01', '2028-02-29')).toEqual({ months: { from: '2028-02-01', to: '2028-02-01' }, days: [] });
    expect(splitByMonths('2026-12-31', '2027-01-31')).toEqual({ months: { from: '2027-01-01', to: '2027-01-01' }, days: [{ from: '2026-12-31', to: '2026-12-31' }] });
  });
  it('an empty window', () => {
    expect(splitByMonths('2026-05-02', '2026-05-01')).toEqual({ days: [] });
  });
});
