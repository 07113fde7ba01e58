// Every permission a route can declare (R-SEC-1, STYLE 4): the words of the one access decision in
// access.ts, which says which role holds which. Kept apart only for length; import from access.ts.

export type Permission =
  | 'session.read'
  | 'today.read'
  | 'participant.list'
  | 'participant.read'
  | 'participant.create'
  | 'participant.searchByBsn'
  | 'participant.auditRead'
  | 'referral.options'
  | 'referral.create'
  | 'referral.list'
  | 'referral.acknowledge'
  | 'referral.read'
  | 'referral.progress'
  | 'signal.list'
  | 'signal.acknowledge'
  | 'document.list'
  | 'document.upload'
  | 'document.download'
  | 'outbox.read' | 'system.backup' | 'retention.manage'
  /** Issue #15 (R-EXC-4): what was delivered to DUO and what DUO says, on the file; asking DUO again; the delivery queue (admin). */
  | 'duo.read' | 'duo.refresh' | 'duo.queue'
  | 'demo.clock'
  | 'group.manage'
  | 'group.read'
  | 'attendance.record'
  | 'attendance.read'
  | 'attendance.classify'
  /** R-EXC-1, R-EXC-2: attendance by file import or push batch (the provider's coordinator). */
  | 'attendance.import'
  /** Issue #5: levels, hours, status and forecast, reports (R-HRS-4, R-HRS-5, R-LVL-1, R-BYD-1). */
  | 'progress.read'
  /** The provider's side: progress tests, levels, reports, scaling requests, exams, status override. */
  | 'progress.write'
  /** The municipality's side: decisions on scaling and on invoicing a final product (R-LVL-3, R-END-2). */
  | 'progress.decide'
  /** Route states and changes (R-RTE-1, R-RTE-2, R-RTE-3, R-RTE-4); the domain decides which party may record which. */
  | 'route.record'
  /** A coordinator manages its provider's API keys (R-EXC-1). */
  | 'apiKey.manage'
  /** Aggregates without personal data for the policy officer and the contract manager (SPEC §0, issue #10 item 5). */
  | 'figures.read'
  /** Issue #11: a provider's own invoices, or the proForma and sent invoices addressed to the municipality (R-INV-4, R-INV-6). */
  | 'invoice.read'
  /** The provider's side: the earned list, the run, pro-forma, send, credit (R-INV-4). */
  | 'invoice.prepare'
  /** The municipality's side: approve or dispute a line (R-INV-6). */
  | 'invoice.check'
  /** Amounts invoiced per provider, municipality and product, never persons (R-INV-6). */
  | 'invoice.totals'
  /** Issue #12: a participant's participation activities, hours per kind and ladder steps (R-MAP-2, R-MAP-4). */
  | 'participation.read'
  /** Issue #12: register and correct them; the service then requires a participation or MAP referral to this provider (docs/architecture.md). */
  | 'participation.write'
  /** Issue #13: the quarterly management information with its figures per cell, for the consultant (its municipality) and the provider's coordinator (its own referrals) (R-MI-1, R-MI-6). */
  | 'report.read'
  /** Issue #13: the participants behind a figure (drill-down, R-MI-6): a consultant its municipality's, a provider its own; never aggregate readers. */
  | 'report.participants'
  /** Issue #13: the provider fills in a report's qualitative sections and submits it (R-MI-2, R-MI-6). */
  | 'report.submit'
  /** Issue #14 (R-QLT-1, R-QLT-2, R-QLT-3, R-QLT-4): the provider quality register — the contract manager its region's, a provider's coordinator its own record. */
  | 'quality.read'
  /** Issue #14: the contract manager records marks, screenings, findings, decisions, membership, satisfaction results and class visits. */
  | 'quality.manage'
  /** Issue #14: the provider's coordinator answers its screening's findings and keeps its teacher register. */
  | 'quality.respond'
  /** Issue #14 (R-CM-1): contract meetings and their actions — the contract manager its region's, a provider's coordinator the meetings it is party to. */
  | 'meeting.read'
  /** Issue #14 (R-CM-1, R-ESC-2): the contract manager plans meetings, keeps agenda, minutes and actions, and decides the contract-level ladder. */
  | 'meeting.manage'
  /** Issue #14: mark an action done — a provider's coordinator its own provider's, the contract manager any of its meetings. */
  | 'meeting.actionDone'
  /** Issue #14 (R-CM-3): the complaints register — read (a provider's coordinator its own, a consultant its municipality's participants'), register and handle (the coordinator), totals (the contract manager: counts per provider and quarter, never a complainant). */
  | 'complaint.read'
  | 'complaint.register'
  | 'complaint.totals'
  /** Issue #14 (R-ESC-1): the participant-level ladder — read (a consultant its municipality's cases, a coordinator its own, the contract manager those at the last step under a pseudonym); record (open, steps, check-ins, close: consultant and coordinator). */
  | 'escalation.read'
  | 'escalation.record'
  /** Issue #14 (R-ESC-1, 000 §5): the contract manager's judgement at the participant-level ladder's last step. */
  | 'escalation.judge'
  /** Issue #17 (R-SEC-2): the privacy officer searches its municipality's audit log by participant, user, period and operation. */
  | 'audit.search'
  /** Issue #17: accounts — the administrator every staff account, a provider's coordinator its own provider's teachers. */
  | 'user.manage'
  /** Issue #17 (R-CON-10): load, check and activate a new contract version (the administrator). */
  | 'contract.manage'
  /** Issue #17: the organisations' identifiers (a municipality's OIN, a provider's KvK number; the administrator). */
  | 'organisation.manage';
