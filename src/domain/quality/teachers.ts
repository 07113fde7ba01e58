// R-QLT-2: the teacher register's compliance with the contract's norm (003 art. 5.3: at least 90%
// NT2-certified and at most 10% in training; 002 eis 66: 80% / 20%) and the VOG's age (002 eis 68).
// Shares are compared in whole numbers (count × 100 against norm × total), so 899 of 1000 certified is
// 89.9% and refused against 90% with no rounding of a float deciding it.
import { addMonths, compareDates } from '../calendar.js';
import type { IsoDate } from '../iso-date.js';
import type { TeacherNorm, VogRule } from './contract-data.js';

/** 003 art. 5.3–5.4: certified (BVNT2 register), in training (NT2 course or EVC procedure), or another discipline's specialist. */
export const TeacherQualifications = ['certified', 'inTraining', 'otherSpecialist'] as const;
export type TeacherQualification = (typeof TeacherQualifications)[number];

export interface TeacherFacts {
  qualification: TeacherQualification;
}

export type ComplianceBreach = 'certifiedBelowNorm' | 'inTrainingAboveNorm';

export interface TeacherCompliance {
  total: number;
  certified: number;
  inTraining: number;
  otherSpecialist: number;
  /** One decimal, for display only; the decision uses the counts. Null without teachers. */
  certifiedPercent: number | null;
  inTrainingPercent: number | null;
  /** Null without registered teachers: nothing to judge, and no breach is signalled. */
  compliant: boolean | null;
  breaches: ComplianceBreach[];
}

const oneDecimal = (part: number, total: number): number => Math.round((part * 1000) / total) / 10;

/** R-QLT-2: the compliance of a provider's current teachers with one contract's norm. */
export function teacherCompliance(teachers: readonly TeacherFacts[], norm: TeacherNorm): TeacherCompliance {
  const count = (q: TeacherQualification) => teachers.filter((t) => t.qualification === q).length;
  const total = teachers.length;
  const certified = count('certified');
  const inTraining = count('inTraining');
  const otherSpecialist = count('otherSpecialist');
  if (total === 0) return { total, certified, inTraining, otherSpecialist, certifiedPercent: null, inTrainingPercent: null, compliant: null, breaches: [] };
  const breaches: ComplianceBreach[] = [];
  if (certified * 100 < norm.minCertifiedPercent * total) breaches.push('certifiedBelowNorm');
  if (inTraining * 100 > norm.maxInTrainingPercent * total) breaches.push('inTrainingAboveNorm');
  return {
    total,
    certified,
    inTraining,
    otherSpecialist,
    certifiedPercent: oneDecimal(certified, total),
    inTrainingPercent: oneDecimal(inTraining, total),
    compliant: breaches.length === 0,
    breaches,
  };
}

/**
 * 002 eis 68: "een VOG die niet ouder is dan twee jaar" at the contract's start. A teacher registered
 * later brings one of at most that age on the day of registration (the choice in the contract file).
 * A VOG issued after the reference day is younger still, so valid.
 */
export function vogValid(vogDate: IsoDate, contractStart: IsoDate, registeredOn: IsoDate, rule: VogRule): boolean {
  const reference = compareDates(registeredOn, contractStart) > 0 ? registeredOn : contractStart;
  return compareDates(vogDate, addMonths(reference, -12 * rule.maxAgeYears)) >= 0;
}
