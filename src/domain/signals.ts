// Signal rules (R-SIG-1, R-REF-2): which signals should exist, derived from facts and today's date.
// A signal's identity is (cause, subject, period) (ARCHITECTURE §2.8), so deriving the same facts
// twice yields the same identities and the store's unique key makes raising them idempotent.
import type { IsoDate } from './contract.js';
import { isOverdue } from './deadline.js';
import type { ReferralStatus } from './referral.js';

export type SignalCause = 'referral.acknowledgementOverdue';
export type Addressee = 'municipality' | 'provider';

export interface SignalIdentity {
  cause: SignalCause;
  subjectType: 'referral';
  subjectId: string;
  period: string;
}

export interface DerivedSignal extends SignalIdentity {
  addressee: Addressee;
  dueDate: IsoDate;
}

export interface ReferralFacts {
  id: string;
  status: ReferralStatus;
  acknowledgementDueDate: IsoDate;
}

/**
 * R-REF-2 / R-CON-3: a referral not acknowledged by its due date raises one signal to the provider,
 * the party that must act. Its period is the due date: the referral has one acknowledgement deadline.
 */
export function acknowledgementSignals(referrals: readonly ReferralFacts[], today: IsoDate): DerivedSignal[] {
  return referrals
    .filter((r) => r.status === 'referred' && isOverdue(r.acknowledgementDueDate, today))
    .map((r) => ({
      cause: 'referral.acknowledgementOverdue',
      subjectType: 'referral',
      subjectId: r.id,
      period: r.acknowledgementDueDate,
      addressee: 'provider',
      dueDate: r.acknowledgementDueDate,
    }));
}

/** The signals whose awaited step has happened: resolved automatically (R-SIG-1). */
export function resolvedAcknowledgementSubjects(referrals: readonly ReferralFacts[]): string[] {
  return referrals.filter((r) => r.status === 'acknowledged').map((r) => r.id);
}
