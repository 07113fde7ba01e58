// Issue #13: whose figures a report shows to whom — the one decision every report service asks
// (R-SEC-1, R-MI-6). It builds on the Scope of src/platform/access.ts and adds nothing to it but the
// aggregate readers' room:
// - a consultant: the cells of its own municipality, traceable to its participants ('personal');
// - a provider's coordinator: every cell of a contract that names the provider, counting its own
//   referrals only, traceable to them ('personal');
// - the contract manager: every municipality of its region in the contract; the policy officer: its own
//   municipality — counts only, suppressed below the threshold (primary and secondary), no drill-down
//   ('aggregate');
// - anyone else, or a contract that does not reach the actor: undefined, which the caller answers with
//   404 (audited).
import type { Contract } from '../../domain/contract.js';
import type { AggregateScope, RequestContext, Scope } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';

export type ReportAudience = 'personal' | 'aggregate';

export interface ReportRoom {
  contract: Contract;
  /** The contract's municipalities whose cells the actor sees, in contract order. */
  municipalities: Contract['municipalities'];
  /** The filter the fact readers put in SQL (referralInReportScope). */
  factScope: Scope | AggregateScope;
  /** 'aggregate': every count goes through suppressTable before it leaves the service, and no participant list. */
  audience: ReportAudience;
  /** The provider's code when the actor is a provider: its own referrals only. */
  providerCode?: string;
}

export async function reportRoomOf(q: Queryable, ctx: RequestContext, contract: Contract): Promise<ReportRoom | undefined> {
  const scope = ctx.scope;
  if (scope.kind === 'municipality') {
    const [row] = await q.query<{ code: string }>(`SELECT code FROM municipality WHERE id = $1`, [scope.municipalityId]);
    const own = contract.municipalities.filter((m) => m.code === row?.code);
    return own.length === 0 ? undefined : { contract, municipalities: own, factScope: scope, audience: 'personal' };
  }
  if (scope.kind === 'provider') {
    const [row] = await q.query<{ code: string }>(`SELECT code FROM provider WHERE id = $1`, [scope.providerId]);
    if (row === undefined || !contract.providers.some((p) => p.code === row.code)) return undefined;
    return { contract, municipalities: contract.municipalities, factScope: scope, audience: 'personal', providerCode: row.code };
  }
  // Aggregate readers: the role decides, the organisation bounds (deny by default).
  const codes = contract.municipalities.map((m) => m.code);
  let rows: { id: string; code: string }[] = [];
  if (ctx.actor.role === 'contractManager' && ctx.organisation.kind === 'region') {
    rows = await q.query(`SELECT id, code FROM municipality WHERE region_id = $1 AND code = ANY($2::text[])`, [ctx.organisation.id, codes]);
  } else if (ctx.actor.role === 'policyOfficer' && ctx.organisation.kind === 'municipality') {
    rows = await q.query(`SELECT id, code FROM municipality WHERE id = $1 AND code = ANY($2::text[])`, [ctx.organisation.id, codes]);
  }
  if (rows.length === 0) return undefined;
  const seen = new Set(rows.map((r) => r.code));
  return {
    contract,
    municipalities: contract.municipalities.filter((m) => seen.has(m.code)),
    factScope: { kind: 'aggregate', municipalityIds: rows.map((r) => r.id) },
    audience: 'aggregate',
  };
}
