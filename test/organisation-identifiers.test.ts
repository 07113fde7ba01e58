// Issue #17: identifiers changed in Koers land in every contract that names the organisation.
import { describe, expect, it } from 'vitest';
import { applyIdentifier } from '../src/domain/organisation-identifiers.js';
import { loadContracts } from '../src/platform/contracts.js';

const registry = loadContracts('contracts');

describe('applyIdentifier', () => {
  it("sets a provider's KvK number on the provider and in its invoicing section, in each contract that names it", () => {
    const named = registry.contracts.filter((c) => c.providers.some((p) => p.code === 'taalpunt-westfriesland'));
    const r = applyIdentifier(registry.contracts, { kind: 'provider', code: 'taalpunt-westfriesland', kvkNumber: '12345678' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.contracts.map((c) => c.id)).toEqual(named.map((c) => c.id));
    for (const c of r.contracts) {
      const p = c.providers.find((x) => x.code === 'taalpunt-westfriesland');
      expect(p?.kvkNumber).toBe('12345678');
      if (p?.invoicing !== undefined) expect(p.invoicing.kvkNumber).toBe('12345678');
    }
    // The registry's own objects are left as they were.
    expect(registry.byId(named[0]?.id ?? '')?.providers.find((x) => x.code === 'taalpunt-westfriesland')?.kvkNumber).not.toBe('12345678');
  });

  it("sets a municipality's OIN in its invoicing section; refused where the contract has none, or for a malformed number", () => {
    const withInvoicing = registry.contracts.flatMap((c) => c.municipalities.filter((m) => m.invoicing !== undefined).map((m) => m.code))[0];
    expect(withInvoicing).toBeDefined();
    const ok = applyIdentifier(registry.contracts, { kind: 'municipality', code: withInvoicing ?? '', oin: '00000001234567890000' });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.contracts.flatMap((c) => c.municipalities.filter((m) => m.code === withInvoicing).map((m) => m.invoicing?.oin))).toEqual(ok.contracts.map(() => '00000001234567890000'));
    const bad = applyIdentifier(registry.contracts, { kind: 'municipality', code: withInvoicing ?? '', oin: '123' });
    expect(bad).toMatchObject({ ok: false, field: 'oin' });
    const without = registry.contracts.flatMap((c) => c.municipalities.filter((m) => m.invoicing === undefined).map((m) => m.code))[0];
    if (without !== undefined) expect(applyIdentifier(registry.contracts, { kind: 'municipality', code: without, oin: '00000001234567890000' })).toMatchObject({ ok: false, field: 'oin' });
    expect(applyIdentifier(registry.contracts, { kind: 'provider', code: 'bestaat-niet', kvkNumber: '12345678' })).toMatchObject({ ok: false });
  });
});
