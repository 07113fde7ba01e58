// Issue #11: the invoicing screens' pure helpers: Dutch amounts and months, the checks of the forms'
// fields (the run's date, a dispute or credit reason, the totals' period) and the totals' rows.
import { describe, expect, it } from 'vitest';
import type { InvoiceTotals } from '../../api/invoicing';
import { reasonProblem } from './DisputeDialog';
import { formatCents, formatMonth, skipReasonLabel, vatLabel } from './format';
import { upToProblem } from './PrepareInvoice';
import { barsOf, netCents, validateTotalsPeriod, yearToDate } from './totals';

const nbsp = '\u00a0';

describe('formatCents', () => {
  it('writes whole cents as Dutch euros with a decimal comma and thousands dot', () => {
    expect(formatCents(123456)).toBe(`€${nbsp}1.234,56`);
    expect(formatCents(250000)).toBe(`€${nbsp}2.500,00`);
    expect(formatCents(5)).toBe(`€${nbsp}0,05`);
  });
  it('keeps the minus of a credit note', () => {
    expect(formatCents(-250000)).toBe(`€${nbsp}-2.500,00`);
  });
});

describe('formatMonth and vatLabel', () => {
  it("'2026-09' is september 2026", () => {
    expect(formatMonth('2026-09')).toBe('september 2026');
    expect(formatMonth('2027-01')).toBe('januari 2027');
    expect(formatMonth('later')).toBe('later');
  });
  it('an exempt line (category E, 002 §2.1) says so; a standard one its rate', () => {
    expect(vatLabel(0, 'E')).toBe('vrijgesteld');
    expect(vatLabel(21, 'S')).toBe('21%');
  });
  it('every skip reason of the run has a Dutch sentence', () => {
    for (const reason of ['noContractVersion', 'noPaymentSchedule', 'noTariff', 'decisionNeeded']) expect(skipReasonLabel(reason)).not.toContain(reason);
  });
});

describe('upToProblem: the date a run invoices up to', () => {
  it('must be filled, a real date and not after the system date', () => {
    expect(upToProblem('', '2026-12-23')).toMatch(/^Vul de datum in/);
    expect(upToProblem('2026-02-30', '2026-12-23')).toMatch(/geldige datum/);
    expect(upToProblem('2026-12-24', '2026-12-23')).toMatch(/niet na vandaag \(23-12-2026\)/);
    expect(upToProblem('2026-12-23', '2026-12-23')).toBeUndefined();
  });
});

describe('reasonProblem: a dispute or credit needs a reason', () => {
  it('refuses an empty or blank reason with the given Dutch message, and one over 2000 characters', () => {
    expect(reasonProblem('', 'Schrijf op waarom.')).toBe('Schrijf op waarom.');
    expect(reasonProblem('   ', 'Schrijf op waarom.')).toBe('Schrijf op waarom.');
    expect(reasonProblem('x'.repeat(2001), 'Schrijf op waarom.')).toMatch(/2000/);
    expect(reasonProblem('Niet gestart in september.', 'Schrijf op waarom.')).toBeUndefined();
  });
});

describe('the totals page', () => {
  it('defaults to the calendar year up to today', () => {
    expect(yearToDate('2026-12-23')).toEqual({ from: '2026-01-01', to: '2026-12-23' });
  });
  it('refuses an empty, impossible or reversed period', () => {
    expect(validateTotalsPeriod({ from: '', to: '2026-12-23' }).from).toBeDefined();
    expect(validateTotalsPeriod({ from: '2026-01-01', to: '2026-13-01' }).to).toBeDefined();
    expect(validateTotalsPeriod({ from: '2026-06-01', to: '2026-05-31' }).to).toMatch(/voor de eerste dag/);
    expect(validateTotalsPeriod({ from: '2026-01-01', to: '2026-12-31' })).toEqual({});
  });
  it('rows per grouping carry no person, and the credited amount counts against the invoiced whatever its sign', () => {
    const totals: InvoiceTotals = {
      byProvider: [{ providerId: 'p1', providerName: 'Taalpunt', invoicedCents: 1_000_000, creditedCents: -250_000 }],
      byMunicipality: [{ municipalityId: 'm1', municipalityName: 'Hoorn', invoicedCents: 1_000_000, creditedCents: 250_000 }],
      byProduct: [{ productCode: 'b1_language', productName: 'B1-route', invoicedCents: 1_000_000, creditedCents: 0 }],
    };
    const [provider] = barsOf(totals, 'provider');
    expect(provider).toEqual({ key: 'p1', label: 'Taalpunt', invoicedCents: 1_000_000, creditedCents: 250_000 });
    expect(netCents(provider ?? { invoicedCents: 0, creditedCents: 0 })).toBe(750_000);
    expect(barsOf(totals, 'municipality').map(netCents)).toEqual([750_000]);
    expect(barsOf(totals, 'product')[0]?.label).toBe('B1-route');
  });
});
