// Issue #14 (R-ESC-1, R-SIG-1): "the plan's weekly check-ins are due dates with signals". On every
// scheduled run each overdue check-in of an open case raises one 'participantEscalation.checkInOverdue'
// signal; its identity is (cause, participant, case:due date), so a second run raises nothing new.
// Holding the check-in or closing the case answers it (service.ts, same transaction).
import { checkInDueDates, overdueCheckIns } from '../../domain/escalation/participant-ladder.js';
import type { IsoDate } from '../../domain/iso-date.js';
import type { Queryable } from '../../platform/db.js';
import { raiseSignals, resolveSignals, type NewSignal } from '../signals/store.js';
import { stepsAndCheckIns, unsafeOpenCases, type CheckInRow, type StepRow } from './store.js';

export const CHECK_IN_CAUSE = 'participantEscalation.checkInOverdue';

interface Result {
  raised: number;
  resolved: number;
  breached: number;
}

/** The plan's due dates of a case (none before the plan step). */
export function dueDatesOf(steps: readonly StepRow[]): IsoDate[] {
  const plan = steps.find((s) => s.step === 'improvementPlan');
  return plan === undefined || plan.planWeeks === null ? [] : checkInDueDates(plan.decidedOn, plan.planWeeks);
}

export const periodOf = (escalationId: string, dueOn: IsoDate): string => `${escalationId}:${dueOn}`;

export async function reconcileCheckInSignals(tx: Queryable, today: IsoDate): Promise<Result> {
  const cases = await unsafeOpenCases(tx);
  const { steps, checkIns } = await stepsAndCheckIns(tx, cases.map((c) => c.id));
  const signals: NewSignal[] = [];
  for (const c of cases) {
    const held = new Set(checkIns.filter((k: CheckInRow) => k.escalationId === c.id).map((k) => k.dueOn));
    for (const dueOn of overdueCheckIns(dueDatesOf(steps.filter((s) => s.escalationId === c.id)), held, today, null)) {
      signals.push({ cause: CHECK_IN_CAUSE, subject: { type: 'participant', id: c.participantId }, period: periodOf(c.id, dueOn), addressee: 'provider', dueDate: dueOn, municipalityId: c.municipalityId, providerId: c.providerId, participantId: c.participantId, productCode: null });
    }
  }
  return { raised: await raiseSignals(tx, signals, today), resolved: 0, breached: 0 };
}

/** Answers the signals of these check-ins (held, or every due date of a case that closes). */
export function resolveCheckInSignals(tx: Queryable, participantId: string, escalationId: string, dueOns: readonly IsoDate[], today: IsoDate): Promise<number> {
  return resolveSignals(tx, { subject: { type: 'participant', id: participantId }, causes: [CHECK_IN_CAUSE], periods: dueOns.map((d) => periodOf(escalationId, d)) }, 'answered', today);
}

/** An engine extension that runs `next` and then the check-in signals (src/features/scheduled-run.ts). */
export function withCheckInSignals(next?: (tx: Queryable, today: IsoDate) => Promise<Result>): (tx: Queryable, today: IsoDate) => Promise<Result> {
  return async (tx, today) => {
    const a = next === undefined ? { raised: 0, resolved: 0, breached: 0 } : await next(tx, today);
    const b = await reconcileCheckInSignals(tx, today);
    return { raised: a.raised + b.raised, resolved: a.resolved + b.resolved, breached: a.breached + b.breached };
  };
}
