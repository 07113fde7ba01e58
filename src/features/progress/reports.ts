// Progress and final reports (R-HRS-4, R-END-1, R-END-2): the provider drafts (pre-filled from what Koers
// knows), saves with optimistic locking, and submits once; then the municipality and the participant
// read it, also as PDF (every download audited, R-SEC-2). A submitted report is never changed; the
// municipality records its invoicing decision on a final report whose goals were not reached.
import { randomUUID } from 'node:crypto';
import type { Route } from '../../domain/contract.js';
import { finalReportDueOn, validateMunicipalityAssessment } from '../../domain/final-report.js';
import { reportProblems } from '../../domain/report-content.js';
import type { ProgressCause } from '../../domain/signal-cause.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { auditDenied } from '../../platform/audit-denied.js';
import { versionOf } from '../../platform/contracts.js';
import type { Tx } from '../../platform/db.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import { routeHourNorm } from '../../domain/hours.js';
import { DEFAULT_NORM_PERCENT } from '../../domain/attendance.js';
import { earliestOpenDueDate, resolveSignals } from '../signals/store.js';
import { progressFacts } from './assessment.js';
import { Denied, fileOrDeny, inTransaction, ownReferral, type Deps } from './overview.js';
import { renderReportPdf } from './pdf.js';
import { plainDutch } from './plain-dutch.js';
import type { Report} from './schemas.js';
import { ReportContent, type ReportUpdate } from './schemas.js';
import { examAttempts, findParticipantFile, findReport, progressTests, routeEvents, type ReportRow } from './store.js';

/** R-ATT-3: the attendance norm of the contract version the report's referral was made under (R-CON-10). */
async function reportNorm(tx: Tx, deps: Deps, r: ReportRow): Promise<number> {
  const rows = await tx.query<{ contractId: string; contractVersion: number }>(
    `SELECT contract_id AS "contractId", contract_version AS "contractVersion" FROM referral WHERE id = $1`,
    [r.referralId],
  );
  const ref = rows[0];
  const protocol = versionOf(deps.contracts, ref)?.absenceProtocol;
  return protocol?.normPercent ?? DEFAULT_NORM_PERCENT;
}

function toReport(r: ReportRow, route: string, normPercent: number): Report {
  const content = ReportContent.parse(r.content);
  return {
    id: r.id,
    participantId: r.participantId,
    providerName: r.providerName,
    kind: r.kind,
    status: r.status,
    content,
    computedStatus: r.computedStatus,
    dueOn: r.dueOn,
    lockVersion: r.lockVersion,
    createdAt: new Date(r.createdAt).toISOString(),
    submittedOn: r.submittedOn,
    invoiceDecision: r.invoiceDecision,
    invoiceDecisionReason: r.invoiceDecisionReason,
    invoiceTalkHeldOn: r.invoiceTalkHeldOn,
    plainDutch: plainDutch(r.kind, r.submittedOn, content, routeHourNorm(route), normPercent),
  };
}

const REASON_NL: Record<string, string> = { illness: 'ziek', doctor: 'arts of ziekenhuis', family: 'familie', work: 'werk', childCare: 'kinderopvang', noShow: 'niet afgemeld', other: 'anders' };

/** R-HRS-4: a new draft, pre-filled with hours, attendance, status with reasons and the latest test. */
export async function createReport(deps: Deps, ctx: RequestContext, participantId: string, kind: 'progress' | 'final'): Promise<Report> {
  return inTransaction(deps, async (tx) => {
    const file = await fileOrDeny(tx, deps, ctx, participantId, 'report.write');
    const referral = await ownReferral(tx, ctx, participantId);
    const open = await tx.query<{ id: string }>(`SELECT id FROM progress_report WHERE participant_id = $1 AND provider_id = $2 AND kind = $3 AND status = 'draft'`, [participantId, referral.providerId, kind]);
    if (open.length > 0) throw new AppError('conflict', 'Er is al een concept. Werk dat bij of dien het eerst in.', [{ name: 'kind', code: 'draftExists', reason: 'Er is al een concept.' }]);
    const today = deps.clock.today();
    const facts = await progressFacts(tx, deps.contracts, file, referral, today);
    const tests = await progressTests(tx, participantId);
    const last = tests.at(-1)?.results ?? {};
    const lvl = (s: string) => (typeof last[s] === 'string' ? (last[s] as never) : null);
    const content: ReportContent = {
      attendancePercentage: facts.attendance.percentage,
      attendanceReasons: Object.entries(facts.attendance.reasons)
        .map(([k, n]) => `${REASON_NL[k] ?? k}: ${n}×`)
        .join(', '),
      wellbeing: '',
      scaling: '',
      status: facts.assessment.status,
      statusReasons: facts.assessment.reasons,
      hoursMade: Math.round(facts.hoursMade * 10) / 10,
      testResults: { reading: lvl('reading'), writing: lvl('writing'), listening: lvl('listening'), speaking: lvl('speaking') },
      expectedExamDate: null,
      expectedEndLevel: null,
      risks: '',
      interventions: '',
      participation: '',
      selfReliance: '',
      functionalLanguage: '',
      hoursByKind: facts.hoursByKind,
      examSummary: await examSummary(tx, participantId),
      pvtCompletedMonth: '',
      deficiencySubjects: '',
      onwardFlow: '',
      mapProgress: '',
      goalsReached: null,
      explanation: '',
      advice: '',
    };
    const dueOn = await dueDateFor(tx, deps, participantId, referral, kind);
    const id = randomUUID();
    await tx.query(
      `INSERT INTO progress_report (id, participant_id, referral_id, municipality_id, provider_id, kind, status, content, computed_status, due_on, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'draft', $7, $8, $9, $10, now())`,
      [id, participantId, referral.id, file.municipalityId, referral.providerId, kind, JSON.stringify(content), facts.assessment.computedStatus, dueOn, ctx.actor.userId],
    );
    await recordAudit(tx, deps.crypto, ctx, { name: 'report.write', status: 'ok', subjects: [{ participantId, municipalityId: file.municipalityId }], objectType: 'progressReport', objectId: id, summary: `draft ${kind}` });
    const row = await findReport(tx, ctx.scope, id);
    if (row === undefined) throw notFound();
    return toReport(row, file.route, await reportNorm(tx, deps, row));
  });
}

const PART_NL: Record<string, string> = { reading: 'lezen', writing: 'schrijven', listening: 'luisteren', speaking: 'spreken', knm: 'KNM' };
const RESULT_NL = { pending: 'aangemeld', passed: 'geslaagd', failed: 'niet geslaagd' } as const;

/** R-OND-2: exam attempts per part, one line each, in order. */
async function examSummary(tx: Tx, participantId: string): Promise<string[]> {
  return (await examAttempts(tx, participantId)).map((a) => `${PART_NL[a.part] ?? a.part} ${a.level}: ${RESULT_NL[a.result]}${a.takenOn === null ? '' : ` (${a.takenOn})`}`);
}

/** The due date the report answers: the earliest open progress signal, or two weeks after the route ended (R-END-1). */
async function dueDateFor(tx: Tx, deps: Deps, participantId: string, referral: { contractId: string; contractVersion: number }, kind: 'progress' | 'final'): Promise<string | null> {
  if (kind === 'progress') {
    return earliestOpenDueDate(tx, { type: 'participant', id: participantId }, ['progress.testDue', 'progress.reportDue']);
  }
  const ended = (await routeEvents(tx, participantId)).filter((e) => e.type === 'routeEnded' || e.type === 'droppedOut' || e.type === 'movedAway').at(-1);
  const version = versionOf(deps.contracts, referral);
  return ended === undefined || version === undefined ? null : finalReportDueOn(ended.onDate, version);
}

async function reportOrDeny(tx: Tx, deps: Deps, ctx: RequestContext, id: string, op: 'report.read' | 'report.write' | 'report.download', forUpdate = false): Promise<ReportRow> {
  const row = await findReport(tx, ctx.scope, id, forUpdate);
  if (row === undefined) {
    await auditDenied(tx, deps.crypto, ctx, op, 'progressReport', id);
    throw new Denied();
  }
  return row;
}

async function routeOf(tx: Tx, participantId: string): Promise<string> {
  return (await tx.query<{ route: string }>(`SELECT route FROM participant WHERE id = $1`, [participantId]))[0]?.route ?? 'b1';
}

export async function getReport(deps: Deps, ctx: RequestContext, id: string): Promise<Report> {
  return inTransaction(deps, async (tx) => {
    const row = await reportOrDeny(tx, deps, ctx, id, 'report.read');
    await recordAudit(tx, deps.crypto, ctx, { name: 'report.read', status: 'ok', subjects: [{ participantId: row.participantId, municipalityId: row.municipalityId }], objectType: 'progressReport', objectId: id });
    return toReport(row, await routeOf(tx, row.participantId), await reportNorm(tx, deps, row));
  });
}

function providerOwns(ctx: RequestContext, row: ReportRow): void {
  if (ctx.scope.kind !== 'provider' || ctx.scope.providerId !== row.providerId) throw notFound();
}

export async function updateReport(deps: Deps, ctx: RequestContext, id: string, body: ReportUpdate): Promise<Report> {
  return inTransaction(deps, async (tx) => {
    const row = await reportOrDeny(tx, deps, ctx, id, 'report.write', true);
    providerOwns(ctx, row);
    if (row.status !== 'draft') throw new AppError('unprocessable', 'Een ingediende rapportage verandert niet meer.', [{ name: 'status', code: 'submitted', reason: 'Deze rapportage is al ingediend.' }]);
    if (row.lockVersion !== body.lockVersion) throw new AppError('conflict', 'Iemand anders heeft deze rapportage intussen gewijzigd. Laad de pagina opnieuw.');
    await tx.query(`UPDATE progress_report SET content = $2, lock_version = lock_version + 1 WHERE id = $1`, [id, JSON.stringify(body.content)]);
    await recordAudit(tx, deps.crypto, ctx, { name: 'report.write', status: 'ok', subjects: [{ participantId: row.participantId, municipalityId: row.municipalityId }], objectType: 'progressReport', objectId: id, summary: 'saved' });
    const saved = await findReport(tx, ctx.scope, id);
    if (saved === undefined) throw notFound();
    return toReport(saved, await routeOf(tx, row.participantId), await reportNorm(tx, deps, saved));
  });
}

export async function submitReport(deps: Deps, ctx: RequestContext, id: string, lockVersion: number): Promise<Report> {
  return inTransaction(deps, async (tx) => {
    const row = await reportOrDeny(tx, deps, ctx, id, 'report.write', true);
    providerOwns(ctx, row);
    if (row.status !== 'draft') throw unprocessable('status', 'submitted', 'Deze rapportage is al ingediend.');
    if (row.lockVersion !== lockVersion) throw new AppError('conflict', 'Iemand anders heeft deze rapportage intussen gewijzigd. Laad de pagina opnieuw.');
    const route = await routeOf(tx, row.participantId);
    const content = ReportContent.parse(row.content);
    const problems = reportProblems(row.kind, route as Route, content).map((p) => ({ name: `content.${p.field}`, code: 'required', reason: p.reason }));
    if (problems.length > 0) throw new AppError('unprocessable', 'De rapportage is nog niet compleet. Vul de velden hieronder aan.', problems);
    const today = deps.clock.today();
    await tx.query(`UPDATE progress_report SET status = 'submitted', submitted_at = now(), submitted_on = $2, submitted_by = $3, lock_version = lock_version + 1 WHERE id = $1`, [id, today, ctx.actor.userId]);
    // The report answers its signals (R-HRS-2, R-HRS-3, R-END-1): they leave the provider's work list.
    const causes: ProgressCause[] = row.kind === 'final' ? ['report.finalDue'] : ['progress.testDue', 'progress.reportDue'];
    await resolveSignals(tx, { subject: { type: 'participant', id: row.participantId }, causes }, 'answered', today);
    await recordAudit(tx, deps.crypto, ctx, { name: 'report.write', status: 'ok', subjects: [{ participantId: row.participantId, municipalityId: row.municipalityId }], objectType: 'progressReport', objectId: id, summary: 'submitted' });
    const saved = await findReport(tx, ctx.scope, id);
    if (saved === undefined) throw notFound();
    return toReport(saved, route, await reportNorm(tx, deps, saved));
  });
}

export async function reportPdf(deps: Deps, ctx: RequestContext, id: string): Promise<{ fileName: string; content: Buffer }> {
  return inTransaction(deps, async (tx) => {
    const row = await reportOrDeny(tx, deps, ctx, id, 'report.download');
    const file = await findParticipantFile(tx, { kind: 'municipality', municipalityId: row.municipalityId }, row.participantId);
    if (file === undefined) throw notFound();
    const report = toReport(row, file.route, await reportNorm(tx, deps, row));
    const content = await renderReportPdf({
      kind: row.kind,
      participant: { givenName: file.givenName, familyName: file.familyName, dateOfBirth: file.dateOfBirth, clientNumber: file.clientNumber, bsnLastFour: file.bsnLastFour },
      municipalityName: file.municipalityName,
      providerName: row.providerName,
      route: file.route,
      submittedOn: row.submittedOn,
      generatedOn: deps.clock.today(),
      content: report.content,
      plainDutch: report.plainDutch,
    });
    // R-SEC-2: every download is a read of personal data, logged in the transaction that produced it.
    await recordAudit(tx, deps.crypto, ctx, { name: 'report.download', status: 'ok', subjects: [{ participantId: row.participantId, municipalityId: row.municipalityId }], objectType: 'progressReport', objectId: id });
    return { fileName: `${row.kind === 'final' ? 'eindrapportage' : 'voortgangsrapportage'}-${row.submittedOn ?? 'concept'}.pdf`, content };
  });
}

/** R-END-2 (001 §2.3.1): the municipality decides whether the final product may still be invoiced. */
export async function decideInvoice(deps: Deps, ctx: RequestContext, id: string, body: { talkHeldOn: string | null; decision: 'mayInvoice' | 'mayNotInvoice'; reason: string }): Promise<Report> {
  if (body.talkHeldOn !== null && body.talkHeldOn > deps.clock.today()) throw unprocessable('talkHeldOn', 'future', 'Het gesprek kan niet in de toekomst liggen.');
  return inTransaction(deps, async (tx) => {
    const row = await reportOrDeny(tx, deps, ctx, id, 'report.write', true);
    if (ctx.scope.kind !== 'municipality') throw notFound();
    if (row.kind !== 'final') throw unprocessable('kind', 'notFinal', 'Alleen bij een eindrapportage beslist de gemeente over de factuur.');
    if (row.invoiceDecision !== null) throw unprocessable('decision', 'decided', 'Over deze eindrapportage is al beslist.');
    // R-END-2: goals not reached → the talk, the decision and its reason are all required.
    const names: Record<string, string> = { talkHeldOn: 'talkHeldOn', invoicingDecision: 'decision', decisionReason: 'reason' };
    const goalsReached = ReportContent.parse(row.content).goalsReached !== false;
    const errors = validateMunicipalityAssessment(goalsReached, { talkHeldOn: body.talkHeldOn, invoicingDecision: body.decision === 'mayInvoice' ? 'invoice' : 'noInvoice', decisionReason: body.reason });
    if (errors.length > 0) throw new AppError('unprocessable', errors.map((e) => e.message).join(' '), errors.map((e) => ({ name: names[e.field] ?? e.field, code: 'required', reason: e.message })));
    await tx.query(`UPDATE progress_report SET invoice_decision = $2, invoice_decision_reason = $3, invoice_decided_by = $4, invoice_decided_at = now(), invoice_talk_held_on = $5 WHERE id = $1`, [
      id,
      body.decision,
      body.reason,
      ctx.actor.userId,
      body.talkHeldOn,
    ]);
    await recordAudit(tx, deps.crypto, ctx, { name: 'report.write', status: 'ok', subjects: [{ participantId: row.participantId, municipalityId: row.municipalityId }], objectType: 'progressReport', objectId: id, summary: `invoice ${body.decision}` });
    const saved = await findReport(tx, ctx.scope, id);
    if (saved === undefined) throw notFound();
    return toReport(saved, await routeOf(tx, row.participantId), await reportNorm(tx, deps, saved));
  });
}

