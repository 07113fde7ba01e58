// Request and response schemas of KPIs 1–4 with their trend (issue #13, R-KPI-1, R-KPI-2, R-KPI-3, R-KPI-4; 000 §2.2).
// Definitions: docs/reports.md §3 and docs/reports.md §14.
import { z } from 'zod';
import { KpiName, KpiRoute } from '../../domain/reports/kpi-data.js';
import { ReportFormat } from './render/index.js';
import { QuarterlyMiQuery } from './schemas.js';

export const KpiQuery = QuarterlyMiQuery.extend({
  quarters: z.coerce
    .number('Vul een aantal kwartalen in, van 1 tot 8.')
    .int('Vul een heel aantal kwartalen in, van 1 tot 8.')
    .min(1, 'Vul een aantal kwartalen in, van 1 tot 8.')
    .max(8, 'Vul een aantal kwartalen in, van 1 tot 8.')
    .default(4)
    .describe('How many quarters the trend shows, the quarter asked for being the last (default 4)'),
});
export type KpiQuery = z.infer<typeof KpiQuery>;
export const KpiExportQuery = KpiQuery.extend({ format: ReportFormat.describe('xlsx or pdf') });

const Count = z.number().int().nullable();

export const KpiResponse = z.object({
  contractId: z.string(),
  quarter: z.string(),
  quarters: z.array(z.string()).describe('Oldest first; the last is the quarter asked for'),
  audience: z.enum(['personal', 'aggregate']).describe('aggregate: a numerator or denominator of 1–4 is suppressed (null) and hides the share'),
  kpis: z.array(
    z.object({
      kpi: KpiName,
      route: KpiRoute,
      label: z.string(),
      notRegistered: z.string().nullable().describe('Why the numerator is not known (KPI 2: Koers does not register when the duty was met); null when it is'),
      values: z.array(
        z.object({
          quarter: z.string(),
          numerator: Count,
          denominator: Count,
          share: z.number().nullable().describe('numerator ÷ denominator; null when 0 ÷ 0, suppressed or not registered'),
          target: z.number().nullable().describe("The contract version's target share (kpiTargets); null where it sets none"),
          meetsTarget: z.boolean().nullable(),
        }),
      ),
      changes: z.array(z.number().nullable()).describe('Per quarter the change in share from the quarter before; null for the first or without two shares'),
    }),
  ),
});
