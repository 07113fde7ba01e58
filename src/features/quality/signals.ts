// The quality register's facts for its signals (issue #14, R-QLT-2, R-QLT-3): per contract with quality
// rules and per provider, the mark concern, the teacher compliance and a current exclusion, handed to the
// raiser (src/features/signals/raisers/quality.ts), which owns the signals. Run after every change to a
// record (its transaction, one provider) and on every scheduled run (all).
import type { IsoDate } from '../../domain/iso-date.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { organisationId } from '../organisations/store.js';
import { reconcileQualitySignals, type ProviderQualityFacts } from '../signals/raisers/quality.js';
import { complianceOf, concernOf, currentMark } from './record.js';
import { rulesOf } from './room.js';
import { marksOf, membershipsOf, teachersOf } from './store.js';

interface Result {
  raised: number;
  resolved: number;
  breached: number;
}

export async function qualityFacts(q: Queryable, contracts: ContractRegistry, today: IsoDate, onlyProviderId?: string): Promise<ProviderQualityFacts[]> {
  const out: ProviderQualityFacts[] = [];
  for (const contract of contracts.contracts) {
    const rules = rulesOf(contract, today);
    if (rules.qualityMark === undefined && rules.teacherNorm === undefined && rules.covenant === undefined) continue;
    const providers = contract.providers.map((p) => organisationId('provider', p.code)).filter((id) => onlyProviderId === undefined || id === onlyProviderId);
    if (providers.length === 0) continue;
    const [marks, memberships, teachers] = await Promise.all([marksOf(q, providers), membershipsOf(q, [contract.id], providers), teachersOf(q, providers)]);
    const municipalityId = organisationId('municipality', contract.municipalities[0]?.code ?? '');
    for (const providerId of providers) {
      const membership = memberships.filter((m) => m.providerId === providerId).at(-1);
      const mark = currentMark(marks.filter((m) => m.providerId === providerId), today);
      const concern = concernOf(rules, mark, membership, today);
      // An excluded provider's teachers are not judged: it takes no new participants.
      const compliance = membership?.state === 'excluded' ? null : complianceOf(rules, teachers.filter((t) => t.providerId === providerId));
      out.push({
        contractId: contract.id,
        providerId,
        municipalityId,
        concern: concern === null ? null : { concern, markId: mark?.id ?? null },
        compliant: compliance?.compliant ?? null,
        exclusionId: membership?.state === 'excluded' ? membership.id : null,
      });
    }
  }
  return out;
}

export async function reconcileQuality(q: Queryable, contracts: ContractRegistry, today: IsoDate, onlyProviderId?: string): Promise<Result> {
  return reconcileQualitySignals(q, await qualityFacts(q, contracts, today, onlyProviderId), today);
}

/** The engine extension (src/features/referrals/signal-engine.ts EngineExtension): `next`, then the quality signals. */
export function withQualitySignals(contracts: ContractRegistry, next?: (tx: Queryable, today: IsoDate) => Promise<Result>): (tx: Queryable, today: IsoDate) => Promise<Result> {
  return async (tx, today) => {
    const a = next === undefined ? { raised: 0, resolved: 0, breached: 0 } : await next(tx, today);
    const b = await reconcileQuality(tx, contracts, today);
    return { raised: a.raised + b.raised, resolved: a.resolved + b.resolved, breached: a.breached + b.breached };
  };
}
