// Pure helpers of the attendance-rate page: periods, the shown percentage and the distribution.
import { isValidIsoDate } from '../../lib/dates';

export type Preset = 'thisMonth' | 'lastMonth' | 'thisQuarter';

export const presetLabels: Record<Preset, string> = {
  thisMonth: 'Deze maand',
  lastMonth: 'Vorige maand',
  thisQuarter: 'Dit kwartaal',
};

export const presets = Object.keys(presetLabels) as Preset[];

export interface Period {
  from: string;
  to: string;
}

function iso(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}

/** The period of a preset around the system date `today` (YYYY-MM-DD), whole calendar months. */
export function presetPeriod(preset: Preset, today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1;
  switch (preset) {
    case 'thisMonth':
      return { from: iso(year, month, 1), to: iso(year, month + 1, 0) };
    case 'lastMonth':
      return { from: iso(year, month - 1, 1), to: iso(year, month, 0) };
    case 'thisQuarter': {
      const first = month - (month % 3);
      return { from: iso(year, first, 1), to: iso(year, first + 3, 0) };
    }
  }
}

export function presetOf(period: Period, today: string): Preset | undefined {
  return presets.find((p) => {
    const candidate = presetPeriod(p, today);
    return candidate.from === period.from && candidate.to === period.to;
  });
}

/** The server answers at most a year (and a day) per request. */
export const MAX_DAYS = 366;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type PeriodErrors = Partial<Record<'from' | 'to', string>>;

/** Dutch errors per field, shown next to it; empty when the period can be asked for. */
export function validatePeriod(period: Period): PeriodErrors {
  const errors: PeriodErrors = {};
  if (period.from === '') errors.from = 'Vul de eerste dag in.';
  else if (!isValidIsoDate(period.from)) errors.from = 'Vul een bestaande datum in, bijvoorbeeld 01-02-2027.';
  if (period.to === '') errors.to = 'Vul de laatste dag in.';
  else if (!isValidIsoDate(period.to)) errors.to = 'Vul een bestaande datum in, bijvoorbeeld 28-02-2027.';
  if (errors.from || errors.to) return errors;
  if (period.to < period.from) errors.to = 'De laatste dag ligt voor de eerste dag.';
  else if (daysBetween(period.from, period.to) >= MAX_DAYS) errors.to = 'Kies een periode van hoogstens een jaar.';
  return errors;
}

/**
 * The rate with one decimal and a Dutch comma, cut off rather than rounded: 79.96 shows as 79,9, so a
 * participant below the norm never reads as 80,0.
 */
export function formatRate(rate: number | null): string {
  if (rate === null) return 'geen lessen';
  return `${formatRateNumber(rate)}%`;
}

export function formatRateNumber(rate: number): string {
  const cut = Math.floor(rate * 10 + 1e-9) / 10;
  return cut.toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Ten bands of ten percent; 100% sits in the last one, 80,0% in the band from 80. */
export interface Band {
  label: string;
  /** The band lies under the norm of 80%. */
  belowNorm: boolean;
  count: number;
}

/** The server's counts per ten points as labelled bands (GET /attendance-rates/summary). */
export function bandsOf(counts: readonly number[], normPercent: number): Band[] {
  return Array.from({ length: 10 }, (_, i) => ({
    label: i === 9 ? '90 tot en met 100%' : `${i * 10} tot ${(i + 1) * 10}%`,
    belowNorm: (i + 1) * 10 <= normPercent,
    count: counts[i] ?? 0,
  }));
}

// The CSV and XLSX exports are the server's (GET /attendance-rates/export, R-EXC-3): the whole filter, streamed.
