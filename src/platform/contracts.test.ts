// R-CON-1, R-CON-2, R-CON-3, R-CON-9: the shipped contracts load; a broken one is refused with file,
// path and reason, also when a start kept the contracts it validated before (issue #16).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { findVersionInForce } from '../domain/contract.js';
import { CONTRACTS_CACHE_FILE, loadContracts, parseContractFile } from './contracts.js';

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

describe('tariffs, staffel and payment schedules as contract data (R-CON-5, R-CON-6, issue #11)', () => {
  it('every shipped product has a tariff in force at the term start and a payment schedule (or rides along with one)', () => {
    for (const c of loadContracts(DIR).contracts) {
      const version = findVersionInForce(c, c.term.start);
      const schedules = version?.paymentSchedules ?? [];
      const riding = new Set(schedules.flatMap((s) => s.items.flatMap((i) => i.withProducts ?? [])));
      for (const p of c.products) {
        expect(c.tariffs?.some((t) => t.product === p.code && t.validFrom <= c.term.start), `${c.id} ${p.code} tariff`).toBe(true);
        expect(schedules.some((s) => s.product === p.code) || riding.has(p.code), `${c.id} ${p.code} schedule`).toBe(true);
      }
      for (const m of c.municipalities) expect(m.invoicing, `${c.id} ${m.code}`).toBeDefined();
      for (const p of c.providers) expect(p.invoicing, `${c.id} ${p.code}`).toBeDefined();
    }
  });

  it('carries 001 Bijlage 4 per municipality: Doesburg PDF only, one PDF per mail, at most 5 MB, no paper; Duiven routenummer 29070', () => {
    const cg = loadContracts(DIR).byId('centraal-gelderland');
    const of = (code: string) => cg?.municipalities.find((m) => m.code === code)?.invoicing;
    expect(of('doesburg')).toMatchObject({
      address: { line: 'Postbus 100', postalCode: '6980 AC' },
      contact: 'Alma Boersma',
      delivery: { email: 'crediteuren-administratie@doesburg.nl', pdfOnly: true, maxPdfsPerMail: 1, maxPdfBytes: 5 * 1024 * 1024, noPaperCopy: true },
    });
    expect(of('rheden')?.delivery).toMatchObject({ email: 'facturen@rheden.nl', pdfOnly: true, maxPdfsPerMail: 1, maxPdfBytes: 5 * 1024 * 1024 });
    expect(of('duiven')?.purchaseOrder).toBe('routenummer 29070');
    expect(of('zevenaar')).toMatchObject({ purchaseOrder: 'FCL 6144', contact: 'Eva Jongsma', delivery: { email: 'facturen@zevenaar.nl' } });
  });

  it('refuses a bad IBAN, a VAT id and KvK number of the wrong shape, each at its path', () => {
    const doc = westfriesland();
    doc.providers[0].invoicing.iban = 'NL00ABNA0417164300';
    doc.providers[1].invoicing.kvkNumber = '1234';
    doc.providers[2].invoicing.vatId = 'NL12';
    const message = errorOf(doc);
    expect(message).toMatch(/providers\[0\]\.invoicing\.iban: not a valid IBAN/);
    expect(message).toMatch(/providers\[1\]\.invoicing\.kvkNumber: a KvK number has 8 digits/);
    expect(message).toMatch(/providers\[2\]\.invoicing\.vatId: /);
    // The shipped IBAN in another spelling (spaces, lower case) is accepted.
    const ok = westfriesland();
    ok.providers[0].invoicing.iban = ok.providers[0].invoicing.iban.toLowerCase().replace(/(.{4})/g, '$1 ').trim();
    expect(errorOf(ok)).toBe('');
  });

  it('refuses two tariff versions of one product in force on the same day, and an exempt tariff with a VAT rate', () => {
    const doc = westfriesland();
    doc.tariffs.push({ ...doc.tariffs[0], validFrom: '2027-01-01', amountCents: 1030000 });
    doc.tariffs[1].vat = { treatment: 'exempt', ratePercent: 21 };
    const message = errorOf(doc);
    expect(message).toMatch(/tariffs\[4\]: tariff versions 0 and 4 of product "b1_language" overlap/);
    expect(message).toMatch(/tariffs\[1\]\.vat\.ratePercent: an exempt tariff has VAT rate 0/);
    // Indexation done right: the old version closed the day before.
    const indexed = westfriesland();
    indexed.tariffs[0].validTo = '2026-12-31';
    indexed.tariffs.push({ ...indexed.tariffs[0], validFrom: '2027-01-01', validTo: undefined, amountCents: 1030000 });
    expect(errorOf(indexed)).toBe('');
  });

  it('refuses a schedule whose shares are not 100%, an unknown product and overlapping staffel bands', () => {
    const doc = parse(readFileSync(path.join(DIR, 'onderwijsroute-haaglanden-holland-rijnland.yaml'), 'utf8')) as Record<string, any>;
    doc.versions[0].paymentSchedules[0].items[0].shareBasisPoints = 2900;
    doc.versions[0].paymentSchedules[0].items[5].withProducts = ['nothing'];
    doc.staffels[0].tables[0].bands[1].min = 25;
    const message = errorOf(doc);
    expect(message).toMatch(/versions\[0\]\.paymentSchedules\[0\]\.items: the shares add up to 9900 basis points/);
    expect(message).toMatch(/versions\[0\]\.paymentSchedules\[0\]\.items\[5\]\.withProducts\[0\]: unknown product "nothing"/);
    expect(message).toMatch(/staffels\[0\]\.tables\[0\]\.bands\[1\]: bands must ascend without overlap/);
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

describe('the validated contracts kept between starts (issue #16)', () => {
  const copy = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'koers-contracts-'));
    const contracts = path.join(dir, 'contracts');
    cpSync(DIR, contracts, { recursive: true });
    return { dir, contracts, cacheFile: path.join(dir, CONTRACTS_CACHE_FILE) };
  };

  it('a second load with the same files and build reads the cache; a changed file is read and validated again', () => {
    const { dir, contracts, cacheFile } = copy();
    try {
      const cache = { dir, build: 'b1' };
      const parsed = loadContracts(contracts, cache);
      expect(existsSync(cacheFile)).toBe(true);
      expect(loadContracts(contracts, cache).contracts).toEqual(parsed.contracts);
      // Proof that the second load came from the cache: an entry changed in it (same key) comes back.
      const doc = JSON.parse(readFileSync(cacheFile, 'utf8')) as { key: string; contracts: { name: string }[] };
      (doc.contracts[0] as { name: string }).name = 'uit de cache';
      writeFileSync(cacheFile, JSON.stringify(doc));
      expect(loadContracts(contracts, cache).contracts[0]?.name).toBe('uit de cache');
      // Another build (other code) does not use it.
      expect(loadContracts(contracts, { dir, build: 'b2' }).contracts[0]?.name).not.toBe('uit de cache');
      // A changed file is parsed again: its new municipality name is seen, and the cache holds it next.
      const file = path.join(contracts, 'westfriesland.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('name: Hoorn', 'name: Hoorn (gewijzigd)'));
      const names = (r: ReturnType<typeof loadContracts>) => r.byId('westfriesland')?.municipalities.map((m) => m.name);
      expect(names(loadContracts(contracts, cache))).toContain('Hoorn (gewijzigd)');
      expect(names(loadContracts(contracts, cache))).toContain('Hoorn (gewijzigd)');
      // A broken file is refused even though a cache of the files before exists (R-CON-9).
      writeFileSync(file, readFileSync(file, 'utf8').replace(/(acknowledgement:\s*\n\s*amount:)\s*\d+/, '$1 vijf'));
      expect(() => loadContracts(contracts, cache)).toThrow(/westfriesland\.yaml: versions\[0\]\.deadlines\.acknowledgement\.amount/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a corrupt or foreign cache file is ignored and replaced', () => {
    const { dir, contracts, cacheFile } = copy();
    try {
      const cache = { dir, build: 'b1' };
      const expected = loadContracts(contracts).contracts;
      for (const text of ['{"key":', JSON.stringify({ key: 'other', contracts: [] }), JSON.stringify({ contracts: [] })]) {
        writeFileSync(cacheFile, text);
        expect(loadContracts(contracts, cache).contracts).toEqual(expected);
        expect((JSON.parse(readFileSync(cacheFile, 'utf8')) as { contracts: unknown[] }).contracts).toHaveLength(expected.length);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
