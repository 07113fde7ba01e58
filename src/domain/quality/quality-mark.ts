// R-QLT-1, R-QLT-3: the Blik op Werk quality mark. 003 art. 5.1: a covenant provider "heeft het Blik op
// Werk keurmerk minimaal één jaar"; art. 5.2: a younger mark (or an aspirant) is not admitted "tenzij zij
// in een gesprek met (een afvaardiging van) de Projectgroep … kunnen aantonen dat zij voldoende kwaliteit
// kunnen bieden". Art. 14.3: without the mark the provider is excluded.
import { addMonths, compareDates } from '../calendar.js';
import type { IsoDate } from '../iso-date.js';
import type { QualityMarkRule } from './contract-data.js';

export interface QualityMarkFacts {
  since: IsoDate;
  validUntil: IsoDate;
  withdrawnOn: IsoDate | null;
}

export type QualityMarkState = 'valid' | 'notYetValid' | 'expired' | 'withdrawn';

/** The mark's state on a day: withdrawn wins over expired (the stronger fact). */
export function qualityMarkState(mark: QualityMarkFacts, on: IsoDate): QualityMarkState {
  if (mark.withdrawnOn !== null && compareDates(mark.withdrawnOn, on) <= 0) return 'withdrawn';
  if (compareDates(on, mark.since) < 0) return 'notYetValid';
  if (compareDates(on, mark.validUntil) > 0) return 'expired';
  return 'valid';
}

/** 003 art. 5.1: held at least minHeldMonths on the day (since + months ≤ day). */
export function heldLongEnough(mark: QualityMarkFacts, on: IsoDate, rule: QualityMarkRule): boolean {
  return compareDates(addMonths(mark.since, rule.minHeldMonths), on) <= 0;
}

export type AdmissionRefusal = 'noMark' | 'markNotValid' | 'markTooYoung';

/**
 * May a provider be admitted on this day? A valid mark held long enough; a younger valid mark only when
 * the contract allows the conversation of 003 art. 5.2 and it is recorded. An expired or withdrawn mark,
 * never: the conversation shows quality, it does not replace the mark.
 */
export function admissionRefusal(mark: QualityMarkFacts | undefined, on: IsoDate, rule: QualityMarkRule | undefined, conversationRecorded: boolean): AdmissionRefusal | null {
  if (rule === undefined) return null;
  if (mark === undefined) return conversationRecorded && rule.conversationMayAdmit ? null : 'noMark';
  if (qualityMarkState(mark, on) !== 'valid') return 'markNotValid';
  if (heldLongEnough(mark, on, rule)) return null;
  return conversationRecorded && rule.conversationMayAdmit ? null : 'markTooYoung';
}

/** What the contract manager is signalled about a provider's current mark (R-QLT-3). */
export type QualityMarkConcern = 'markExpired' | 'markWithdrawn' | 'markTooYoung' | 'noMark';

export function qualityMarkConcern(mark: QualityMarkFacts | undefined, on: IsoDate, rule: QualityMarkRule, conversationRecorded: boolean): QualityMarkConcern | null {
  if (mark === undefined) return 'noMark';
  const state = qualityMarkState(mark, on);
  if (state === 'withdrawn') return 'markWithdrawn';
  if (state === 'expired') return 'markExpired';
  if (state === 'notYetValid') return 'noMark';
  return heldLongEnough(mark, on, rule) || (conversationRecorded && rule.conversationMayAdmit) ? null : 'markTooYoung';
}
