// The quarterly management information (issue #13, R-MI-1) for the consultant — the cells of its own
// municipality — and the provider's coordinator — every cell of the contract, counting its own referrals
// only (R-SEC-1: "a provider: only its own"). The contract manager (its region) and the policy officer
// (its municipality) get the counts suppressed (R-MI-6, suppressQuarterlyMi): per quarter and count one
// table municipality × product, with the region total per product as the sum of the cells. Outside the room
// (a municipality or provider the contract does not name) the answer is 404, audited. The figures are
// counts, but they come from personal data: the read is audited as one aggregate line in the same
// transaction, without data subjects.
import { periodContaining } from '../../domain/reports/periods.js';
import { quarterlyManagementInformation, quartersUpTo } from '../../domain/reports/quarterly-mi.js';
import { suppressQuarterlyMi, waitsEnded } from '../../domain/reports/quarterly-mi-suppressed.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { unsafeQuarterlyMiFacts } from './facts.js';
import { reportRoomOf } from './room.js';
import type { QuarterlyMiQuery } from './schemas.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'contracts'>;

/** The columns beside the quarter asked for (docs/reports.md §1: "de voorgaande kwartalen", three). */
const PREVIOUS_QUARTERS = 3;

export async function quarterlyMi(deps: Deps, ctx: RequestContext, query: QuarterlyMiQuery) {
  const contract = deps.contracts.byId(query.contractId);
  if (contract === undefined) throw unprocessable('contractId', 'unknown', 'Dit contract kennen we niet. Kies een contract uit de lijst.');
  const [year, q] = query.quarter.split('-Q').map(Number) as [number, number];
  if (year < 2000 || year > 2100) throw unprocessable('quarter', 'outOfRange', 'Kies een kwartaal tussen 2000 en 2100.');
  const quarter = periodContaining('quarter', `${String(year)}-${String(q * 3 - 2).padStart(2, '0')}-01`);
  const room = await reportRoomOf(deps.db, ctx, contract);
  if (room === undefined) {
    await recordAudit(deps.db, deps.crypto, ctx, { name: 'managementInformation.read', status: 'error', subjects: [], objectType: 'quarterlyMi', objectId: contract.id, summary: "outside the actor's scope" });
    throw notFound();
  }
  const from = quartersUpTo(quarter, PREVIOUS_QUARTERS)[0]?.start ?? quarter.start;
  // The five statements run side by side on the pool (on one connection inside the transaction they ran one
  // after another: issue #13's profile). Nothing leaves the server before the audit line has committed
  // below, so a read is never shown unaudited; each statement had its own snapshot in READ COMMITTED anyway.
  const facts = await unsafeQuarterlyMiFacts(deps.db, room.factScope, { contractId: contract.id, from, to: quarter.end });
  return deps.db.transaction(async (tx) => {
    const mi = quarterlyManagementInformation(facts, quarter, { ...contract, municipalities: room.municipalities }, PREVIOUS_QUARTERS);
    const aggregate = room.audience === 'aggregate';
    await recordAudit(tx, deps.crypto, ctx, { name: 'managementInformation.read', status: 'ok', subjects: [], objectType: 'quarterlyMi', objectId: contract.id, summary: `${quarter.id}: ${mi.cells.length} cells, aggregates only${aggregate ? ', suppressed' : ''}` });
    if (!aggregate) return { contractId: contract.id, audience: room.audience, ...mi };
    // R-MI-6: counts only, every count through suppressTable; item 6 needs its number of waits.
    const waits = quartersUpTo(quarter, PREVIOUS_QUARTERS).map((q) => waitsEnded(facts.referrals, q));
    return { contractId: contract.id, audience: room.audience, ...suppressQuarterlyMi(mi, waits) };
  });
}
