// R-KPI-1 / R-KPI-2 / R-KPI-3 / R-KPI-4: the KPI targets are contract data (000 §2.2 "Beleidsdoelstelling").
// Kept apart from contract.ts, which embeds the list in a contract version, so kpis.ts needs no contract import.
import { z } from 'zod';

export const KpiName = z.enum([
  /** KPI 1 (R-KPI-1): in contact with (a form of) work within the first year. */
  'participationRate',
  /** KPI 2 (R-KPI-2): the duty met within the legal term. */
  'dutyMetWithinTerm',
  /** KPI 3 (R-KPI-3): down-scaling B1 to A2 — a monitoring indicator without a target. */
  'downscalingB1',
  /** KPI 4 (R-KPI-4): the route completed within the route price. */
  'completedWithinRoutePrice',
]);
export type KpiName = z.infer<typeof KpiName>;

export const KpiRoute = z.enum(['b1', 'z']);
export type KpiRoute = z.infer<typeof KpiRoute>;

export const KpiTarget = z.object({
  kpi: KpiName,
  /** Absent: the target holds for both the B1- and the Z-route. */
  route: KpiRoute.optional(),
  /** A share between 0 and 1 (80% is 0.8). */
  targetShare: z.number().min(0).max(1),
  source: z.string().min(1),
  assumption: z.string().min(1).optional(),
});
export type KpiTarget = z.infer<typeof KpiTarget>;

/** The target of a KPI for a route; null where the contract sets none (KPI 3, KPI 4 in 000). */
export function kpiTargetOf(targets: readonly KpiTarget[] | undefined, kpi: KpiName, route: KpiRoute): number | null {
  const list = targets ?? [];
  return (list.find((t) => t.kpi === kpi && t.route === route) ?? list.find((t) => t.kpi === kpi && t.route === undefined))?.targetShare ?? null;
}
