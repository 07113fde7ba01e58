// Issue #14 (R-QLT-2, R-QLT-3): the contract manager's open signals about one provider — addressed to it
// (addressee 'contractManager', signalInRegion), about its region. Shown on the provider's page of the
// quality register; they never name a participant.
import { signalInRegion, SqlParams } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';

export interface RegionSignal {
  id: string;
  cause: string;
  status: 'open' | 'acknowledged';
  raisedOn: string;
}

export function openRegionSignals(q: Queryable, regionId: string, providerId: string): Promise<RegionSignal[]> {
  const p = new SqlParams();
  const where = signalInRegion(regionId, p);
  return q.query<RegionSignal>(
    `SELECT s.id, s.cause, s.status, to_char(s.raised_on, 'YYYY-MM-DD') AS "raisedOn" FROM signal s
     WHERE ${where} AND s.provider_id = ${p.add(providerId)} AND s.status <> 'resolved' ORDER BY s.raised_on, s.cause`,
    p.values,
  );
}
