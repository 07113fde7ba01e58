// Whether a participant's portfolio is complete (R-MAP-3), for the participation list's column and
// filter "Portfolio compleet" (issue #12, the provider's day: "portfolios to complete"). Read here from
// migration 0022's portfolio_annex rather than through src/features/portfolio, which builds on this
// feature (its writes use writeRoom): the features stay free of cycles. The rule is the domain's.
import { annexCompleteness, portfolioKind, type AnnexContent, type PortfolioProduct } from '../../domain/portfolio.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { productOf } from './service.js';

/**
 * true or false for a portfolio with a Bijlage 3 part (MAP, B1-route participation); null for a Z-route
 * portfolio, which has no completeness rule. Unscoped: the caller lists only participants in its room.
 * Two statements for any number of participants (the participation list reads a whole room at once).
 */
export async function unsafePortfolioCompleteMany(q: Queryable, contracts: ContractRegistry, participantIds: readonly string[]): Promise<Map<string, boolean | null>> {
  const referrals = await q.query<{ participantId: string; contractId: string; productCode: string }>(
    `SELECT participant_id AS "participantId", contract_id AS "contractId", product_code AS "productCode" FROM referral WHERE participant_id = ANY($1::uuid[])`,
    [participantIds],
  );
  const annexes = await q.query<{ participantId: string; content: AnnexContent }>(
    `SELECT DISTINCT ON (participant_id) participant_id AS "participantId", content FROM portfolio_annex WHERE participant_id = ANY($1::uuid[]) ORDER BY participant_id, version DESC`,
    [participantIds],
  );
  const annexOf = new Map(annexes.map((a) => [a.participantId, a.content]));
  const out = new Map<string, boolean | null>();
  for (const id of participantIds) {
    const products = referrals
      .filter((r) => r.participantId === id)
      .map((r) => productOf(contracts, r))
      .filter((p): p is PortfolioProduct & NonNullable<typeof p> => p !== undefined);
    out.set(id, portfolioKind(products) !== 'annex' ? null : annexCompleteness(annexOf.get(id)).complete);
  }
  return out;
}
