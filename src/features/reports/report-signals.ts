// Issue #13 (R-CON-8, R-MI-6): "each report instance has a status — due, submitted, late — with a signal
// to the party that owes it". On every scheduled run of the signal engine (an EngineExtension, composed
// in src/app.ts and the system route), for every instance a provider owes whose period has ended:
// - due within DUE_HORIZON working days (the contract's holiday calendar) and not submitted: a
//   'periodicReport.due' signal to the provider, due on the instance's due date;
// - past its due date and not submitted: a 'periodicReport.late' signal (and the due one is resolved as
//   no longer called for: the late one replaces it);
// - submitted: both resolved as answered (also at once by the submission, resolveInstanceSignals).
// Identity (cause, provider, instance without provider): a second run raises nothing new. An instance
// without a due date (002 eis 17) is never late and gets no signal.
import { addCalendarDays, compareDates, workingDaysBetween } from '../../domain/calendar.js';
import { findVersionInForce, type IsoDate } from '../../domain/contract.js';
import { instanceKeyOf, type InstanceKey } from '../../domain/reports/submission.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { organisationId } from '../organisations/store.js';
import { markBreached, raiseSignals, resolveSignals, type NewSignal } from '../signals/store.js';
import { owedInstances } from './instances.js';
import { unsafeSubmissionSummaries } from './submission-store.js';

/** Ten working days: two weeks' notice, about the time from a quarter's end to its due date (000 §4, 001 §4.2). */
export const DUE_HORIZON = 10;
/** How far back the run looks for owed instances: a year and a quarter. */
const LOOKBACK_DAYS = 460;

interface Result {
  raised: number;
  resolved: number;
  breached: number;
}

/** The signal period of an instance: its key without the provider (the provider is the subject). */
export const signalPeriodOf = (key: InstanceKey): string => instanceKeyOf({ ...key, provider: '-' }).replace(/~-$/, '');

/** Resolves an instance's signals as answered (the submission's transaction). */
export async function resolveInstanceSignals(tx: Queryable, key: InstanceKey, today: IsoDate): Promise<number> {
  const subject = { type: 'provider' as const, id: organisationId('provider', key.provider) };
  return resolveSignals(tx, { subject, causes: ['periodicReport.due', 'periodicReport.late'], periods: [signalPeriodOf(key)] }, 'answered', today);
}

/** Raises, breaches and resolves the periodic-report signals of every contract. */
export async function reconcileReportSignals(tx: Queryable, contracts: ContractRegistry, today: IsoDate): Promise<Result> {
  const total: Result = { raised: 0, resolved: 0, breached: 0 };
  for (const contract of contracts.contracts) {
    // Every provider's instances: the room of a reader who sees the whole contract.
    const room = { contract, municipalities: contract.municipalities, factScope: { kind: 'none' as const }, audience: 'personal' as const };
    const owed = owedInstances(contract, room, addCalendarDays(today, -LOOKBACK_DAYS), addCalendarDays(today, -1)).filter((o) => o.instance.dueOn !== null);
    const submitted = await unsafeSubmissionSummaries(tx, owed.map((o) => o.id));
    const raise: NewSignal[] = [];
    const late: NewSignal[] = [];
    for (const o of owed) {
      const due = o.instance.dueOn as IsoDate;
      const subject = { type: 'provider' as const, id: organisationId('provider', o.key.provider) };
      const period = signalPeriodOf(o.key);
      if (submitted.has(o.id)) {
        total.resolved += await resolveSignals(tx, { subject, causes: ['periodicReport.due', 'periodicReport.late'], periods: [period] }, 'answered', today);
        continue;
      }
      const fields = {
        subject,
        period,
        addressee: 'provider' as const,
        dueDate: due,
        municipalityId: organisationId('municipality', o.key.municipality ?? contract.municipalities[0]?.code ?? ''),
        providerId: subject.id,
        participantId: null,
        productCode: null,
      };
      if (compareDates(today, due) > 0) late.push({ cause: 'periodicReport.late', ...fields });
      else {
        const cal = findVersionInForce(contract, o.instance.period.end)?.holidayCalendar;
        const left = cal === undefined ? 0 : workingDaysBetween(today, due, cal);
        if (left <= DUE_HORIZON) raise.push({ cause: 'periodicReport.due', ...fields });
      }
    }
    total.raised += await raiseSignals(tx, [...raise, ...late], today);
    for (const s of late) {
      if (await markBreached(tx, { cause: 'periodicReport.due', subject: s.subject, period: s.period }, today)) total.breached++;
      total.resolved += await resolveSignals(tx, { subject: s.subject, causes: ['periodicReport.due'], periods: [s.period] }, 'noLongerCalledFor', today);
    }
  }
  return total;
}

/** An engine extension that runs `next` (the invoicing sweep) and then the periodic-report signals. */
export function withReportSignals(contracts: ContractRegistry, next?: (tx: Queryable, today: IsoDate) => Promise<Result>): (tx: Queryable, today: IsoDate) => Promise<Result> {
  return async (tx, today) => {
    const a = next === undefined ? { raised: 0, resolved: 0, breached: 0 } : await next(tx, today);
    const b = await reconcileReportSignals(tx, contracts, today);
    return { raised: a.raised + b.raised, resolved: a.resolved + b.resolved, breached: a.breached + b.breached };
  };
}
