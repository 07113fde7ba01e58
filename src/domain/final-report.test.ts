// R-END-1 / R-END-2 with 000 §4.5 and 001 §2.3.1.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isWorkingDay } from './calendar.js';
import type { Deadline, HolidayCalendar } from './contract.js';
import { finalReportDueOn, mayInvoiceFinalProduct, validateFinalReport, validateMunicipalityAssessment, type FinalReportDraft } from './final-report.js';

const cal: HolidayCalendar = { goodFriday: false, liberationDay: 'lustrum', source: 'test' };
const finalReport: Deadline = { amount: 2, unit: 'weeks', source: '000 §4.5' };
const version = { deadlines: { finalReport }, holidayCalendar: cal };

describe('final report within 2 weeks (R-END-1, 000 §4.5)', () => {
  it('route ended Friday 15 January 2027: due Friday 29 January (14 calendar days)', () => {
    expect(finalReportDueOn('2027-01-15', version)).toBe('2027-01-29');
  });

  it('a due date on a Saturday or on Christmas Day moves to the next working day (R-CON-4)', () => {
    expect(finalReportDueOn('2027-01-16', version)).toBe('2027-02-01');
    expect(finalReportDueOn('2026-12-11', version)).toBe('2026-12-28'); // 25 Dec 2026 is a Friday
  });

  it('property: never earlier than 14 days, always a working day, at most a few days later', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => addCalendarDays('2025-01-01', n));
    fc.assert(
      fc.property(day, (endedOn) => {
        const due = finalReportDueOn(endedOn, version);
        expect(due >= addCalendarDays(endedOn, 14)).toBe(true);
        expect(due <= addCalendarDays(endedOn, 18)).toBe(true);
        expect(isWorkingDay(due, cal)).toBe(true);
      }),
    );
  });
});

describe('goals not reached (R-END-2, 001 §2.3.1)', () => {
  const b1 = (over: Partial<FinalReportDraft> = {}): FinalReportDraft => ({ route: 'b1', goalsReached: true, advice: 'Examentraining en daarna werk.', endLevel: 'B1', ...over });

  it('a complete report has no errors', () => {
    expect(validateFinalReport(b1())).toEqual([]);
    expect(validateFinalReport({ route: 'z', goalsReached: true, advice: 'Vrijwilligerswerk bij de buurtkamer.' })).toEqual([]);
  });

  it('goals not reached: an explanation is required', () => {
    expect(validateFinalReport(b1({ goalsReached: false, endLevel: 'A2' }))).toEqual([{ field: 'notReachedExplanation', message: 'De doelen zijn niet behaald. Leg uit waarom.' }]);
    expect(validateFinalReport(b1({ goalsReached: false, notReachedExplanation: '  ' }))).toHaveLength(1);
    expect(validateFinalReport(b1({ goalsReached: false, notReachedExplanation: 'Lang ziek geweest.' }))).toEqual([]);
  });

  it('the report says whether goals were reached, gives advice, and (B1) the end level A2/B1/B2', () => {
    expect(validateFinalReport({ route: 'b1', goalsReached: null }).map((e) => e.field)).toEqual(['goalsReached', 'advice', 'endLevel']);
    expect(validateFinalReport(b1({ endLevel: 'A1' }))).toEqual([{ field: 'endLevel', message: 'Het eindniveau moet A2, B1 of B2 zijn.' }]);
  });

  it('goals not reached: the municipality records the talk and decides on invoicing, with a reason', () => {
    expect(validateMunicipalityAssessment(false, {}).map((e) => e.field)).toEqual(['talkHeldOn', 'invoicingDecision', 'decisionReason']);
    expect(validateMunicipalityAssessment(false, {}).find((e) => e.field === 'invoicingDecision')?.message).toBe(
      'De gemeente beslist of het eindproduct toch gefactureerd mag worden. Kies ja of nee.',
    );
    const decided = { talkHeldOn: '2027-02-10', invoicingDecision: 'noInvoice' as const, decisionReason: 'Te weinig lessen aangeboden.' };
    expect(validateMunicipalityAssessment(false, decided)).toEqual([]);
    expect(validateMunicipalityAssessment(true, {})).toEqual([]);
  });

  it('the final product may be invoiced when goals are reached, otherwise only by the municipality’s decision', () => {
    expect(mayInvoiceFinalProduct(true, {})).toBe(true);
    expect(mayInvoiceFinalProduct(false, {})).toBe(false);
    expect(mayInvoiceFinalProduct(false, { talkHeldOn: '2027-02-10', invoicingDecision: 'noInvoice', decisionReason: 'x' })).toBe(false);
    expect(mayInvoiceFinalProduct(false, { talkHeldOn: '2027-02-10', invoicingDecision: 'invoice', decisionReason: 'Inzet was goed; ziekte.' })).toBe(true);
    expect(mayInvoiceFinalProduct(false, { invoicingDecision: 'invoice' })).toBe(false); // no talk, no reason
  });
});
