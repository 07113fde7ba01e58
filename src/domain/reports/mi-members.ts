// R-MI-6, issue #13: "every figure can be traced to the participants behind it". The participants behind
// the quarterly management information's items 1a, 1b, 1c, 2, 3 and 5 (001 Bijlage 5) of one cell
// (municipality × product) and quarter, each with the date that made it count — by the definitions of
// docs/reports.md §1, the same as quarterly-mi.ts; mi-members.test.ts holds each list's length against
// quarterlyManagementInformation's figure for random fact sets.
import { addCalendarDays, compareDates } from '../calendar.js';
import type { IsoDate } from '../contract.js';
import { firstStart, type Member } from './content-report.js';
import type { ReferralFact } from './facts.js';
import type { ReportPeriod } from './periods.js';
import type { QuarterlyMiFacts } from './quarterly-mi.js';

export const MiDrillItems = ['1a', '1b', '1c', '2', '3', '5'] as const;
export type MiDrillItem = (typeof MiDrillItems)[number];

const inPeriod = (d: IsoDate | null, q: ReportPeriod): d is IsoDate => d !== null && compareDates(q.start, d) <= 0 && compareDates(d, q.end) <= 0;
const onOrBefore = (d: IsoDate | null, limit: IsoDate): d is IsoDate => d !== null && compareDates(d, limit) <= 0;

/** One member per participant: its earliest qualifying date (then the lowest referral id), ordered by date. */
function perParticipant(ms: readonly Member[]): Member[] {
  const best = new Map<string, Member>();
  for (const m of ms) {
    const b = best.get(m.participantId);
    if (b === undefined || compareDates(m.on, b.on) < 0 || (m.on === b.on && m.referralId < b.referralId)) best.set(m.participantId, m);
  }
  return [...best.values()].sort((a, b) => compareDates(a.on, b.on) || (a.participantId < b.participantId ? -1 : a.participantId > b.participantId ? 1 : 0));
}

/** The participants behind one MI item of the cell's referrals in the quarter (normPercent: the contract's, R-ATT-3). */
export function miMembers(facts: Pick<QuarterlyMiFacts, 'attendance'>, referrals: readonly ReferralFact[], q: ReportPeriod, item: MiDrillItem, normPercent: number): Member[] {
  const of = (r: ReferralFact, on: IsoDate): Member => ({ participantId: r.participantId, referralId: r.id, on });
  const each = (pick: (r: ReferralFact) => IsoDate | null): Member[] =>
    perParticipant(referrals.flatMap((r) => { const d = pick(r); return d === null ? [] : [of(r, d)]; }));
  switch (item) {
    case '1a': // referred in the quarter
      return each((r) => (inPeriod(r.referredOn, q) ? r.referredOn : null));
    case '1b': // intake held in the quarter
      return each((r) => (inPeriod(r.intakeHeldOn, q) ? r.intakeHeldOn : null));
    case '1c': // started on or before the last day, not ended before the first; the date is the start
      return each((r) => { const s = firstStart(r); return onOrBefore(s, q.end) && !onOrBefore(r.endedOn, addCalendarDays(q.start, -1)) ? s : null; });
    case '2': // started in a start class in the quarter
      return each((r) => (inPeriod(r.startClassStartedOn, q) ? r.startClassStartedOn : null));
    case '5': // waiting at quarter end; the date is the referral
      return each((r) => (onOrBefore(r.referredOn, q.end) && !onOrBefore(firstStart(r), q.end) && !onOrBefore(r.endedOn, q.end) ? r.referredOn : null));
    case '3': { // attendance over the quarter's three months below the norm; the date is the quarter's last day
      const byId = new Map(referrals.map((r) => [r.id, r]));
      const sums = new Map<string, { offered: number; attended: number; referralId: string }>();
      for (const a of facts.attendance) {
        const r = byId.get(a.referralId);
        if (r === undefined || a.quarter !== q.id) continue;
        const s = sums.get(r.participantId) ?? { offered: 0, attended: 0, referralId: r.id };
        sums.set(r.participantId, { offered: s.offered + a.offeredMinutes, attended: s.attended + a.attendedMinutes, referralId: s.referralId < r.id ? s.referralId : r.id });
      }
      return perParticipant([...sums.entries()].filter(([, s]) => s.offered > 0 && s.attended * 100 < normPercent * s.offered).map(([participantId, s]) => ({ participantId, referralId: s.referralId, on: q.end })));
    }
  }
}
