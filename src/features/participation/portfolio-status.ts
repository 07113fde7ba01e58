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
 */
export async function unsafePortfolioComplete(q: Queryable, contracts: ContractRegistry, participantId: string): Promise<boolean | null> {
  const referrals = await q.query<{ contractId: string; productCode: string }>(`SELECT contract_id AS "contractId", product_code AS "productCode" FROM referral WHERE participant_id = $1`, [participantId]);
  const products = referrals.map((r) => productOf(contracts, r)).filter((p): p is PortfolioProduct & NonNullable<typeof p> => p !== undefined);
  if (portfolioKind(products) !== 'annex') return null;
  const latest = await q.query<{ content: AnnexContent }>(`SELECT content FROM portfolio_annex WHERE participant_id = $1 ORDER BY version DESC LIMIT 1`, [participantId]);
  return annexCompleteness(latest[0]?.content).complete;
}
