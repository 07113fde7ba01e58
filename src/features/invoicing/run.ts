// R-INV-1, R-INV-4: the invoicing run of one provider for one municipality. Reads the registered facts
// of the provider's referrals for that municipality only (route-facts.ts), derives the billable events
// under the contract version that governs each referral (R-CON-10, versionOf), records them once
// (billable_event_once, so a re-run adds nothing) and prepares the collective invoice of every event
// earned up to `upTo` that is on no live line yet. Safe to re-run and to run on two servers at once:
// the store's constraints and counter lock decide (store.ts).
import { billableEvents, type Price } from '../../domain/invoicing/billable.js';
import { DEFAULT_PAYMENT_TERM_DAYS } from '../../domain/invoicing/contract-data.js';
import { hourMilestoneFacts } from '../../domain/invoicing/hour-milestones.js';
import { withRouteChange } from '../../domain/invoicing/route-change-facts.js';
import { routePrice, tariffInForce } from '../../domain/invoicing/tariff.js';
import type { IsoDate } from '../../domain/iso-date.js';
import { type ContractRegistry, versionOf } from '../../platform/contracts.js';
import type { Db, Queryable } from '../../platform/db.js';
import { organisationId } from '../organisations/store.js';
import { type PaidBefore, referralsWithFacts, progressReportMonths } from './route-facts.js';
import { toNewBillableEvent } from './store-map.js';
import { type InvoicingContext, prepareInvoice, recordBillableEvents } from './store.js';
import type { BillableEvent, Invoice, NewBillableEvent } from './store-types.js';

export interface RunInput {
  providerId: string;
  municipalityId: string;
  upTo: IsoDate;
}

/** Why a referral gave no events: no schedule for its product, or no price (a tariff or staffel decision first). */
export interface RunSkip {
  referralId: string;
  reason: 'noContractVersion' | 'noPaymentSchedule' | 'noTariff' | 'decisionNeeded';
}

export interface RunResult {
  recorded: BillableEvent[];
  invoice: Invoice | undefined;
  skipped: RunSkip[];
}

/** The events the facts earn up to `upTo`, for the provider's referrals of the municipality. */
export async function deriveEvents(db: Queryable, contracts: ContractRegistry, input: RunInput): Promise<{ events: NewBillableEvent[]; skipped: RunSkip[] }> {
  const events: NewBillableEvent[] = [];
  const skipped: RunSkip[] = [];
  for (const { referral, facts: registered, hours, routeChange } of await referralsWithFacts(db, input)) {
    const contract = contracts.byId(referral.contractId);
    const version = versionOf(contracts, referral, referral.referredOn);
    if (contract === undefined || version === undefined) {
      skipped.push({ referralId: referral.referralId, reason: 'noContractVersion' });
      continue;
    }
    const schedule = version.paymentSchedules?.find((s) => s.product === referral.productCode);
    if (schedule === undefined) {
      skipped.push({ referralId: referral.referralId, reason: 'noPaymentSchedule' });
      continue;
    }
    // R-INV-2: after a route change the months count from the first route's start and what the earlier
    // route earned up to the change is deducted (route-change-facts.ts).
    const facts = routeChange === undefined || !isLearningRoute(contract, referral.productCode) ? registered : withRouteChange(registered, schedule, { ...routeChange, paidCents: paidCentsOf(contracts, routeChange.paid) });
    // R-CON-5: the tariff in force on this route's own start. The cohort size for a staffel (R-INV-3) is
    // not counted by Koers yet, so a staffel product is priced by its tariff until it is.
    const price = routePrice(contract, referral.productCode, referral.startedOn);
    if (price.kind !== 'price') {
      skipped.push({ referralId: referral.referralId, reason: price.kind });
      continue;
    }
    const otherPrices: Record<string, Price> = {};
    for (const code of schedule.items.flatMap((i) => i.withProducts ?? [])) {
      const t = tariffInForce(contract.tariffs ?? [], code, facts.startedOn);
      if (t !== undefined) otherPrices[code] = { amountCents: t.amountCents, vat: t.vat };
    }
    // The route's own reports are for the periods after the ones counted as paid on the earlier route.
    const reportMonths = schedule.items.slice(facts.routeChange?.itemsPaid ?? 0).flatMap((i) => (i.trigger.type === 'progressReport' ? [i.trigger.month] : []));
    // R-HRS-1: the day the route's registered hours reached each of the schedule's hour milestones.
    const hourMilestones = hourMilestoneFacts(schedule, facts.startedOn, hours);
    const result = billableEvents({ schedule, routePrice: price, otherPrices, facts: { ...progressReportMonths(facts, reportMonths), hourMilestones }, asOf: input.upTo });
    const triggerOf = new Map(schedule.items.map((i) => [i.code, i.trigger.type]));
    for (const e of result.events) {
      // R-INV-6: an hour milestone earned by its own trigger names the hours as its fact (a sum, no one row).
      const fact = e.basis === 'schedule' && e.key === e.item && triggerOf.get(e.item) === 'hourMilestone' ? { kind: 'hourMilestone', id: null } : undefined;
      events.push(
        toNewBillableEvent(e, {
          participantId: referral.participantId,
          municipalityId: referral.municipalityId,
          providerId: referral.providerId,
          referralId: referral.referralId,
          // The route is the referral's product: a participant with two referrals (language and
          // participation) earns a "p1" on each, and billable_event_once keys on (participant, route, product).
          route: referral.productCode,
          contractId: referral.contractId,
          contractVersion: version.version,
          ...(fact === undefined ? {} : { fact }),
        }),
      );
    }
  }
  return { events, skipped };
}

/** A learning route's product (language or the Onderwijsroute): what a route change moves from and to, not participation or MAP. */
function isLearningRoute(contract: { products: readonly { code: string; kind: string }[] } | undefined, productCode: string): boolean {
  const kind = contract?.products.find((p) => p.code === productCode)?.kind;
  return kind === 'language' || kind === 'education';
}

/**
 * R-INV-2: the amount already paid on the earlier learning route(s): their earned schedule items, not a
 * product billed along with one (the PVT is priced apart from the route, 002 §2.3) nor a participation
 * or MAP module alongside the route.
 */
function paidCentsOf(contracts: ContractRegistry, paid: readonly PaidBefore[]): number {
  return paid.reduce((sum, e) => {
    if (!isLearningRoute(contracts.byId(e.contractId), e.route)) return sum;
    const items = versionOf(contracts, e)?.paymentSchedules?.find((s) => s.product === e.route)?.items ?? [];
    return items.some((i) => i.code === e.productCode) ? sum + e.amountCents : sum;
  }, 0);
}

/**
 * R-INV-4: the payment term of the contract under which the provider invoices the municipality (the
 * first contract file that holds both; one region's contract in practice). Without one: 30 days.
 */
export function paymentTermDaysOf(contracts: ContractRegistry, pair: { providerId: string; municipalityId: string }): number {
  const contract = contracts.contracts.find(
    (c) => c.providers.some((p) => organisationId('provider', p.code) === pair.providerId) && c.municipalities.some((m) => organisationId('municipality', m.code) === pair.municipalityId),
  );
  return contract?.paymentTerm?.days ?? DEFAULT_PAYMENT_TERM_DAYS;
}

/** R-INV-4: derive, record and invoice. The invoice is undefined when nothing new is billable. */
export async function runInvoicing(db: Db, contracts: ContractRegistry, ctx: InvoicingContext, input: RunInput): Promise<RunResult> {
  const { events, skipped } = await deriveEvents(db, contracts, input);
  const recorded = await db.transaction((tx) => recordBillableEvents(tx, ctx, events));
  const invoice = await prepareInvoice(db, ctx, { ...input, paymentTermDays: paymentTermDaysOf(contracts, input) });
  return { recorded, invoice, skipped };
}
