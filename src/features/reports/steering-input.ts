// The inputs the education report, deadline compliance and KPI routes share (issue #13): the contract
// (422 unknown) and the quarter (422 outside 2000–2100), as src/features/reports/service.ts reads them.
import type { Contract } from '../../domain/contract.js';
import { periodContaining, type ReportPeriod } from '../../domain/reports/periods.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import { unprocessable } from '../../platform/errors.js';

export function contractOf(contracts: ContractRegistry, contractId: string): Contract {
  const contract = contracts.byId(contractId);
  if (contract === undefined) throw unprocessable('contractId', 'unknown', 'Dit contract kennen we niet. Kies een contract uit de lijst.');
  return contract;
}

/** '2027-Q1' (already checked by the schema's pattern) as the calendar quarter. */
export function quarterOf(id: string): ReportPeriod {
  const [year, q] = id.split('-Q').map(Number) as [number, number];
  if (year < 2000 || year > 2100) throw unprocessable('quarter', 'outOfRange', 'Kies een kwartaal tussen 2000 en 2100.');
  return periodContaining('quarter', `${String(year)}-${String(q * 3 - 2).padStart(2, '0')}-01`);
}
