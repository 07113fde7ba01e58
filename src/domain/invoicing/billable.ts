// R-INV-1, R-INV-2, R-END-2: from a participant's registered facts on one route and the payment
// schedule of the governing contract version, the products earned and the date each becomes billable.
// Pure: the storage layer maps its rows to RouteFacts and makes each (participant, route, product) once.
import { addMonths } from '../calendar.js';
import type { IsoDate } from '../iso-date.js';
import type { PaymentSchedule, ScheduleItem, Vat } from './contract-data.js';
import { spread } from './money.js';

/** What Koers has registered of one participant's route; dates are business dates (the injected clock's). */
export interface RouteFacts {
  /** The start of the route; months count from here (after a route change: the first route's start). */
  startedOn: IsoDate;
  /** Progress reports delivered, each for the period ending at month `month` (002 §2.4: paid after delivery). */
  progressReports: readonly { month: number; deliveredOn: IsoDate }[];
  /** The route ended with the learning goals done (early or on time). */
  finishedOn?: IsoDate;
  /** The participant left during a period. */
  droppedOutOn?: IsoDate;
  /** The result agreed in the PIP was reached. */
  resultReachedOn?: IsoDate;
  /** R-END-2: goals not reached; the municipality decided on the final report whether the last product may be invoiced. */
  finalDecision?: { decidedOn: IsoDate; mayInvoice: boolean };
  /** Hours followed: the date each cumulative number of hours was reached. */
  hourMilestones?: readonly { hours: number; reachedOn: IsoDate }[];
  /** Products billed with a schedule item (002 §2.4 product 6: the PVT "indien afgerond"): the date completed. */
  completedProducts?: Readonly<Record<string, IsoDate>>;
  /** 002 §2.4: a route change. The first `itemsPaid` items count as paid with `paidCents` on the old route. */
  routeChange?: { paidCents: number; itemsPaid: number };
}

export interface Price {
  amountCents: number;
  vat: Vat;
}

export interface BillableInput {
  schedule: PaymentSchedule;
  /** The route price in force (tariff or staffel; R-CON-5, R-INV-3). */
  routePrice: Price;
  /** Prices of the products billed along with an item (`withProducts`), by product code. */
  otherPrices?: Readonly<Record<string, Price>>;
  facts: RouteFacts;
  /** Events dated after this day are not billable yet. */
  asOf: IsoDate;
}

export type Basis = 'schedule' | 'earlyFinish' | 'dropOut' | 'decision';

export interface BillableEvent {
  /**
   * The event's code on its route, unique per (participant, route) — what the store keys on: the
   * schedule item's code (p1…p7, 002 §2.4's "Product N") or, for a ride-along product, its own code (pvt).
   */
  key: string;
  /** The schedule item that earned it. */
  item: string;
  product: string;
  amountCents: number;
  vat: Vat;
  billableOn: IsoDate;
  basis: Basis;
}

export interface BillableResult {
  events: BillableEvent[];
  /** Items not (yet) earned and why — for the provider's overview and the decision flag. */
  open: { item: string; reason: 'waitingForFacts' | 'afterDropOut' | 'resultNotReached' | 'refusedByMunicipality' | 'alreadyPaid' | 'noAmount' }[];
}

const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/**
 * The amount of each item: the route price spread by the items' shares (largest remainder, so the
 * items add up to the price to the cent). After a route change the amount already paid is deducted
 * from the new route's price and the rest spread over the items not yet paid, by their shares.
 */
export function itemAmounts(schedule: PaymentSchedule, routePriceCents: number, change?: RouteFacts['routeChange']): number[] {
  const paidItems = Math.min(change?.itemsPaid ?? 0, schedule.items.length);
  if (change === undefined) return spread(routePriceCents, schedule.items.map((i) => i.shareBasisPoints));
  const rest = Math.max(0, routePriceCents - change.paidCents);
  const remaining = schedule.items.slice(paidItems);
  return [...schedule.items.slice(0, paidItems).map(() => 0), ...spread(remaining.length === 0 ? 0 : rest, remaining.map((i) => i.shareBasisPoints))];
}

/** The end of the period an item pays for; undefined when it has none (end of route, result) or is not reached. */
function periodEnd(item: ScheduleItem, facts: RouteFacts): IsoDate | undefined {
  const t = item.trigger;
  if (t.type === 'start') return facts.startedOn;
  if (t.type === 'endOfMonth' || t.type === 'progressReport') return addMonths(facts.startedOn, t.month);
  if (t.type === 'hourMilestone') return hoursReachedOn(facts, t.hours);
  return undefined;
}

function hoursReachedOn(facts: RouteFacts, hours: number): IsoDate | undefined {
  return (facts.hourMilestones ?? []).filter((m) => m.hours >= hours).map((m) => m.reachedOn).sort()[0];
}

function reportOn(facts: RouteFacts, month: number): IsoDate | undefined {
  return facts.progressReports.filter((r) => r.month === month).map((r) => r.deliveredOn).sort()[0];
}

/** The date an item is earned by its own trigger, when the facts for it are there. */
function regularDate(item: ScheduleItem, facts: RouteFacts): IsoDate | undefined {
  const t = item.trigger;
  const end = periodEnd(item, facts);
  if (t.type === 'progressReport') {
    const delivered = reportOn(facts, t.month);
    return delivered === undefined || end === undefined ? undefined : later(end, delivered);
  }
  if (t.type === 'endOfRoute') return facts.finishedOn;
  if (t.type === 'resultReached') return facts.resultReachedOn;
  return end;
}

/** R-INV-1 / R-INV-2: the billable events of one participant on one route. */
export function billableEvents(input: BillableInput): BillableResult {
  const { schedule, facts, asOf } = input;
  const amounts = itemAmounts(schedule, input.routePrice.amountCents, facts.routeChange);
  const paidItems = facts.routeChange?.itemsPaid ?? 0;
  const finished = facts.finishedOn;
  // A drop-out after the finish changes nothing; the earlier of the two ends the route.
  const dropOut = facts.droppedOutOn !== undefined && (finished === undefined || facts.droppedOutOn < finished) ? facts.droppedOutOn : undefined;
  const events: BillableEvent[] = [];
  const open: BillableResult['open'] = [];
  let nextAfterDropOutTaken = false;

  schedule.items.forEach((item, index) => {
    if (index < paidItems) return open.push({ item: item.code, reason: 'alreadyPaid' });
    const amountCents = amounts[index] ?? 0;
    let date: IsoDate | undefined;
    let basis: Basis = 'schedule';
    if (item.trigger.type === 'resultReached') {
      // The result product: only on the result, or on the municipality's decision when goals were not reached.
      date = dropOut === undefined ? facts.resultReachedOn : undefined;
      if (date === undefined && facts.finalDecision !== undefined && dropOut === undefined) {
        if (!facts.finalDecision.mayInvoice) return open.push({ item: item.code, reason: 'refusedByMunicipality' });
        date = facts.finalDecision.decidedOn;
        basis = 'decision';
      }
      if (date === undefined) return open.push({ item: item.code, reason: dropOut === undefined ? 'resultNotReached' : 'afterDropOut' });
    } else {
      const end = periodEnd(item, facts);
      const stop = dropOut ?? finished;
      if (stop === undefined || (end !== undefined && end <= stop)) {
        // A period completed before the route ended: earned by its own trigger (a report may still be due).
        date = regularDate(item, facts);
      } else if (dropOut !== undefined) {
        // 002 §2.4: a drop-out during a period still earns the next product, not the ones after.
        if (nextAfterDropOutTaken) return open.push({ item: item.code, reason: 'afterDropOut' });
        nextAfterDropOutTaken = true;
        basis = 'dropOut';
        // A period is paid after its progress report (002 §2.4), also the period the participant left in.
        if (item.trigger.type === 'progressReport') {
          const delivered = reportOn(facts, item.trigger.month);
          date = delivered === undefined ? undefined : later(dropOut, delivered);
        } else date = dropOut;
      } else if (finished !== undefined) {
        // 002 §2.4: finished early, every remaining payment at once.
        date = finished;
        basis = item.trigger.type === 'endOfRoute' ? 'schedule' : 'earlyFinish';
      }
      if (date === undefined) return open.push({ item: item.code, reason: 'waitingForFacts' });
    }
    if (amountCents === 0) open.push({ item: item.code, reason: 'noAmount' });
    else events.push({ key: item.code, item: item.code, product: schedule.product, amountCents, vat: input.routePrice.vat, billableOn: date, basis });
    for (const other of item.withProducts ?? []) {
      const completed = facts.completedProducts?.[other];
      const price = input.otherPrices?.[other];
      // A product riding along with two items is still billed once, with the first.
      if (completed !== undefined && price !== undefined && price.amountCents > 0 && !events.some((e) => e.key === other)) {
        events.push({ key: other, item: item.code, product: other, amountCents: price.amountCents, vat: price.vat, billableOn: later(date, completed), basis });
      }
    }
  });
  return { events: events.filter((e) => e.billableOn <= asOf), open };
}

/**
 * 002 §2.2 minimum-group rule: the amount paid for a start-year cohort too small to start — the
 * schedule item (product 1) of the highest band price, `asCount` times.
 */
export function minimumGroupCents(schedule: PaymentSchedule, price: { scheduleItem: string; asCount: number; priceCents: number }): number | undefined {
  const index = schedule.items.findIndex((i) => i.code === price.scheduleItem);
  if (index < 0) return undefined;
  return (itemAmounts(schedule, price.priceCents)[index] ?? 0) * price.asCount;
}
