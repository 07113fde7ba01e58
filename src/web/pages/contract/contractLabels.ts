// Dutch names for the contract-management data of issue #14 (R-CM-1, R-ESC-2), and the quarter a page
// starts on. The meeting types follow the GLOSSARY and 000 §3; the ladder's step names come from the
// contract file through the API.
import type { MeetingSummary, Pattern } from '../../api/contract';

export const MEETING_TYPES: Record<MeetingSummary['type'], string> = {
  execution: 'Uitvoeringsoverleg',
  contract: 'Contractmanagementgesprek',
  progress: 'Voortgangsoverleg',
};

export const PATTERN_KINDS: Record<Pattern['kind'], string> = {
  kpiBelowTarget: 'KPI onder de norm',
  deadlineComplianceBelowNorm: 'Termijnen onder de norm',
  complaintsRising: 'Meer klachten',
};

/** The last complete quarter before `today` (the one a contract management meeting is about, 000 §3). */
export function previousQuarter(today: string): string {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return quarter === 1 ? `${String(year - 1)}-Q4` : `${String(year)}-Q${String(quarter - 1)}`;
}

export const QUARTER_PATTERN = /^[0-9]{4}-Q[1-4]$/;
export const quarterCheck = (value: string) => (QUARTER_PATTERN.test(value) ? undefined : 'Vul een kwartaal in zoals 2027-Q1.');
export const textCheck = (min: number) => (value: string) => (value.trim().length < min ? `Gebruik minstens ${String(min)} tekens.` : undefined);

/** The section's base address: the contract manager's "Contract", the provider's "Overleg". */
export const sectionBase = (pathname: string) => (pathname.startsWith('/overleg') ? '/overleg' : '/contract');
