// R-CM-1 (000 §3): when a meeting is due and what Koers proposes for its agenda. Pure: the due dates
// follow from the contract data and the quarter; the agenda from the figures the caller read through the
// report services (src/features/reports), which already hold only what the reader may see.
import { compareDates } from '../calendar.js';
import type { IsoDate } from '../iso-date.js';
import { dueDateOf } from '../reports/obligations.js';
import type { ReportPeriod } from '../reports/periods.js';
import type { MeetingRule } from './contract-data.js';

/**
 * The last day a meeting about `quarter` may be held; null for a meeting on request. 'weekAfterQuarter'
 * reads "uiterlijk in de derde week na afloop van het voorliggende kwartaal" as the report due dates of
 * 000 §4 are read (dueDateOf 'weekAfterPeriod'): the Sunday of the n-th full week after the quarter, so
 * a fourth quarter's meeting falls in January of the next year.
 */
export function meetingDueDate(rule: Pick<MeetingRule, 'due'>, quarter: Pick<ReportPeriod, 'end'>): IsoDate | null {
  if (rule.due === undefined) return null;
  return rule.due.kind === 'inQuarter' ? quarter.end : dueDateOf({ kind: 'weekAfterPeriod', week: rule.due.week }, quarter);
}

/** A meeting planned after its due date: Koers records it and says so (the source says "uiterlijk", not "nooit later"). */
export function plannedLate(due: IsoDate | null, date: IsoDate): boolean {
  return due !== null && compareDates(date, due) > 0;
}

/** An action is overdue from the day after its due date while it is not done (the due date itself is on time). */
export function actionOverdue(dueOn: IsoDate, done: boolean, today: IsoDate): boolean {
  return !done && compareDates(today, dueOn) > 0;
}

// ---- The proposed agenda -------------------------------------------------------------------------

export interface ReportInput {
  id: string;
  kindName: string;
  scopeName: string;
  providerName: string;
  periodId: string;
  dueOn: IsoDate | null;
  status: 'due' | 'submitted' | 'submittedLate' | 'late';
}
export interface KpiInput {
  key: string;
  label: string;
  share: number | null;
  target: number | null;
  meetsTarget: boolean | null;
}
export interface ComplianceInput {
  provider: string;
  providerName: string;
  deadline: string;
  label: string;
  share: number | null;
  denominator: number | null;
}
export interface OpenCaseInput {
  id: string;
  providerName: string;
  stepName: string;
  termUntil: IsoDate | null;
}
export interface OverdueActionInput {
  id: string;
  description: string;
  dueOn: IsoDate;
}

export interface AgendaInputs {
  reports: readonly ReportInput[];
  kpis: readonly KpiInput[];
  compliance: readonly ComplianceInput[];
  /** The contract's compliance norm (the deadlineComplianceBelowNorm pattern); null: no norm, no item. */
  complianceNorm: number | null;
  openCases: readonly OpenCaseInput[];
  overdueActions: readonly OverdueActionInput[];
}

export type AgendaSource = 'reports' | 'kpi' | 'compliance' | 'ladder' | 'action';

export interface ProposedItem {
  source: AgendaSource;
  /** Stable within a meeting's quarter: the screen marks the proposals already on the agenda by it. */
  sourceKey: string;
  title: string;
  detail: string;
}

const pct = (n: number): string => `${(Math.round(n * 1000) / 10).toLocaleString('nl-NL')}%`;

/**
 * R-CM-1: the proposal, in a fixed order — the reports (late ones each, then one line for the submitted
 * and one for the still due), the KPIs off target, deadline compliance below the norm, the open
 * contract-level cases and the overdue actions of earlier meetings. A figure hidden for small numbers
 * (share null) proposes nothing: it cannot be judged without showing a person.
 */
export function proposeAgenda(inputs: AgendaInputs): ProposedItem[] {
  const out: ProposedItem[] = [];
  const late = inputs.reports.filter((r) => r.status === 'late');
  for (const r of late) {
    out.push({ source: 'reports', sourceKey: `report-late:${r.id}`, title: `Te laat: ${r.kindName} ${r.periodId}`, detail: `${r.providerName}, ${r.scopeName}; uiterlijk ${r.dueOn ?? '—'}, niet ingediend.` });
  }
  const submitted = inputs.reports.filter((r) => r.status === 'submitted' || r.status === 'submittedLate');
  if (submitted.length > 0) {
    const afterDue = submitted.filter((r) => r.status === 'submittedLate').length;
    out.push({ source: 'reports', sourceKey: 'reports-submitted', title: `Ingediende rapportages bespreken (${String(submitted.length)})`, detail: `${[...new Set(submitted.map((r) => r.kindName))].join(', ')}${afterDue > 0 ? `; ${String(afterDue)} na de uiterste datum` : ''}.` });
  }
  const due = inputs.reports.filter((r) => r.status === 'due');
  if (due.length > 0) out.push({ source: 'reports', sourceKey: 'reports-due', title: `Rapportages nog te verwachten (${String(due.length)})`, detail: [...new Set(due.map((r) => `${r.kindName} ${r.periodId}`))].join(', ') + '.' });
  for (const k of inputs.kpis) {
    if (k.meetsTarget !== false || k.share === null || k.target === null) continue;
    out.push({ source: 'kpi', sourceKey: `kpi:${k.key}`, title: `KPI onder de streefwaarde: ${k.label}`, detail: `${pct(k.share)} tegen een streefwaarde van ${pct(k.target)}.` });
  }
  if (inputs.complianceNorm !== null) {
    for (const c of inputs.compliance) {
      if (c.share === null || c.share >= inputs.complianceNorm) continue;
      out.push({ source: 'compliance', sourceKey: `compliance:${c.provider}:${c.deadline}`, title: `Termijnnaleving onder de norm: ${c.providerName}`, detail: `${c.label}: ${pct(c.share)} op tijd, norm ${pct(inputs.complianceNorm)}.` });
    }
  }
  for (const c of inputs.openCases) {
    out.push({ source: 'ladder', sourceKey: `case:${c.id}`, title: `Escalatie op contractniveau: ${c.providerName}`, detail: `Stap: ${c.stepName}${c.termUntil === null ? '' : `; termijn tot ${c.termUntil}`}.` });
  }
  for (const a of inputs.overdueActions) {
    out.push({ source: 'action', sourceKey: `action:${a.id}`, title: `Actiepunt over de datum: ${a.description}`, detail: `Uiterlijk ${a.dueOn}, nog niet gedaan.` });
  }
  return out;
}
