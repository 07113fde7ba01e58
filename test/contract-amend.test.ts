// Issue #17 (R-CON-10): a new version from a date ends the one before it the day before.
import { describe, expect, it } from 'vitest';
import { loadContracts } from '../src/platform/contracts.js';
import { amendContract, type VersionBody } from '../src/domain/contract-versions/amend.js';

const westfriesland = loadContracts('contracts').byId('westfriesland');
if (westfriesland === undefined) throw new Error('contracts/westfriesland.yaml is missing');
const { version: _n, validFrom: _f, validTo: _t, ...body } = westfriesland.versions[0] ?? ({} as never);

describe('amendContract', () => {
  it('cuts the last version the day before and runs the new one to its end', () => {
    const r = amendContract(westfriesland, body, '2027-07-01');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.contract.versions.map((v) => [v.version, v.validFrom, v.validTo])).toEqual([
      [1, '2026-01-01', '2027-06-30'],
      [2, '2027-07-01', '2029-12-31'],
    ]);
    expect(westfriesland.versions[0]?.validTo).toBe('2029-12-31'); // the input is left as it was
  });

  it('refuses a date on or before the last start and after its end', () => {
    for (const from of ['2026-01-01', '2025-12-31', '2030-01-01']) {
      const r = amendContract(westfriesland, body, from);
      expect(r.ok, from).toBe(false);
      if (!r.ok) expect(r.problems[0]?.path).toBe('validFrom');
    }
    expect(amendContract(westfriesland, body, '2026-01-02').ok).toBe(true);
    expect(amendContract(westfriesland, body, '2029-12-31').ok).toBe(true);
  });

  it('names an error inside the new version by its own path', () => {
    const broken: VersionBody = structuredClone(body);
    (broken.deadlines as Record<string, unknown>).acknowledgement = { amount: -1, unit: 'workingDays', source: 'x' };
    const r = amendContract(westfriesland, broken, '2027-07-01');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContain('deadlines.acknowledgement.amount');
  });
});
