// From a billable event of the pure rules (src/domain/invoicing/billable.ts) to the row the store records
// (R-INV-1): the rule's `key` (p1…p7, or a ride-along product's code) is the store's product_code, so
// billable_event_once makes each (participant, route, key) once; the VAT treatment becomes the UNCL5305
// category of the e-invoice (exempt → E, standard → S).
import type { BillableEvent as RuleEvent } from '../../domain/invoicing/billable.js';
import type { NewBillableEvent } from './store-types.js';

/** Where the event belongs and what earned it; the rule knows neither. */
export interface EventOrigin {
  participantId: string;
  municipalityId: string;
  providerId: string;
  referralId: string;
  route: string;
  contractId: string;
  contractVersion: number;
  /** The fact behind it for the evidence click (R-INV-6); the rule's basis when the caller names none. */
  fact?: { kind: string; id: string | null };
}

export function toNewBillableEvent(event: RuleEvent, origin: EventOrigin): NewBillableEvent {
  const { fact, ...where } = origin;
  return {
    ...where,
    productCode: event.key,
    earnedOn: event.billableOn,
    amountCents: event.amountCents,
    vatCategory: event.vat.treatment === 'exempt' ? 'E' : 'S',
    vatRate: event.vat.treatment === 'exempt' ? 0 : event.vat.ratePercent,
    factKind: fact?.kind ?? event.basis,
    factId: fact?.id ?? null,
  };
}
