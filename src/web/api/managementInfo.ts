// Issue #13 (R-MI-1, R-MI-6, R-KPI-1, R-KPI-2, R-KPI-3, R-KPI-4, R-CM-2) as the MI page and the figures dashboard read it: the
// contracts whose reports reach the user, the quarterly management information (suppressed for the
// contract manager and the policy officer), KPIs with their trend and deadline compliance per provider.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { koers, ok } from './client';
import type { Answer, ItemOf } from './wire';

export type ReportContract = ItemOf<Answer<'/api/v1/reports/contracts', 'get'>['contracts']>;
export type QuarterlyMi = Answer<'/api/v1/reports/quarterly-mi', 'get'>;
export type MiCell = ItemOf<QuarterlyMi['cells']>;
export type MiFigures = ItemOf<MiCell['quarters']>;
export type Kpis = Answer<'/api/v1/reports/kpis', 'get'>;
export type Kpi = ItemOf<Kpis['kpis']>;
export type Compliance = Answer<'/api/v1/reports/deadline-compliance', 'get'>;

export function useReportContracts() {
  return useQuery({ queryKey: ['report-contracts'] as const, queryFn: async ({ signal }) => (await ok(koers.GET('/api/v1/reports/contracts', { signal }))).contracts });
}

export function useQuarterlyMi(contractId: string | undefined, quarter: string) {
  return useQuery({
    queryKey: ['quarterly-mi', contractId, quarter] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/reports/quarterly-mi', { params: { query: { contractId: contractId ?? '', quarter } }, signal })),
    enabled: contractId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useKpis(contractId: string | undefined, quarter: string) {
  return useQuery({
    queryKey: ['kpis', contractId, quarter] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/reports/kpis', { params: { query: { contractId: contractId ?? '', quarter, quarters: 4 } }, signal })),
    enabled: contractId !== undefined,
  });
}

export function useDeadlineCompliance(contractId: string | undefined, quarter: string) {
  return useQuery({
    queryKey: ['deadline-compliance', contractId, quarter] as const,
    queryFn: ({ signal }) => ok(koers.GET('/api/v1/reports/deadline-compliance', { params: { query: { contractId: contractId ?? '', quarter } }, signal })),
    enabled: contractId !== undefined,
  });
}

/** The quarter containing an ISO date, "2027-Q1". */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${String(Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1)}`;
}

/** The quarter and the `count − 1` before it, newest first (the chooser's options). */
export function recentQuarters(last: string, count: number): string[] {
  const out: string[] = [];
  let [year, q] = last.split('-Q').map(Number) as [number, number];
  for (let i = 0; i < count; i++) {
    out.push(`${String(year)}-Q${String(q)}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}
