// R-INV-4: the payment term comes from the contract (issue #11): every contract file carries one, the
// run finds the contract of the provider → municipality pair, and 30 days only when no contract holds it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAYMENT_TERM_DAYS, PaymentTerm } from '../../domain/invoicing/contract-data.js';
import { loadContracts, registryOf } from '../../platform/contracts.js';
import { organisationId } from '../organisations/store.js';
import { paymentTermDaysOf } from './run.js';

const contracts = loadContracts(path.resolve(import.meta.dirname, '../../../contracts'));

describe('the payment term of the contract', () => {
  it('is in every contract file, 30 days where the source gives none (an assumption)', () => {
    for (const c of contracts.contracts) {
      expect(c.paymentTerm, c.id).toBeDefined();
      if (c.paymentTerm?.source === 'none') expect(c.paymentTerm.assumption, c.id).toMatch(/no payment term/);
    }
  });

  it('is read from the contract that holds both the provider and the municipality', () => {
    const changed = registryOf(contracts.contracts.map((c) => (c.id === 'westfriesland' ? { ...c, paymentTerm: { days: 14, source: 'test' } } : c)));
    const westfriesland = { providerId: organisationId('provider', 'taalpunt-westfriesland'), municipalityId: organisationId('municipality', 'hoorn') };
    const gelderland = { providerId: organisationId('provider', 'echt-nederlands'), municipalityId: organisationId('municipality', 'arnhem') };
    expect(paymentTermDaysOf(changed, westfriesland)).toBe(14);
    expect(paymentTermDaysOf(changed, gelderland)).toBe(30);
    // A provider that is not contracted in that municipality's region: no contract, the default.
    expect(paymentTermDaysOf(changed, { ...westfriesland, municipalityId: organisationId('municipality', 'arnhem') })).toBe(DEFAULT_PAYMENT_TERM_DAYS);
  });

  it('is whole days, at least one and at most a year', () => {
    for (const days of [0, -1, 1.5, 366]) expect(PaymentTerm.safeParse({ days, source: 'test' }).success, String(days)).toBe(false);
    expect(PaymentTerm.safeParse({ days: 60, source: 'test' }).success).toBe(true);
  });
});
