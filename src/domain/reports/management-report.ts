// R-MI-2, 000 §4.2: the management report — "Opdrachtnemer levert elk kwartaal een managementrapportage
// aan" — items 1–15. Koers computes what it knows: 4 the unique participants, 5 the turnover from the
// invoices (issue #11), 14 the invoicing term against the contract's invoice deadline; 6 the complaints
// received, from the complaints register (R-CM-3, issue #14); from the quality register (R-QLT-1, R-QLT-2,
// R-QLT-4, issue #14) 1 the Blik op Werk mark in force at the quarter's end, 2 the teachers in the register
// on that day against the contract's norm, 8 the class visits and 11 the customer satisfaction results of
// the quarter, per provider. The rest the provider enters (MANAGEMENT_REPORT_ENTERED).
// A pure function; the definitions are in docs/reports.md §7.
import { compareDates } from '../calendar.js';
import type { Deadline, HolidayCalendar, IsoDate } from '../contract.js';
import { computeDeadline } from '../deadline.js';
import type { TeacherNorm } from '../quality/contract-data.js';
import { teacherCompliance, type TeacherFacts } from '../quality/teachers.js';
import { SMALL_CELL_THRESHOLD } from '../small-cells.js';
import { firstStart, runningIn, type ComplaintFact, type Member } from './content-report.js';
import { SUPPRESSED, type ReportCell, type ReportDocument, type ReportSection } from './document.js';
import type { ReferralFact } from './facts.js';
import type { ReportPeriod } from './periods.js';
import { suppressTable } from './suppression.js';

/** Invoice lines of one municipality, one kind, one issue date and one earned date (invoice_line × invoice × billable_event). */
export interface InvoiceLinesFact {
  municipality: string;
  kind: 'invoice' | 'creditNote';
  issueDate: IsoDate;
  earnedOn: IsoDate;
  lines: number;
  amountCents: number;
}

export interface ManagementReportFacts {
  /** Every referral of the contract in the scope (every product). */
  referrals: readonly ReferralFact[];
  /** Lines of sent invoices and credit notes issued in the quarter. */
  invoiceLines: readonly InvoiceLinesFact[];
  /** Item 6: the participants' complaints about these referrals (R-CM-3); absent: none read. */
  complaints?: readonly ComplaintFact[];
  /** Items 1, 8, 11 (R-QLT-1, R-QLT-4): per provider of the report, already cut to the quarter; absent: none read. */
  quality?: readonly ProviderQualityFact[];
}

/**
 * One provider's quality-register facts for a quarter (000 §4.2 items 1, 8, 11; 003 art. 1.4, 5, 16). Per
 * provider, never per person: no suppression applies, every reader of the report sees them whole.
 */
export interface ProviderQualityFact {
  providerCode: string;
  providerName: string;
  /**
   * Item 2 (R-QLT-2): the provider's teachers by qualification in the register on the quarter's last day,
   * and the contract's norm then (null: the contract sets none). Absent: the register was not read.
   */
  teachers?: { certified: number; inTraining: number; otherSpecialist: number; norm: Pick<TeacherNorm, 'minCertifiedPercent' | 'maxInTrainingPercent'> | null };
  /** Item 1: the latest mark started by the quarter's end, its withdrawal only if on or before that day; null: none registered. */
  mark: { since: IsoDate; validUntil: IsoDate; withdrawnOn: IsoDate | null } | null;
  /** Item 8: the class visits of the quarter (003 art. 16.2), oldest first. */
  classVisits: { visitedOn: IsoDate; announced: boolean; findings: string }[];
  /** Item 11: the customer satisfaction results surveyed in the quarter (003 art. 16.1), oldest first. */
  satisfaction: { surveyedOn: IsoDate; conductedBy: 'blikOpWerk' | 'municipality'; score: number | null; respondents: number | null; summary: string }[];
}

export interface ManagementVersion {
  version: number;
  deadlines: { invoice?: Pick<Deadline, 'amount' | 'unit'> | undefined };
  holidayCalendar: HolidayCalendar;
}

export interface ManagementRow {
  /** A municipality code, or 'region'. */
  scope: string;
  uniqueParticipants: number | null; // 4
  invoicedCents: number | null; // 5
  creditedCents: number | null; // 5
  turnoverCents: number | null; // 5: invoiced − credited
  complaints: number | null; // 6: the participants' complaints about the scope's referrals received in the quarter (R-CM-3)
}

export interface InvoicingTerm {
  /** The contract's invoice deadline, e.g. 6 weeks; null when the contract names none. */
  deadline: { amount: number; unit: string } | null;
  lines: number | null;
  withinTerm: number | null;
  late: number | null;
  /** Mean calendar days from the performance (earned_on) to the invoice's issue date, one decimal. */
  averageDays: number | null;
}

export interface ManagementReport {
  quarter: string;
  contractVersion: number;
  rows: ManagementRow[];
  /** Item 14, over the invoices (not credit notes) issued in the quarter. */
  invoicingTerm: InvoicingTerm;
  /** Items 1, 8, 11, per provider (ProviderQualityFact). */
  quality: ProviderQualityFact[];
  /** The counts and amounts hidden for aggregate readers, as `${scope}.${field}`. */
  suppressed: string[];
}

/** Item 4: the participants with a referral of the contract started and running on some day of the quarter (as MI 1c), any product. */
export function uniqueParticipantMembers(referrals: readonly ReferralFact[], q: ReportPeriod): Member[] {
  const best = new Map<string, Member>();
  for (const r of referrals) {
    if (!runningIn(r, q)) continue;
    const on = firstStart(r) as IsoDate;
    const b = best.get(r.participantId);
    if (b === undefined || compareDates(on, b.on) < 0 || (on === b.on && r.id < b.referralId)) best.set(r.participantId, { participantId: r.participantId, referralId: r.id, on });
  }
  return [...best.values()].sort((a, b) => compareDates(a.on, b.on) || (a.participantId < b.participantId ? -1 : 1));
}

/**
 * R-MI-2 (000 §4.2): the computed items of the management report for the municipalities given and the
 * region. `regionComplete`: the scope covers every municipality of the contract, so a region row is shown.
 */
export function managementReport(facts: ManagementReportFacts, q: ReportPeriod, municipalities: readonly string[], version: ManagementVersion | undefined, regionComplete: boolean): ManagementReport {
  const rowOf = (scope: string): ManagementRow => {
    const refs = facts.referrals.filter((r) => scope === 'region' || r.municipality === scope);
    const lines = facts.invoiceLines.filter((l) => scope === 'region' || l.municipality === scope);
    const invoiced = lines.filter((l) => l.kind === 'invoice').reduce((s, l) => s + l.amountCents, 0);
    const credited = lines.filter((l) => l.kind === 'creditNote').reduce((s, l) => s + l.amountCents, 0);
    const ids = new Set(refs.map((r) => r.id));
    const complaints = (facts.complaints ?? []).filter((c) => ids.has(c.referralId) && compareDates(c.receivedOn, q.start) >= 0 && compareDates(c.receivedOn, q.end) <= 0).length;
    return { scope, uniqueParticipants: uniqueParticipantMembers(refs, q).length, invoicedCents: invoiced, creditedCents: credited, turnoverCents: invoiced - credited, complaints };
  };
  const rows = [...municipalities.map(rowOf), ...(regionComplete ? [rowOf('region')] : [])];
  return { quarter: q.id, contractVersion: version?.version ?? 0, rows, invoicingTerm: invoicingTerm(facts.invoiceLines, version), quality: [...(facts.quality ?? [])], suppressed: [] };
}

function invoicingTerm(all: readonly InvoiceLinesFact[], version: ManagementVersion | undefined): InvoicingTerm {
  const deadline = version?.deadlines.invoice;
  const lines = all.filter((l) => l.kind === 'invoice');
  const count = lines.reduce((s, l) => s + l.lines, 0);
  const days = (l: InvoiceLinesFact): number => Math.round((Date.parse(`${l.issueDate}T00:00:00Z`) - Date.parse(`${l.earnedOn}T00:00:00Z`)) / 86_400_000);
  const within = deadline === undefined || version === undefined ? null : lines.filter((l) => compareDates(l.issueDate, computeDeadline(l.earnedOn, deadline, version.holidayCalendar)) <= 0).reduce((s, l) => s + l.lines, 0);
  return {
    deadline: deadline === undefined ? null : { amount: deadline.amount, unit: deadline.unit },
    lines: count,
    withinTerm: within,
    late: within === null ? null : count - within,
    averageDays: count === 0 ? null : Math.round((lines.reduce((s, l) => s + days(l) * l.lines, 0) / count) * 10) / 10,
  };
}

/**
 * The aggregate readers' view (R-MI-6): the unique participants through suppressTable (municipality × 1,
 * the region the sum of the municipalities); the turnover of the region only (an amount per municipality
 * can be one participant's); the invoicing term only over at least the threshold of lines.
 */
export function suppressManagementReport(report: ManagementReport, threshold = SMALL_CELL_THRESHOLD): ManagementReport {
  const municipalities = report.rows.filter((r) => r.scope !== 'region');
  const t = suppressTable({ cells: municipalities.map((r) => [r.uniqueParticipants ?? 0]) }, threshold);
  // Item 6 the same way: municipality × 1, the region the sum.
  const c = suppressTable({ cells: municipalities.map((r) => [r.complaints ?? 0]) }, threshold);
  const suppressed: string[] = [];
  const rows: ManagementRow[] = municipalities.map((r, i) => {
    const n = t.cells[i]?.[0] ?? null;
    const complaints = c.cells[i]?.[0] ?? null;
    if (n === null) suppressed.push(`${r.scope}.uniqueParticipants`);
    if (complaints === null) suppressed.push(`${r.scope}.complaints`);
    return { scope: r.scope, uniqueParticipants: n, invoicedCents: null, creditedCents: null, turnoverCents: null, complaints };
  });
  const region = report.rows.find((r) => r.scope === 'region');
  if (region !== undefined) {
    if (t.grandTotal === null) suppressed.push('region.uniqueParticipants');
    if (c.grandTotal === null) suppressed.push('region.complaints');
    rows.push({ ...region, uniqueParticipants: t.grandTotal, complaints: c.grandTotal });
  }
  const term = report.invoicingTerm;
  const enough = (term.lines ?? 0) >= threshold;
  if (!enough) suppressed.push('invoicingTerm');
  return {
    ...report,
    rows,
    invoicingTerm: enough ? term : { deadline: term.deadline, lines: null, withinTerm: null, late: null, averageDays: null },
    suppressed,
  };
}

/** The items the provider enters, keyed by 000 §4.2's numbers, in the source's words. */
export const MANAGEMENT_REPORT_ENTERED: readonly { key: string; label: string }[] = [
  { key: '1', label: "Kwaliteitstoets 'Blik op Werk'" },
  { key: '2', label: 'Voldoen medewerkers aan beroepseisen' },
  { key: '3', label: 'Overlegstructuur' },
  { key: '4', label: 'Aantal unieke cursisten: toelichting' },
  { key: '5', label: 'Omzet totaal Regio Westfriesland: toelichting' },
  { key: '6', label: 'Klachten en maatregelen' },
  { key: '7', label: 'Personele mutaties' },
  { key: '8', label: 'Kwaliteitsmanagementsysteem: geconstateerde kwaliteit van de ondersteuning en de eventuele genomen maatregelen ten gevolge hiervan' },
  { key: '9', label: 'Lopende onderzoeken en incidenten' },
  { key: '10', label: 'SROI' },
  { key: '11', label: 'Klanttevredenheidsonderzoek' },
  { key: '12', label: 'Financieel jaaroverzicht onderneming (de jaarcijfers)' },
  { key: '13', label: 'Onderaannemers' },
  { key: '14', label: 'Facturatietermijn: toelichting' },
  { key: '15', label: 'Aanvullende werkafspraken' },
];

const UNIT_NL: Record<string, [string, string]> = { workingDays: ['werkdag', 'werkdagen'], calendarDays: ['dag', 'dagen'], weeks: ['week', 'weken'], months: ['maand', 'maanden'] };
const euros = (cents: number | null): ReportCell => (cents === null ? SUPPRESSED : cents / 100);
const BY_NL = { blikOpWerk: 'Blik op Werk', municipality: 'Gemeente' } as const;

/** Item 2 (R-QLT-2; 000 §4.2 item 2, 003 art. 5.3, 002 eis 66): one row per provider whose register was read. */
function teacherRows(quality: readonly ProviderQualityFact[]): ReportCell[][] {
  return quality.flatMap((p): ReportCell[][] => {
    if (p.teachers === undefined) return [];
    const { certified, inTraining, otherSpecialist, norm } = p.teachers;
    const list = [...Array<TeacherFacts>(certified).fill({ qualification: 'certified' }), ...Array<TeacherFacts>(inTraining).fill({ qualification: 'inTraining' }), ...Array<TeacherFacts>(otherSpecialist).fill({ qualification: 'otherSpecialist' })];
    const c = teacherCompliance(list, { minCertifiedPercent: norm?.minCertifiedPercent ?? 0, maxInTrainingPercent: norm?.maxInTrainingPercent ?? 100, source: '' });
    const normText = norm === null ? 'Geen norm in het contract' : `ten minste ${String(norm.minCertifiedPercent)}% gecertificeerd, ten hoogste ${String(norm.maxInTrainingPercent)}% in opleiding`;
    const verdict = norm === null ? null : c.compliant === null ? 'Geen docenten geregistreerd' : c.compliant ? 'ja' : `nee: ${c.breaches.map((b) => BREACH_NL[b]).join(', ')}`;
    return [[p.providerName, c.total, certified, inTraining, otherSpecialist, c.certifiedPercent, c.inTrainingPercent, normText, verdict]];
  });
}
const BREACH_NL = { certifiedBelowNorm: 'te weinig gecertificeerd', inTrainingAboveNorm: 'te veel in opleiding' } as const;

/** Items 1, 2, 8, 11 from the quality register (R-QLT-1, R-QLT-2, R-QLT-4); a provider without any row says so in a row of its own. */
function qualitySection(key: string, quality: readonly ProviderQualityFact[]): ReportSection | undefined {
  if (quality.length === 0) return undefined; // none read: the entered text alone, as before the register
  if (key === '2') {
    const rows = teacherRows(quality);
    if (rows.length === 0) return undefined;
    return {
      heading: '2 Docenten in het docentenregister op de laatste dag van het kwartaal',
      table: { columns: ['Aanbieder', 'Docenten', 'Gecertificeerd', 'In opleiding', 'Andere specialist', '% gecertificeerd', '% in opleiding', 'Norm van het contract', 'Voldoet'], rows, decimals: [undefined, undefined, undefined, undefined, undefined, 1, 1] },
    };
  }
  if (key === '1') {
    const rows = quality.map((p): ReportCell[] => (p.mark === null ? [p.providerName, 'Geen keurmerk geregistreerd', null, null] : [p.providerName, p.mark.since, p.mark.validUntil, p.mark.withdrawnOn]));
    return { heading: "1 Keurmerk 'Blik op Werk' op de laatste dag van het kwartaal", table: { columns: ['Aanbieder', 'Sinds', 'Geldig tot en met', 'Ingetrokken op'], rows } };
  }
  if (key === '8') {
    const rows = quality.flatMap((p): ReportCell[][] => (p.classVisits.length === 0 ? [[p.providerName, null, 'Geen lesbezoek in het kwartaal', null]] : p.classVisits.map((v) => [p.providerName, v.visitedOn, v.announced ? 'ja' : 'nee', v.findings])));
    return { heading: '8 Lesbezoeken in het kwartaal', table: { columns: ['Aanbieder', 'Datum', 'Aangekondigd', 'Bevindingen'], rows } };
  }
  if (key === '11') {
    const rows = quality.flatMap((p): ReportCell[][] =>
      p.satisfaction.length === 0 ? [[p.providerName, null, 'Geen onderzoek in het kwartaal', null, null, null]] : p.satisfaction.map((s) => [p.providerName, s.surveyedOn, BY_NL[s.conductedBy], s.score, s.respondents, s.summary]),
    );
    return { heading: '11 Klanttevredenheid: uitkomsten in het kwartaal', table: { columns: ['Aanbieder', 'Datum', 'Uitgevoerd door', 'Cijfer', 'Respondenten', 'Uitkomst'], rows, decimals: [undefined, undefined, undefined, 1] } };
  }
  return undefined;
}

/** The management report's document: the computed items in their place among the entered ones (keys of MANAGEMENT_REPORT_ENTERED). */
export function managementReportDocumentOf(
  report: ManagementReport,
  meta: { contractName: string; scopeName: string; audience: 'personal' | 'aggregate'; nameOf: (scope: string) => string },
  entered: Readonly<Record<string, string>>,
): ReportDocument {
  const sections: ReportSection[] = [];
  const hidden = (key: string): boolean => report.suppressed.includes(key);
  for (const { key, label } of MANAGEMENT_REPORT_ENTERED) {
    if (key === '4') {
      sections.push({
        heading: '4 Aantal unieke cursisten',
        table: { columns: ['Gemeente', 'Aantal unieke cursisten'], rows: report.rows.map((r) => [meta.nameOf(r.scope), r.uniqueParticipants === null || hidden(`${r.scope}.uniqueParticipants`) ? SUPPRESSED : r.uniqueParticipants]) },
      });
    } else if (key === '5') {
      const rows = report.rows.filter((r) => meta.audience === 'personal' || r.scope === 'region');
      sections.push({
        heading: '5 Omzet totaal (euro, exclusief btw)',
        table: { columns: ['Gemeente', 'Gefactureerd', 'Gecrediteerd', 'Omzet'], rows: rows.map((r) => [meta.nameOf(r.scope), euros(r.invoicedCents), euros(r.creditedCents), euros(r.turnoverCents)]), decimals: [undefined, 2, 2, 2] },
      });
    } else if (key === '6') {
      // From the complaints register (R-CM-3, issue #14).
      sections.push({
        heading: '6 Aantal ontvangen klachten',
        table: { columns: ['Gemeente', 'Aantal ontvangen klachten'], rows: report.rows.map((r) => [meta.nameOf(r.scope), r.complaints === null || hidden(`${r.scope}.complaints`) ? SUPPRESSED : r.complaints]) },
      });
    } else if (key === '14') {
      const t = report.invoicingTerm;
      const term = t.deadline === null ? null : `${String(t.deadline.amount)} ${(UNIT_NL[t.deadline.unit] ?? ['', ''])[t.deadline.amount === 1 ? 0 : 1]}`;
      const cell = (n: number | null): ReportCell => (hidden('invoicingTerm') ? SUPPRESSED : n);
      sections.push({
        heading: '14 Facturatietermijn',
        table: {
          columns: ['Onderdeel', 'Waarde'],
          rows: [['Termijn na de prestatie', term], ['Gefactureerde regels', cell(t.lines)], ['Binnen de termijn', cell(t.withinTerm)], ['Na de termijn', cell(t.late)], ['Gemiddeld aantal dagen na de prestatie', cell(t.averageDays)]],
          decimals: [undefined, 1],
        },
      });
    }
    const fromRegister = qualitySection(key, report.quality);
    if (fromRegister !== undefined) sections.push(fromRegister);
    sections.push({ heading: `${key} ${label}`, text: entered[key] ?? null });
  }
  const notes = ['Berekend uit wat in Koers is geregistreerd (docs/reports.md §7): unieke cursisten uit de verwijzingen, omzet uit de verzonden facturen en creditnota\'s van het kwartaal; keurmerk, docenten, lesbezoeken en klanttevredenheid uit het kwaliteitsregister.'];
  if (meta.audience === 'aggregate') notes.push('Het totaal voor de regio is de som van de gemeenten.');
  return { title: `Managementrapportage ${meta.contractName} — ${report.quarter}`, subtitle: `${meta.scopeName}; contractversie ${String(report.contractVersion)}`, notes, sections };
}
