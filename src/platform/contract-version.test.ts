// R-CON-10: the one contract-version lookup (governingVersion / versionOf) and the version in force on a
// date (findVersionInForce), at the boundaries of the versions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify, parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findVersionInForce } from '../domain/contract.js';
import { governingVersion, parseContractFile, registryOf, versionOf } from './contracts.js';

const DIR = path.resolve(import.meta.dirname, '../../contracts');

/** Westfriesland with two versions and a gap: v1 to 30 June 2026, v2 from 1 August 2026, open-ended. */
function twoVersions() {
  const doc = parse(readFileSync(path.join(DIR, 'westfriesland.yaml'), 'utf8')) as { versions: Record<string, unknown>[] };
  const v1 = doc.versions[0] ?? {};
  doc.versions = [
    { ...v1, version: 1, validFrom: '2026-01-01', validTo: '2026-06-30' },
    { ...v1, version: 2, validFrom: '2026-08-01', validTo: undefined, absenceProtocol: { ...(v1.absenceProtocol as object), normPercent: 85 } },
  ];
  return parseContractFile('w.yaml', stringify(doc));
}

describe('findVersionInForce (R-CON-10)', () => {
  const c = twoVersions();
  const at = (d: string) => findVersionInForce(c, d)?.version;
  it('validFrom and validTo are both inclusive', () => {
    expect(at('2026-01-01')).toBe(1);
    expect(at('2026-06-30')).toBe(1);
    expect(at('2026-08-01')).toBe(2);
  });
  it('is undefined before the first version and in a gap between versions', () => {
    expect(at('2025-12-31')).toBeUndefined();
    expect(at('2026-07-01')).toBeUndefined();
    expect(at('2026-07-31')).toBeUndefined();
  });
  it('an open-ended version holds on any later date', () => {
    expect(at('2199-12-31')).toBe(2);
  });
});

describe('governingVersion: the version a referral was made under (R-CON-10)', () => {
  const registry = registryOf([twoVersions()]);
  it('is the recorded version, whatever date it is now: a later version does not change an earlier referral', () => {
    expect(governingVersion(registry, { contractId: 'westfriesland', contractVersion: 1 })?.version.version).toBe(1);
    expect(versionOf(registry, { contractId: 'westfriesland', contractVersion: 1 }, '2026-09-01')?.absenceProtocol?.normPercent).toBe(80);
    expect(versionOf(registry, { contractId: 'westfriesland', contractVersion: 2 })?.absenceProtocol?.normPercent).toBe(85);
    expect(governingVersion(registry, { contractId: 'westfriesland', contractVersion: 2 })?.contract.id).toBe('westfriesland');
  });
  it('a number the file no longer holds falls back to the version in force on the referral date, if given', () => {
    const gone = { contractId: 'westfriesland', contractVersion: 7 };
    expect(versionOf(registry, gone)).toBeUndefined();
    expect(versionOf(registry, gone, '2026-06-30')?.version).toBe(1);
    expect(versionOf(registry, gone, '2026-08-01')?.version).toBe(2);
    expect(versionOf(registry, gone, '2026-07-15')).toBeUndefined();
  });
  it('an unknown contract or no referral has no version (the caller\'s defaults apply)', () => {
    expect(versionOf(registry, { contractId: 'nowhere', contractVersion: 1 }, '2026-03-01')).toBeUndefined();
    expect(versionOf(registry, undefined)).toBeUndefined();
  });
});

describe('one lookup (issue #10)', () => {
  it('no file outside src/platform/contracts.ts and src/domain/contract.ts looks a version up itself', async () => {
    const { readdirSync } = await import('node:fs');
    const src = path.resolve(import.meta.dirname, '..');
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    const allowed = new Set([path.join('platform', 'contracts.ts'), path.join('domain', 'contract.ts')]);
    const copies = files.filter((f) => !allowed.has(f) && /\.versions\s*\.\s*find\s*\(/.test(readFileSync(path.join(src, f), 'utf8')));
    expect(copies).toEqual([]);
  });
});
