// Issue #13 (R-MI-6): which function computes the figures of each report kind as a ReportDocument, and
// which items of it the provider enters by hand. A kind without a builder here shows its instances'
// status but no figures ("nog niet beschikbaar") — never a made-up figure.
//
// A builder runs in the room of the context it is given (reportRoomOf): the report submission always
// gives it the owing provider's context, so a report shows that provider's own referrals (R-SEC-1), also
// when a consultant looks at it later.
import type { ReportDocument } from '../../domain/reports/document.js';
import type { ReportKind } from '../../domain/reports/obligation-data.js';
import type { ReportPeriod } from '../../domain/reports/periods.js';
import type { RequestContext } from '../../platform/access.js';
import type { AppDeps } from '../../platform/http/server.js';
import { CONTENT_REPORT_ENTERED } from '../../domain/reports/content-report.js';
import { MANAGEMENT_REPORT_ENTERED } from '../../domain/reports/management-report.js';
import { YEAR_REPORT_ENTERED } from '../../domain/reports/year-report.js';
import { contentReportDocument, managementReportDocument, yearReportDocument } from './content-service.js';
import { EDUCATION_REPORT_ENTERED, educationReportDocument } from './education-service.js';
import { MI_ENTERED, quarterlyMiDocument } from './mi-document.js';

export type ReportDeps = Pick<AppDeps, 'db' | 'crypto' | 'contracts'>;

export interface ReportBuildInput {
  contractId: string;
  period: ReportPeriod;
  /** The instance's municipality (code), or null for the region. */
  scope: { municipality: string | null };
  /** The entered texts by item key (EnteredItem.key). */
  entered: Readonly<Record<string, string>>;
}

export type ReportBuilder = (deps: ReportDeps, ctx: RequestContext, input: ReportBuildInput) => Promise<ReportDocument | undefined>;

/** An item the provider writes (a qualitative section): key = the source's item number. */
export interface EnteredItem {
  key: string;
  label: string;
}

/** H1's builders take the period id and the scope as 'region' or a municipality code. */
const withScope = (
  build: (deps: ReportDeps, ctx: RequestContext, args: { contractId: string; period: string; scope: string; entered: Readonly<Record<string, string>> }) => Promise<ReportDocument | undefined>,
): ReportBuilder => (deps, ctx, input) => build(deps, ctx, { contractId: input.contractId, period: input.period.id, scope: input.scope.municipality ?? 'region', entered: input.entered });

export const REPORT_BUILDERS: Partial<Record<ReportKind, ReportBuilder>> = {
  quarterlyManagementInformation: quarterlyMiDocument,
  contentReport: withScope(contentReportDocument), // 000 §4.1 (R-MI-2)
  managementReport: withScope(managementReportDocument), // 000 §4.2 (R-MI-3)
  yearReport: withScope(yearReportDocument), // 000 §4.3 (R-MI-4)
  educationQuarterlyReport: educationReportDocument, // 002 eis 17 (R-MI-5)
};

export const REPORT_ENTERED: Record<ReportKind, readonly EnteredItem[]> = {
  quarterlyManagementInformation: MI_ENTERED,
  contentReport: CONTENT_REPORT_ENTERED,
  managementReport: MANAGEMENT_REPORT_ENTERED,
  yearReport: YEAR_REPORT_ENTERED,
  educationQuarterlyReport: EDUCATION_REPORT_ENTERED,
  // No contract makes deadline compliance an obligation (R-CM-2): no instance, so no builder here.
  deadlineCompliance: [],
};

/** Dutch names of the kinds (lists, mail subjects). */
export const REPORT_KIND_NL: Record<ReportKind, string> = {
  quarterlyManagementInformation: 'Kwartaalmanagementinformatie',
  contentReport: 'Inhoudelijke rapportage',
  managementReport: 'Managementrapportage',
  yearReport: 'Jaarrapportage',
  educationQuarterlyReport: 'Kwartaalrapportage Onderwijsroute',
  deadlineCompliance: 'Termijnnaleving',
};
