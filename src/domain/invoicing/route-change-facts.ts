// R-INV-2 (002 §2.4, "bij een wijziging van leerroute"): what a route change means for the new route's
// RouteFacts. Its months count from the first route's start, the items whose period had ended by the
// change (from the first: the start, "na afronding maand N") count as paid, and the amount already paid
// — the previous route's earned schedule items up to the change — is deducted from the new route's
// price, the rest spread over the remaining items (itemAmounts in billable.ts). 002's example: B1 →
// Onderwijsroute in month 12, products 1–3 (54% of the B1 route) paid.
import { addMonths } from '../calendar.js';
import type { IsoDate } from '../iso-date.js';
import type { RouteFacts } from './billable.js';
import type { PaymentSchedule } from './contract-data.js';

export interface RouteChangeFacts {
  /** The day of the municipality's route change (route_event routeChanged). */
  changedOn: IsoDate;
  /** The start of the first route; months of the new route count from here. */
  firstStartedOn: IsoDate;
  paidCents: number;
}

/** How many of the schedule's leading items had their period completed by the change (the start, month N). */
export function itemsPaidBy(schedule: PaymentSchedule, firstStartedOn: IsoDate, changedOn: IsoDate): number {
  let n = 0;
  for (const item of schedule.items) {
    const t = item.trigger;
    const ended = t.type === 'start' || ((t.type === 'endOfMonth' || t.type === 'progressReport') && addMonths(firstStartedOn, t.month) <= changedOn);
    if (!ended) break;
    n++;
  }
  return n;
}

/** The new route's facts after a route change: counted from the first start, with the paid part deducted. */
export function withRouteChange(facts: RouteFacts, schedule: PaymentSchedule, change: RouteChangeFacts): RouteFacts {
  const startedOn = change.firstStartedOn < facts.startedOn ? change.firstStartedOn : facts.startedOn;
  return { ...facts, startedOn, routeChange: { paidCents: change.paidCents, itemsPaid: itemsPaidBy(schedule, startedOn, change.changedOn) } };
}
