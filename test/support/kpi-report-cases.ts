// Isolation cases of issue #13: the Onderwijsroute quarterly report (R-MI-5), deadline compliance (R-CM-2)
// and KPIs 1–4 (R-KPI-1, R-KPI-2, R-KPI-3, R-KPI-4), JSON and export (R-SEC-1, R-MI-6). The fixture is a Hoorn participant referred
// to Taalpunt on 1 December 2026 and not acknowledged by the 20th: a late acknowledgement of 2026-Q4 in
// Taalpunt's row for its own consultant and its own provider; Enkhuizen's consultant and the other
// provider see no such step. The aggregate readers get counts (200) but never a person: suppressed, so
// not "visible" in the matrix's sense. The matrix's actors are all outside the Onderwijsroute contract.
import { everyone, type Case } from './matrix.js';

interface Row {
  provider: string;
  figures: { deadline: string; denominator: number | null; pending: number | null }[];
}

const lateAcknowledgement = (b: { rows?: Row[] }): boolean =>
  (b.rows ?? []).some((r) => r.provider === 'taalpunt-westfriesland' && r.figures.some((f) => f.deadline === 'acknowledgement' && (f.denominator ?? 0) + (f.pending ?? 0) > 0));

const COMPLIANCE = 'contractId=westfriesland&quarter=2026-Q4';
const KPIS = 'contractId=westfriesland&quarter=2026-Q4&quarters=2';
const EDUCATION = 'contractId=onderwijsroute-haaglanden-holland-rijnland&quarter=2026-Q4';
const counts = { ownConsultant: 200, otherConsultant: 200, ownProvider: 200, otherProvider: 200, policyOfficer: 200, contractManager: 200 } as const;

export function kpiReportCases(): Case[] {
  return [
    {
      name: 'GET /api/v1/reports/deadline-compliance',
      mutates: false,
      call: (c) => c.get(`/api/v1/reports/deadline-compliance?${COMPLIANCE}`),
      contains: lateAcknowledgement,
      expect: { ...everyone(404), ...counts, ownConsultant: 'visible', otherConsultant: 'hidden', ownProvider: 'visible', otherProvider: 'hidden' },
    },
    { name: 'GET /api/v1/reports/deadline-compliance/export', mutates: false, call: (c) => c.get(`/api/v1/reports/deadline-compliance/export?${COMPLIANCE}&format=xlsx`), expect: { ...everyone(404), ...counts } },
    { name: 'GET /api/v1/reports/kpis', mutates: false, call: (c) => c.get(`/api/v1/reports/kpis?${KPIS}`), expect: { ...everyone(404), ...counts } },
    { name: 'GET /api/v1/reports/kpis/export', mutates: false, call: (c) => c.get(`/api/v1/reports/kpis/export?${KPIS}&format=pdf`), expect: { ...everyone(404), ...counts } },
    { name: 'GET /api/v1/reports/education-report', mutates: false, call: (c) => c.get(`/api/v1/reports/education-report?${EDUCATION}`), expect: everyone(404) },
    { name: 'GET /api/v1/reports/education-report/export', mutates: false, call: (c) => c.get(`/api/v1/reports/education-report/export?${EDUCATION}&format=xlsx`), expect: everyone(404) },
  ];
}
