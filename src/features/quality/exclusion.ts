// R-QLT-3 (003 art. 4.4, 4.6, 14, 15): a provider excluded from the covenant gets no new referrals; its
// referrals that run stay (their consultants are signalled, src/features/signals/raisers/quality.ts).
// The referral options and create ask here (src/features/referrals/service.ts).
import type { IsoDate } from '../../domain/iso-date.js';
import type { Queryable } from '../../platform/db.js';

export interface Exclusion {
  contractId: string;
  providerId: string;
  on: IsoDate;
}

/** The providers whose latest membership under these contracts is 'excluded' (with its date). */
export async function exclusionsOf(q: Queryable, contractIds: readonly string[]): Promise<Exclusion[]> {
  if (contractIds.length === 0) return [];
  return q.query<Exclusion>(
    `SELECT x.contract_id AS "contractId", x.provider_id AS "providerId", to_char(x.effective_on, 'YYYY-MM-DD') AS "on" FROM (
       SELECT DISTINCT ON (contract_id, provider_id) contract_id, provider_id, state, effective_on FROM covenant_membership
       WHERE contract_id = ANY($1::text[]) ORDER BY contract_id, provider_id, sequence DESC) x
     WHERE x.state = 'excluded'`,
    [[...contractIds]],
  );
}

export function exclusionReason(e: Exclusion): string {
  const [y, m, d] = e.on.split('-');
  return `Deze aanbieder is op ${d}-${m}-${y} uitgesloten van het convenant (003 art. 4.6, 14): nieuwe aanmeldingen zijn niet mogelijk. Lopende trajecten blijven.`;
}
