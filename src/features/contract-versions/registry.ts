// Issue #17 (R-CON-10): the versions activated in Koers, applied to the contracts from the files at every
// start, in the order they were activated. A stored version that no longer fits its contract (a file
// changed under it) stops the start with its contract and number, as a broken contract file does.
import { parse } from 'yaml';
import { amendContract, type VersionBody } from '../../domain/contract-versions/amend.js';
import type { IsoDate } from '../../domain/iso-date.js';
import { ContractFileError, type ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';

export interface Activation {
  contractId: string;
  version: number;
  validFrom: IsoDate;
  document: string;
}

export async function storedActivations(q: Queryable): Promise<Activation[]> {
  return q.query<Activation>(
    `SELECT contract_id AS "contractId", version, to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", document FROM contract_version_activation ORDER BY activated_at, version`,
  );
}

export async function applyStoredVersions(q: Queryable, registry: ContractRegistry): Promise<number> {
  const rows = await storedActivations(q);
  for (const a of rows) {
    const contract = registry.byId(a.contractId);
    if (contract === undefined) throw new ContractFileError(`Contract version ${a.version} activated in Koers names the contract "${a.contractId}", which no file holds any more`);
    if (contract.versions.some((v) => v.version === a.version)) continue; // the file now ships it itself
    const result = amendContract(contract, parse(a.document) as VersionBody, a.validFrom);
    if (!result.ok) throw new ContractFileError(`Contract version ${a.version} of "${a.contractId}", activated in Koers, no longer fits its contract: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    if (result.version.version !== a.version) throw new ContractFileError(`Contract version ${a.version} of "${a.contractId}" would now be number ${result.version.version}: the contract file changed under it`);
    registry.replace(result.contract);
  }
  return rows.length;
}
