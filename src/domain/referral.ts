// Referral rules (R-REF-1, first steps of R-REF-2, R-CON-3, R-CON-10): pure functions of the
// contract versions in force, the facts and the date.
import { municipalityTakesPart, type Contract, type ContractVersion, type IsoDate } from './contract.js';
import { computeDeadline } from './deadline.js';

export interface ReferralPlan {
  contractId: string;
  contractVersion: number;
  /** R-CON-3: acknowledgement within the contract's deadline (5 working days in 001 §1.1). */
  acknowledgementDueDate: IsoDate;
}

export type ReferralRefusal =
  | { reason: 'productNotTaken'; message: string }
  | { reason: 'providerNotContracted'; message: string };

/**
 * R-REF-1: a referral is accepted only when, on the referral date, a contract version is in force in
 * which the municipality takes part in the product and the provider is contracted for it.
 */
export function planReferral(
  inForce: readonly { contract: Contract; version: ContractVersion }[],
  facts: { municipalityCode: string; providerCode: string; productCode: string; referredOn: IsoDate },
): { ok: true; plan: ReferralPlan } | { ok: false; refusal: ReferralRefusal } {
  const taking = inForce.filter(({ contract }) => municipalityTakesPart(contract, facts.municipalityCode, facts.productCode));
  if (taking.length === 0) {
    return { ok: false, refusal: { reason: 'productNotTaken', message: 'Uw gemeente neemt dit perceel niet af in een raamovereenkomst die nu geldt.' } };
  }
  const match = taking.find(({ version }) => version.contracted.some((k) => k.provider === facts.providerCode && k.products.includes(facts.productCode)));
  if (match === undefined) {
    return {
      ok: false,
      refusal: { reason: 'providerNotContracted', message: 'Deze aanbieder is niet gecontracteerd voor dit perceel in de raamovereenkomst die nu geldt.' },
    };
  }
  const { contract, version } = match;
  return {
    ok: true,
    plan: {
      contractId: contract.id,
      contractVersion: version.version,
      acknowledgementDueDate: computeDeadline(facts.referredOn, version.deadlines.acknowledgement, version.holidayCalendar),
    },
  };
}

/**
 * Route events (R-RTE-3, R-RTE-4, R-END-1) after which a referral is no longer open: the route ended, the
 * participant dropped out, moved to another municipality or switched provider. On hold, resumed, a route
 * change and a hand-over keep the same referral going.
 */
export const ReferralClosingRouteEvents = ['routeEnded', 'droppedOut', 'movedAway', 'providerSwitched'] as const;

/**
 * R-REF-1: is this referral still open, given the route events recorded on it? Only an open referral
 * blocks a new one for the same product ("no double orders"); after the route ended or the participant
 * dropped out, the consultant may refer again.
 */
export function isReferralOpen(routeEventTypes: readonly string[]): boolean {
  return !routeEventTypes.some((type) => (ReferralClosingRouteEvents as readonly string[]).includes(type));
}
