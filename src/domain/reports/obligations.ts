// R-CON-8 / R-MI-6: the report instances a contract owes and the status of each (due, submitted, late).
// Pure: the periods, due dates and statuses follow from the contract data and the dates given; "today"
// comes from the caller's injected clock.
import { addCalendarDays, addMonths, compareDates, dayOfWeek } from '../calendar.js';
import { findVersionInForce, type Contract, type IsoDate } from '../contract.js';
import { lastDayOfMonth, periodsEndingWithin, type ReportPeriod } from './periods.js';
import type { ReportBreakdown, ReportDueRule, ReportKind, ReportObligation, ReportRecipient, ReportScope } from './obligation-data.js';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The due date of a period's report under its rule (R-CON-8). Always after the period's end. */
export function dueDateOf(rule: ReportDueRule, period: Pick<ReportPeriod, 'end'>): IsoDate {
  switch (rule.kind) {
    case 'weekAfterPeriod': {
      // 000 §4 "uiterlijk in de tweede week na afloop": the first week after the period is the first
      // Monday-to-Sunday week that starts after the period's last day (a week that still holds days of
      // the period is not "na afloop"); the report is due by that n-th week's Sunday.
      const dayAfter = addCalendarDays(period.end, 1);
      const firstMonday = addCalendarDays(dayAfter, (8 - dayOfWeek(dayAfter)) % 7);
      return addCalendarDays(firstMonday, 7 * rule.week - 1);
    }
    case 'beforeDayOfMonthAfterPeriod': {
      // 001 §4.2 "voor de 20ste van de opvolgende maand": the 19th is the last day that is before the 20th.
      const month = addMonths(`${period.end.slice(0, 7)}-01`, rule.monthsAfter);
      return `${month.slice(0, 8)}${pad2(rule.day - 1)}`;
    }
    case 'withinMonthAfterPeriod': {
      // 000 §4 "uiterlijk in februari na afloop van het jaar": by the month's last day.
      const month = addMonths(`${period.end.slice(0, 7)}-01`, rule.monthsAfter);
      return lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
    }
  }
}

/** One report owed: for a municipality (scope municipality) or the whole region (`municipality` null). */
export interface ReportInstance {
  report: ReportKind;
  scope: ReportScope;
  municipality: string | null;
  breakdown: readonly ReportBreakdown[];
  period: ReportPeriod;
  /** Null where the contract gives no due date (002 eis 17): such an instance is never late. */
  dueOn: IsoDate | null;
  recipients: readonly ReportRecipient[];
  contractVersion: number;
}

/**
 * R-CON-8 / R-CON-10: the instances owed for every period that ends within [from, to], each under the
 * contract version in force on the period's last day (the version whose obligations the period closes).
 */
export function reportInstances(contract: Contract, from: IsoDate, to: IsoDate): ReportInstance[] {
  const out: ReportInstance[] = [];
  for (const cadence of ['month', 'quarter', 'halfYear', 'year'] as const) {
    for (const period of periodsEndingWithin(cadence, from, to)) {
      const version = findVersionInForce(contract, period.end);
      for (const o of (version?.reports ?? []).filter((r) => r.cadence === cadence)) {
        const units = o.scope === 'municipality' ? contract.municipalities.map((m) => m.code) : [null];
        for (const municipality of units) out.push(instanceOf(o, period, municipality, version?.version ?? 0));
      }
    }
  }
  return out.sort((a, b) => compareDates(a.period.end, b.period.end));
}

function instanceOf(o: ReportObligation, period: ReportPeriod, municipality: string | null, contractVersion: number): ReportInstance {
  return {
    report: o.report,
    scope: o.scope,
    municipality,
    breakdown: o.breakdown,
    period,
    dueOn: o.due === undefined ? null : dueDateOf(o.due, period),
    recipients: o.recipients,
    contractVersion,
  };
}

export type ReportStatus = 'due' | 'submitted' | 'late';

/**
 * R-MI-6: late iff submitted after the due date, or not submitted and today is past it; submitted
 * (on time) iff submitted on or before it; otherwise due. Without a due date nothing is late.
 */
export function reportStatus(dueOn: IsoDate | null, submittedOn: IsoDate | null, today: IsoDate): ReportStatus {
  if (submittedOn !== null) return dueOn !== null && compareDates(submittedOn, dueOn) > 0 ? 'late' : 'submitted';
  return dueOn !== null && compareDates(today, dueOn) > 0 ? 'late' : 'due';
}
