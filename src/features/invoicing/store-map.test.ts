// The rule's event becomes the store's row: key → product_code (the uniqueness key), VAT treatment →
// UNCL5305 category, basis → fact kind unless the caller names the fact.
import { describe, expect, it } from 'vitest';
import { toNewBillableEvent } from './store-map.js';

const origin = { participantId: 'p', municipalityId: 'm', providerId: 'v', referralId: 'r', route: 'education', contractId: 'c', contractVersion: 2 };

describe('toNewBillableEvent', () => {
  it('maps an exempt period product and a PVT with 21% VAT', () => {
    const period = toNewBillableEvent({ key: 'p2', item: 'p2', product: 'education', amountCents: 1234_56, vat: { treatment: 'exempt', ratePercent: 0 }, billableOn: '2026-04-30', basis: 'schedule' }, origin);
    expect(period).toEqual({ ...origin, productCode: 'p2', earnedOn: '2026-04-30', amountCents: 1234_56, vatCategory: 'E', vatRate: 0, factKind: 'schedule', factId: null });
    const pvt = toNewBillableEvent({ key: 'pvt', item: 'p6', product: 'pvt', amountCents: 500_00, vat: { treatment: 'standard', ratePercent: 21 }, billableOn: '2026-09-30', basis: 'earlyFinish' }, { ...origin, fact: { kind: 'routeEvent', id: 'e1' } });
    expect(pvt).toMatchObject({ productCode: 'pvt', vatCategory: 'S', vatRate: 21, factKind: 'routeEvent', factId: 'e1' });
    expect(pvt).not.toHaveProperty('fact');
  });
});
