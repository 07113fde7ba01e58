// Every audit operation and every signal cause the server can produce has a Dutch label in the UI: a
// raw code such as "absence.frequent" in the work list or the audit log is a bug.
import { describe, expect, it } from 'vitest';
import type { AuditOperation } from '../../platform/audit';
import type { AbsenceCause } from '../../domain/attendance';
import { auditEventLabel, signalCauseLabel } from './labels';

// Listed by type: a new operation or cause that is missing here fails the type check, not silently.
const OPERATIONS: Record<AuditOperation, true> = {
  'participant.list': true, 'participant.read': true, 'participant.create': true, 'participant.searchByBsn': true, 'participant.auditRead': true,
  'referral.create': true, 'referral.list': true, 'referral.acknowledge': true, 'referral.read': true, 'referral.event': true,
  'signal.list': true, 'signal.acknowledge': true, 'document.list': true, 'document.upload': true, 'document.download': true, 'mail.enqueue': true,
  'group.read': true, 'group.member': true, 'lesson.read': true, 'attendance.record': true, 'attendance.read': true, 'attendance.classify': true,
  'hours.record': true, 'hours.read': true, 'progress.read': true, 'progress.record': true, 'report.read': true, 'report.download': true,
  'report.write': true, 'scaling.request': true, 'scaling.decide': true, 'route.event': true, 'access.denied': true,
  'session.oidcLogin': true,
  'login.succeeded': true, 'login.failed': true, 'login.throttled': true, 'secondFactor.enrolled': true, 'secondFactor.verified': true,
  'secondFactor.failed': true, 'password.changed': true, 'password.resetRequested': true, 'password.reset': true, 'apiKey.create': true,
  'apiKey.revoke': true, 'outbox.list': true, 'import.read': true,
  'billable.record': true, 'invoice.prepare': true, 'invoice.check': true, 'invoice.status': true, 'invoice.credit': true,
  'billable.list': true, 'invoice.read': true, 'invoice.evidence': true,
  'participation.read': true, 'participation.record': true,
  'portfolio.read': true, 'portfolio.record': true, 'managementInformation.read': true, 'managementInformation.submit': true, 'contractManagement.record': true,
  'quality.read': true, 'quality.record': true, 'complaint.read': true, 'complaint.record': true, 'participantEscalation.read': true, 'participantEscalation.record': true,
  'system.backup': true, 'retention.purge': true, 'retention.read': true,
  'duo.deliver': true, 'duo.read': true, 'duo.notification': true, 'audit.search': true, 'user.list': true, 'user.record': true, 'contract.record': true, 'organisation.record': true,
};
const ABSENCE: Record<AbsenceCause, true> = { 'absence.firstNoShow': true, 'absence.repeatedNoShow': true, 'absence.frequent': true, 'absence.warnParticipant': true, 'attendance.belowNorm': true, 'absence.longerThanWeek': true };
const OTHER_CAUSES = ['progress.testDue', 'progress.reportDue', 'report.finalDue', 'scaling.decisionDue', 'scaling.levelDue', 'exam.passRateLow', 'invoice.sendDue', 'periodicReport.due', 'periodicReport.late', 'participation.meetingDue', 'map.endConversationDue', 'referral.acknowledgementOverdue', 'meetingAction.overdue', 'participantEscalation.checkInOverdue', 'quality.markConcern', 'quality.teacherNorm', 'quality.providerExcluded', 'duo.event'];

describe('Dutch labels', () => {
  it.each(Object.keys(OPERATIONS))('audit operation %s', (name) => {
    expect(auditEventLabel(name)).not.toBe(name);
  });
  it.each([...Object.keys(ABSENCE), ...OTHER_CAUSES])('signal cause %s', (cause) => {
    expect(signalCauseLabel(cause)).not.toMatch(/^Signaal \(/);
  });
});
