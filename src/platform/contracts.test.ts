// R-CON-1, R-CON-2, R-CON-3, R-CON-9: the shipped contracts load; a broken one is refused with file,
// path and reason.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findVersionInForce } from '../domain/contract.js';
import { loadContracts, parseContractFile } from './contracts.js';

const DIR = path.resolve(import.meta.dirname, '../../contracts');
const westfriesland = () => parse(readFileSync(path.join(DIR, 'westfriesland.yaml'), 'utf8')) as Record<string, any>;

function errorOf(doc: unknown): string {
  try {
    parseContractFile('w.yaml', stringify(doc));
    return '';
  } catch (err) {
    return (err as Error).message;
  }
}

describe('contract files', () => {
  it('ships the four source regions, each with every R-CON-3 deadline and marked assumptions', () => {
    const registry = loadContracts(DIR);
    expect(registry.contracts.map((c) => c.id).sort()).toEqual(['centraal-gelderland', 'onderwijsroute-haaglanden-holland-rijnland', 'twente', 'westfriesland'].sort());
    for (const c of registry.contracts) {
      expect(c.assumptions.length).toBeGreaterThan(0);
      for (const v of c.versions) expect(Object.keys(v.deadlines)).toHaveLength(12);
    }
    const wf = registry.byId('westfriesland');
    expect(wf?.municipalities.map((m) => m.name).sort()).toEqual(['Drechterland', 'Enkhuizen', 'Hoorn', 'Koggenland', 'Medemblik', 'Opmeer', 'Stede Broec']);
    // 001 §1.1: five working days for the acknowledgement.
    const cg = registry.byId('centraal-gelderland');
    expect(cg && findVersionInForce(cg, '2026-12-23')?.deadlines.acknowledgement).toMatchObject({ amount: 5, unit: 'workingDays' });
  });

  it('names the file, the path and the reason of an invalid value', () => {
    const doc = westfriesland();
    doc.versions[0].deadlines.acknowledgement.amount = 'vijf';
    expect(() => parseContractFile('contracts/westfriesland.yaml', stringify(doc))).toThrow(/contracts\/westfriesland\.yaml: versions\[0\]\.deadlines\.acknowledgement\.amount: /);
  });

  it('refuses a missing deadline, an unknown unit and a provider that the contract does not list', () => {
    const doc = westfriesland();
    delete doc.versions[0].deadlines.intakeInvitation;
    doc.versions[0].deadlines.acknowledgement.unit = 'fortnights';
    const message = errorOf(doc);
    expect(message).toMatch(/versions\[0\]\.deadlines\.intakeInvitation/);
    expect(message).toMatch(/versions\[0\]\.deadlines\.acknowledgement\.unit/);
    // Cross-references are checked once the shape is right.
    const other = westfriesland();
    other.versions[0].contracted[0].provider = 'nobody';
    expect(errorOf(other)).toMatch(/versions\[0\]\.contracted\[0\]\.provider: .*nobody/);
  });

  it('refuses overlapping versions (R-CON-10: one version in force per date)', () => {
    const doc = westfriesland();
    doc.versions.push({ ...doc.versions[0], version: 2 });
    expect(() => parseContractFile('w.yaml', stringify(doc))).toThrow(/overlap/);
  });

  it('refuses YAML that does not parse', () => {
    expect(() => parseContractFile('w.yaml', 'a: [')).toThrow(/w\.yaml: not valid YAML/);
  });
});

describe('absence protocol as contract data (R-CON-7)', () => {
  it('every contract carries one, with the municipality classifying (001 §2.3.6) and the 80% norm', async () => {
    const { attendanceRate, belowNorm } = await import('../domain/attendance.js');
    for (const c of loadContracts(DIR).contracts) {
      const p = findVersionInForce(c, '2027-03-01')?.absenceProtocol;
      expect(p, c.id).toBeDefined();
      if (p === undefined) continue;
      expect(p.classifiedBy).toBe('municipality');
      const fact = (attended: number) => ({ sessionId: 's', date: '2027-03-01', scheduledMinutes: 1000, attendedMinutes: attended, present: true, calledIn: false, reason: null, makeUp: false, cancelledByProvider: false });
      expect(belowNorm(attendanceRate([fact(799)], '2027-03-01', '2027-03-31'), p), c.id).toBe(true);
      expect(belowNorm(attendanceRate([fact(800)], '2027-03-01', '2027-03-31'), p), c.id).toBe(false);
    }
  });
});
