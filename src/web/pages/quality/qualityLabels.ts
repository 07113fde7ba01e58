// Dutch names for the provider quality register (issue #14, R-QLT-1, R-QLT-2, R-QLT-3): the same words
// as the register's export (src/features/quality/routes.ts) and docs/quality-register.md.
import type { Compliance, QualityRecord, RegisterItem, Teacher } from '../../api/quality';

export const MEMBERSHIP: Record<NonNullable<RegisterItem['membership']>, string> = { applied: 'Aangemeld', admitted: 'Toegelaten', excluded: 'Uitgesloten' };
export const MARK: Record<NonNullable<RegisterItem['markState']>, string> = { valid: 'Geldig', notYetValid: 'Nog niet geldig', expired: 'Verlopen', withdrawn: 'Ingetrokken' };
export const CONCERN: Record<NonNullable<RegisterItem['markConcern']>, string> = {
  markExpired: 'keurmerk verlopen',
  markWithdrawn: 'keurmerk ingetrokken',
  markTooYoung: 'keurmerk korter dan de vereiste termijn',
  noMark: 'geen keurmerk',
};
export const QUALIFICATION: Record<Teacher['qualification'], string> = { certified: 'NT2-gecertificeerd', inTraining: 'In opleiding', otherSpecialist: 'Andere specialist' };
export const OUTCOME: Record<NonNullable<QualityRecord['screenings'][number]['decision']>['outcome'], string> = { noRisks: 'Geen risico’s', improvementsAgreed: 'Verbeterafspraken gemaakt', exclusion: 'Uitsluiting' };
export const SCREENING_ITEM: Record<QualityRecord['rules']['screeningItems'][number], string> = {
  kvk: 'Uittreksel KvK',
  auditReports: 'Auditrapporten',
  inspectionRiskCheck: 'Risicocheck Inspectie SZW',
  nt2TeacherList: 'Lijst van NT2-docenten',
};
export const CONDUCTED_BY = { blikOpWerk: 'Blik op Werk', municipality: 'De gemeente' } as const;

const pct = (value: number | null) => (value === null ? '—' : `${value.toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`);

/** "9 docenten: 90% gecertificeerd, 10% in opleiding — voldoet" (R-QLT-2). */
export function complianceText(c: Compliance | null): string {
  if (c === null || c.total === 0) return 'Geen docenten';
  const verdict = c.compliant === null ? 'geen norm' : c.compliant ? 'voldoet' : 'voldoet niet';
  return `${String(c.total)} ${c.total === 1 ? 'docent' : 'docenten'}: ${pct(c.certifiedPercent)} gecertificeerd, ${pct(c.inTrainingPercent)} in opleiding — ${verdict}`;
}
