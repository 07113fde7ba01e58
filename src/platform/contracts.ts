// Loads contracts/*.yaml at start and validates each against the Contract schema (R-CON-1, R-CON-9).
// An invalid file stops the start with its file name, the path inside it and the reason.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { Contract, findVersionInForce, type ContractVersion, type IsoDate } from '../domain/contract.js';

export class ContractFileError extends Error {}

export interface ContractRegistry {
  readonly contracts: readonly Contract[];
  byId(id: string): Contract | undefined;
  /** The contracts a municipality takes part in. */
  forMunicipality(municipalityCode: string): Contract[];
  /**
   * Issue #17 (R-CON-10): puts a contract with a version the administrator activated in place of the one
   * with its id; every later read sees it. Only src/features/contract-versions calls it.
   */
  replace(contract: Contract): void;
}

function formatPath(p: readonly PropertyKey[]): string {
  return p.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc === '' ? String(k) : `${acc}.${String(k)}`), '');
}

export function parseContractFile(file: string, text: string): Contract {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    throw new ContractFileError(`${file}: not valid YAML: ${(err as Error).message}`);
  }
  const result = Contract.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${file}: ${formatPath(i.path) || '(root)'}: ${i.message}`);
    throw new ContractFileError(`Invalid contract file ${file}:\n${lines.join('\n')}`);
  }
  return result.data;
}

/**
 * Issue #16: where a start may keep the contracts it parsed and validated, so the next start with the
 * same files skips YAML and zod (~0.45 s of a restart). Only a compiled build passes one (src/cli/main.ts):
 * `build` names the code that validated (the schema, zod, yaml), and a cache of other code is not read.
 */
export interface ContractsCache {
  /** A directory that exists (the data directory); the cache is one file in it. */
  dir: string;
  /** The compiled build's id (scripts/start.mjs: a hash of the server's sources and the package lock). */
  build: string;
}

export const CONTRACTS_CACHE_FILE = 'contracts-cache.json';

let processCache: ContractsCache | undefined;

/**
 * Sets the cache every later loadContracts of this process uses unless given another: `koers start` of a
 * compiled build calls it once, before createKoers (src/cli/main.ts). Tests and the other commands never
 * do, so they parse the files each time as before.
 */
export function useContractsCache(cache: ContractsCache | undefined): void {
  processCache = cache;
}

export function loadContracts(dir: string, cache: ContractsCache | undefined = processCache): ContractRegistry {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  if (files.length === 0) throw new ContractFileError(`No contract files (*.yaml) in ${dir}`);
  const texts = files.map((f) => readFileSync(path.join(dir, f)));
  // The key is of every file's name and bytes and of the build: a changed, added or removed file, or
  // other code, misses the cache and is parsed and validated again (R-CON-9 holds for every start).
  const key = cache === undefined ? '' : contractsKey(cache.build, files, texts);
  const cached = cache === undefined ? undefined : readCache(cache.dir, key);
  if (cached !== undefined) return registryOf(cached);
  const contracts = files.map((f, i) => parseContractFile(path.join(path.basename(dir), f), (texts[i] as Buffer).toString('utf8')));
  const ids = new Set<string>();
  for (const c of contracts) {
    if (ids.has(c.id)) throw new ContractFileError(`Two contract files have the id "${c.id}"`);
    ids.add(c.id);
  }
  if (cache !== undefined) writeCache(cache.dir, key, contracts);
  return registryOf(contracts);
}

function contractsKey(build: string, files: readonly string[], texts: readonly Buffer[]): string {
  const hash = createHash('sha256').update(`koers-contracts-cache-1\0${build}\0`);
  files.forEach((f, i) => {
    const bytes = texts[i] as Buffer;
    hash.update(`${f}\0${bytes.length}\0`).update(bytes);
  });
  return hash.digest('hex');
}

/** The cached contracts when the file holds this key; undefined when it is missing, stale or unreadable. */
function readCache(dir: string, key: string): Contract[] | undefined {
  try {
    const doc = JSON.parse(readFileSync(path.join(dir, CONTRACTS_CACHE_FILE), 'utf8')) as { key?: unknown; contracts?: unknown };
    return doc.key === key && Array.isArray(doc.contracts) ? (doc.contracts as Contract[]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps what was validated for the next start. Written aside and renamed, so a start reading it never
 * sees half a file; a directory that is missing or read-only only costs the next start its parse.
 * The contracts are plain data (strings, numbers, arrays; dates as ISO strings), so JSON keeps them whole.
 */
function writeCache(dir: string, key: string, contracts: readonly Contract[]): void {
  if (!existsSync(dir)) return;
  const file = path.join(dir, CONTRACTS_CACHE_FILE);
  const part = `${file}.${process.pid}`;
  try {
    writeFileSync(part, JSON.stringify({ key, contracts }));
    renameSync(part, file);
  } catch {
    // Not kept: the next start parses the files again.
  }
}

export function registryOf(initial: readonly Contract[]): ContractRegistry {
  let contracts = initial;
  return {
    get contracts() {
      return contracts;
    },
    byId: (id) => contracts.find((c) => c.id === id),
    forMunicipality: (code) => contracts.filter((c) => c.municipalities.some((m) => m.code === code)),
    replace: (contract) => {
      if (!contracts.some((c) => c.id === contract.id)) throw new ContractFileError(`No contract with the id "${contract.id}"`);
      contracts = contracts.map((c) => (c.id === contract.id ? contract : c));
    },
  };
}

export interface VersionInForce {
  contract: Contract;
  version: ContractVersion;
}

/** The contract versions a municipality has in force on a date (R-CON-10). */
export function versionsInForce(registry: ContractRegistry, municipalityCode: string, date: IsoDate): VersionInForce[] {
  return registry.forMunicipality(municipalityCode).flatMap((contract) => {
    const version = findVersionInForce(contract, date);
    return version === undefined ? [] : [{ contract, version }];
  });
}

/** What a referral records of the contract it was made under (referral.contract_id, contract_version). */
export interface ContractRef {
  contractId: string;
  contractVersion: number;
}

/**
 * R-CON-10: the contract version that governs a referral — the one in force on its referral date,
 * recorded with it — and its contract. The one lookup every rule uses (issue #10): a later version
 * never changes the rules of an earlier referral. When the registry no longer holds the recorded
 * number (a contract file renumbered after the fact), the version in force on `referredOn`, if given,
 * governs; without it, or when none is in force then, undefined (the caller's defaults apply).
 */
export function governingVersion(registry: ContractRegistry, ref: ContractRef, referredOn?: IsoDate): VersionInForce | undefined {
  const contract = registry.byId(ref.contractId);
  if (contract === undefined) return undefined;
  const version = contract.versions.find((v) => v.version === ref.contractVersion) ?? (referredOn === undefined ? undefined : findVersionInForce(contract, referredOn));
  return version === undefined ? undefined : { contract, version };
}

/** The governing version alone (see governingVersion); undefined without a referral. */
export function versionOf(registry: ContractRegistry, ref: ContractRef | undefined, referredOn?: IsoDate): ContractVersion | undefined {
  return ref === undefined ? undefined : governingVersion(registry, ref, referredOn)?.version;
}
