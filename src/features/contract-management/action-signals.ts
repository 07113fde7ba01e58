// Issue #14 (R-CM-1, R-SIG-1): "an overdue action is a signal to its owner". On every scheduled run, each
// action a provider owns that is not done and past its due date raises one 'meetingAction.overdue'
// signal to that provider; its identity is (cause, provider, action id), so a second run raises nothing
// new. Marking the action done answers it (actions-service.ts, same transaction). An action the
// contract manager owns raises none: signals go to a municipality or a provider (migration 0001's
// addressee) and the contract manager has no work list; its overdue actions show on the meeting.
import type { IsoDate } from '../../domain/iso-date.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { organisationId } from '../organisations/store.js';
import { raiseSignals, resolveSignals, type NewSignal } from '../signals/store.js';
import { unsafeOverdueProviderActions } from './store.js';

interface Result {
  raised: number;
  resolved: number;
  breached: number;
}

export async function resolveActionSignal(tx: Queryable, providerCode: string, actionId: string, today: IsoDate): Promise<number> {
  return resolveSignals(tx, { subject: { type: 'provider', id: organisationId('provider', providerCode) }, causes: ['meetingAction.overdue'], periods: [actionId] }, 'answered', today);
}

/** Raises the overdue signals of every provider-owned action (the contracts give the distribution key). */
export async function reconcileActionSignals(tx: Queryable, contracts: ContractRegistry, today: IsoDate): Promise<Result> {
  const signals: NewSignal[] = [];
  for (const a of await unsafeOverdueProviderActions(tx, today)) {
    const contract = contracts.byId(a.contractId);
    const municipality = contract?.municipalities[0]?.code;
    if (a.ownerCode === null || municipality === undefined) continue;
    const provider = organisationId('provider', a.ownerCode);
    signals.push({
      cause: 'meetingAction.overdue',
      subject: { type: 'provider', id: provider },
      period: a.id,
      addressee: 'provider',
      dueDate: a.dueOn,
      // The signal table wants a municipality (the distribution key); the contract's first, as the
      // region-wide report signals do (src/features/reports/report-signals.ts).
      municipalityId: organisationId('municipality', municipality),
      providerId: provider,
      participantId: null,
      productCode: null,
    });
  }
  return { raised: await raiseSignals(tx, signals, today), resolved: 0, breached: 0 };
}

/** An engine extension that runs `next` and then the action signals (src/features/scheduled-run.ts). */
export function withActionSignals(contracts: ContractRegistry, next?: (tx: Queryable, today: IsoDate) => Promise<Result>): (tx: Queryable, today: IsoDate) => Promise<Result> {
  return async (tx, today) => {
    const a = next === undefined ? { raised: 0, resolved: 0, breached: 0 } : await next(tx, today);
    const b = await reconcileActionSignals(tx, contracts, today);
    return { raised: a.raised + b.raised, resolved: a.resolved + b.resolved, breached: a.breached + b.breached };
  };
}
