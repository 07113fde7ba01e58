// The quarter a contract page starts on (the one a contract management meeting is about, 000 §3) and
// the teacher-compliance line of the quality register (R-QLT-2).
import { describe, expect, it } from 'vitest';
import { complianceText } from '../quality/qualityLabels';
import { previousQuarter, quarterCheck } from './contractLabels';

describe('previousQuarter', () => {
  it('is the last complete quarter before the day, across the year', () => {
    expect(previousQuarter('2026-12-23')).toBe('2026-Q3');
    expect(previousQuarter('2026-10-01')).toBe('2026-Q3');
    expect(previousQuarter('2026-09-30')).toBe('2026-Q2');
    expect(previousQuarter('2027-01-05')).toBe('2026-Q4');
    expect(previousQuarter('2027-03-31')).toBe('2026-Q4');
  });
  it('checks a typed quarter in Dutch', () => {
    expect(quarterCheck('2027-Q1')).toBeUndefined();
    expect(quarterCheck('2027-Q5')).toBe('Vul een kwartaal in zoals 2027-Q1.');
  });
});

describe('complianceText', () => {
  const base = { certified: 9, inTraining: 1, otherSpecialist: 0, total: 10, certifiedPercent: 90, inTrainingPercent: 10, breaches: [] };
  it('names the shares and the verdict', () => {
    expect(complianceText({ ...base, compliant: true })).toBe('10 docenten: 90% gecertificeerd, 10% in opleiding — voldoet');
    expect(complianceText({ ...base, certifiedPercent: 89.9, compliant: false })).toBe('10 docenten: 89,9% gecertificeerd, 10% in opleiding — voldoet niet');
    expect(complianceText({ ...base, compliant: null })).toBe('10 docenten: 90% gecertificeerd, 10% in opleiding — geen norm');
  });
  it('says so without teachers', () => {
    expect(complianceText(null)).toBe('Geen docenten');
    expect(complianceText({ ...base, total: 0, certified: 0, inTraining: 0, certifiedPercent: null, inTrainingPercent: null, compliant: null })).toBe('Geen docenten');
  });
});
