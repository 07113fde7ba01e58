// Request and response schemas of deadline compliance per provider and quarter (issue #13, R-CM-2).
// Definitions: docs/reports.md §13.
import { z } from 'zod';
import { ComplianceDeadlines } from '../../domain/reports/deadline-compliance.js';
import { ReportFormat } from './render/index.js';
import { QuarterlyMiQuery } from './schemas.js';

export const ComplianceQuery = QuarterlyMiQuery;
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;
export const ComplianceExportQuery = ComplianceQuery.extend({ format: ReportFormat.describe('xlsx or pdf') });

const Count = z.number().int().nullable();

export const ComplianceResponse = z.object({
  contractId: z.string(),
  quarter: z.string(),
  today: z.string().describe('The day the open steps were judged on: a step not done and not yet due is pending, not late'),
  audience: z.enum(['personal', 'aggregate']).describe('aggregate: counts below the threshold suppressed (null); a share only from shown counts'),
  rows: z.array(
    z.object({
      provider: z.string().describe('Provider code; the provider itself sees only its own row'),
      name: z.string(),
      figures: z.array(
        z.object({
          deadline: z.enum(ComplianceDeadlines).describe('acknowledgement (5 working days), intakeInvitation (10), learningPlan (5 after the intake), report (its due date), invoice (6 weeks): the contract version\'s terms'),
          label: z.string(),
          numerator: Count.describe('Steps due in the quarter and done on or before the due date'),
          denominator: Count.describe('Steps due in the quarter and decided: on time plus late'),
          share: z.number().nullable().describe('numerator ÷ denominator; null when 0 ÷ 0 or a count is suppressed'),
          late: Count,
          pending: Count.describe('Due in the quarter, not done and not yet overdue: not in the share'),
        }),
      ),
    }),
  ),
});
