// Issue #9 hole 9: registering a BSN that is already registered (possibly in another municipality)
// answers 409, which tells the consultant that the person exists. That attempt is audited with the
// existing participant as data subject, so its controller sees who tried, and it is throttled per
// consultant: past the budget every registration waits (429) before any BSN is looked at, so the
// refusal itself reveals nothing.
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { budgetExhausted, takeBudget, Throttled } from '../sessions/throttle.js';

const WINDOW_SECONDS = 3600;
export const BSN_CONFLICTS_PER_HOUR = 10;

const keyOf = (deps: Pick<AppDeps, 'crypto'>, ctx: RequestContext) => deps.crypto.keyedHash('login', `bsn-conflict:${ctx.actor.userId}`);

export async function assertBsnConflictBudget(deps: Pick<AppDeps, 'db' | 'crypto'>, ctx: RequestContext, now: Date): Promise<void> {
  if (await budgetExhausted(deps.db, keyOf(deps, ctx), now, WINDOW_SECONDS, BSN_CONFLICTS_PER_HOUR)) {
    throw new Throttled(WINDOW_SECONDS, 'budget', 'U heeft het afgelopen uur te vaak een BSN ingevoerd dat al geregistreerd is. Probeer het later opnieuw.');
  }
}

/** Audits the refused registration (committed although the caller gets 409) and counts it. */
export async function recordBsnConflict(deps: Pick<AppDeps, 'db' | 'crypto'>, ctx: RequestContext, bsnHash: string, now: Date): Promise<AppError> {
  await deps.db.transaction(async (tx) => {
    // Unscoped on purpose, for the audit line only: never returned to the caller.
    const existing = (await tx.query<{ participantId: string; municipalityId: string }>('SELECT id AS "participantId", municipality_id AS "municipalityId" FROM participant WHERE bsn_hash = $1', [bsnHash]))[0];
    await recordAudit(tx, deps.crypto, ctx, {
      name: 'participant.create',
      status: 'error',
      subjects: existing === undefined ? [] : [existing],
      objectType: 'participant',
      ...(existing !== undefined ? { objectId: existing.participantId } : {}),
      summary: 'BSN already registered',
    });
  });
  await takeBudget(deps.db, keyOf(deps, ctx), now, WINDOW_SECONDS, Number.MAX_SAFE_INTEGER);
  return new AppError('conflict', 'Er is al een inburgeraar met dit BSN geregistreerd.', [{ name: 'bsn', code: 'duplicate', reason: 'Er is al een inburgeraar met dit BSN geregistreerd.' }]);
}
