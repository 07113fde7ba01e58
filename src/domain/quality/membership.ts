// R-QLT-1: covenant membership (003 art. 3 aanmelden, 7 deelname na ondertekening, 4.6 and 14
// uitsluiting, 4.7 and 14.4 per aangetekende brief). A state machine over dated facts; the history is kept
// by the store (one row per transition), never rewritten.
import { compareDates } from '../calendar.js';
import type { IsoDate } from '../iso-date.js';

export const MembershipStates = ['applied', 'admitted', 'excluded'] as const;
export type MembershipState = (typeof MembershipStates)[number];

export interface MembershipChange {
  state: MembershipState;
  on: IsoDate;
  /** 003 art. 4.7, 14.4: the exclusion is made known by registered letter; its date is required. */
  letterSentOn?: IsoDate | null;
  grounds: string;
}

export type MembershipRefusal =
  | { field: 'state'; reason: 'notAllowed' }
  | { field: 'on'; reason: 'beforeLast' }
  | { field: 'letterSentOn'; reason: 'required' | 'beforeDecision' }
  | { field: 'grounds'; reason: 'required' };

/**
 * Allowed: none → applied; applied → admitted | excluded; admitted → excluded; excluded → applied (a new
 * application — 003 is silent on re-admission; Koers lets an excluded provider apply again and be
 * screened anew rather than keep it out forever).
 */
const NEXT: Record<MembershipState | 'none', readonly MembershipState[]> = {
  none: ['applied'],
  applied: ['admitted', 'excluded'],
  admitted: ['excluded'],
  excluded: ['applied'],
};

export function membershipRefusal(last: { state: MembershipState; on: IsoDate } | undefined, next: MembershipChange): MembershipRefusal | null {
  if (!NEXT[last?.state ?? 'none'].includes(next.state)) return { field: 'state', reason: 'notAllowed' };
  if (last !== undefined && compareDates(next.on, last.on) < 0) return { field: 'on', reason: 'beforeLast' };
  if (next.state !== 'applied' && next.grounds.trim() === '') return { field: 'grounds', reason: 'required' };
  if (next.state === 'excluded') {
    if (next.letterSentOn === undefined || next.letterSentOn === null) return { field: 'letterSentOn', reason: 'required' };
    if (compareDates(next.letterSentOn, next.on) < 0) return { field: 'letterSentOn', reason: 'beforeDecision' };
  }
  return null;
}
