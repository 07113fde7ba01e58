// R-REF-1, R-CON-3, R-CON-10 on the shipped contract files.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContracts, versionsInForce } from '../platform/contracts.js';
import { isReferralOpen, planReferral } from './referral.js';

const registry = loadContracts(path.resolve(import.meta.dirname, '../../contracts'));
const plan = (municipalityCode: string, providerCode: string, productCode: string, referredOn: string) =>
  planReferral(versionsInForce(registry, municipalityCode, referredOn), { municipalityCode, providerCode, productCode, referredOn });

describe('planReferral (R-REF-1)', () => {
  it('accepts a contracted provider and computes the acknowledgement deadline from the contract (R-CON-3, 001 §1.1)', () => {
    expect(plan('hoorn', 'taalpunt-westfriesland', 'b1_language', '2026-12-23')).toEqual({
      ok: true,
      plan: { contractId: 'westfriesland', contractVersion: 1, acknowledgementDueDate: '2026-12-31' },
    });
  });

  it('refuses a provider not contracted for the product', () => {
    const r = plan('hoorn', 'leerhuis-noord', 'z_language', '2026-12-23');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.reason).toBe('providerNotContracted');
  });

  it('refuses a product the municipality does not take', () => {
    const r = plan('hoorn', 'taalpunt-westfriesland', 'education_hbo_wo', '2026-12-23');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.reason).toBe('productNotTaken');
  });

  it('refuses outside every contract version (R-CON-10)', () => {
    const r = plan('hoorn', 'taalpunt-westfriesland', 'b1_language', '2019-01-01');
    expect(r.ok).toBe(false);
  });

  it('refuses a provider of another region even for the same product code', () => {
    const other = registry.contracts.find((c) => c.id !== 'westfriesland' && c.products.some((p) => p.code === 'b1_language'));
    const provider = other?.versions[0]?.contracted.find((k) => k.products.includes('b1_language'))?.provider;
    expect(provider).toBeDefined();
    expect(plan('hoorn', provider ?? '', 'b1_language', '2026-12-23').ok).toBe(false);
  });
});

describe('isReferralOpen (R-REF-1)', () => {
  it('a referral without route events, or only on hold, resumed, changed or handed over, is open', () => {
    expect(isReferralOpen([])).toBe(true);
    expect(isReferralOpen(['onHold', 'resumed', 'routeChanged', 'handOverHeld'])).toBe(true);
  });

  it('a referral whose route ended, or whose participant dropped out, moved away or switched provider, is no longer open (R-RTE-3, R-RTE-4, R-END-1)', () => {
    for (const closing of ['routeEnded', 'droppedOut', 'movedAway', 'providerSwitched']) expect(isReferralOpen(['onHold', closing])).toBe(false);
  });
});
