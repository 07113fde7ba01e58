// Isolation cases spread from one support file, so test/isolation.int.test.ts stays within its line
// limit (as participation-family-cases.ts does for issue #12): issue #5's progress routes, issue #11's
// invoicing API and issue #13's reports. Each file holds its own routes' cases.
import { adminCases } from './admin-cases.js';
import { auditSearchCases } from './audit-search-cases.js';
import { userCases } from './user-cases.js';
import { contractVersionCases } from './contract-version-cases.js';
import { organisationCases } from './organisation-cases.js';
import { complaintCases } from './complaint-cases.js';
import { duoCases } from './duo-cases.js';
import { escalationCases } from './escalation-cases.js';
import { contentReportCases } from './content-report-cases.js';
import { invoicingCases } from './invoicing-cases.js';
import { miViewCases } from './mi-view-cases.js';
import { kpiReportCases } from './kpi-report-cases.js';
import { meetingCases } from './meeting-cases.js';
import type { Case } from './matrix.js';
import { progressCases } from './progress-cases.js';
import { qualityCases } from './quality-cases.js';
import { reportCases } from './report-cases.js';
import { reportSubmissionCases } from './report-submission-cases.js';

export function moreCases(): Case[] {
  return [...progressCases(), ...invoicingCases(), ...reportCases(), ...miViewCases(), ...reportSubmissionCases(), ...contentReportCases(), ...kpiReportCases(), ...meetingCases(), ...qualityCases(), ...complaintCases(), ...escalationCases(), ...adminCases(), ...auditSearchCases(), ...userCases(), ...contractVersionCases(), ...organisationCases(), ...duoCases()];
}
