// Issue #13 (R-MI-6): one report instance — its frozen submission, the recomputation and the difference —
// and the provider's draft and submission. The figures are always computed in the owing provider's room
// (its own referrals, R-SEC-1), whoever looks. They are shown to that provider and to the consultant of a
// municipality's own instance; the region's instances (other municipalities' small counts) and the
// aggregate readers (contract manager, policy officer) see status, dates, hash and text, not the figures
// (their figures are the suppressed report pages). A submission is append-only: a second one is a
// correction with its reason, the first one stays and keeps the status date.
import { createHash, randomUUID } from 'node:crypto';
import { findVersionInForce, type Contract } from '../../domain/contract.js';
import type { ReportDocument } from '../../domain/reports/document.js';
import { periodContaining, type ReportPeriod } from '../../domain/reports/periods.js';
import { canonicalJson, parseInstanceKey, periodEnded, type InstanceKey } from '../../domain/reports/submission.js';
import { diffReportDocuments, type DocumentDiff } from '../../domain/reports/submission-diff.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { organisationId } from '../organisations/store.js';
import { owedInstances, viewOf, type InstanceView } from './instances.js';
import { notifySubmission } from './report-mail.js';
import { resolveInstanceSignals } from './report-signals.js';
import { REPORT_BUILDERS, REPORT_ENTERED, type EnteredItem } from './registry.js';
import { reportRoomOf, type ReportRoom } from './room.js';
import { unsafeDraftOf, unsafeInsertSubmission, unsafeSaveDraft, unsafeSubmissionsOf, unsafeSubmissionSummaries, type DraftRow, type SubmissionRow } from './submission-store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'contracts' | 'clock'>;

interface Frozen {
  instance: string;
  contractVersion: number;
  computedAt: string;
  entered: Record<string, string>;
  document: ReportDocument;
}

interface Located {
  contract: Contract;
  room: ReportRoom;
  key: InstanceKey;
  view: InstanceView;
  period: ReportPeriod;
  /** The actor is the owing provider. */
  owner: boolean;
  figuresShown: boolean;
}

/** The instance behind an id, if the actor sees it; otherwise an audited 404. */
async function locate(deps: Deps, ctx: RequestContext, id: string): Promise<Located> {
  const key = parseInstanceKey(id);
  const contract = key === undefined ? undefined : deps.contracts.byId(key.contractId);
  const room = contract === undefined ? undefined : await reportRoomOf(deps.db, ctx, contract);
  if (key !== undefined && contract !== undefined && room !== undefined) {
    const period = periodOf(key.periodId);
    const owed = owedInstances(contract, room, period.end, period.end).find((o) => o.id === id);
    if (owed !== undefined) {
      const summaries = await unsafeSubmissionSummaries(deps.db, [id]);
      const owner = room.providerCode === key.provider;
      const ownMunicipality = room.audience === 'personal' && room.providerCode === undefined && key.municipality !== null;
      return { contract, room, key, period, owner, figuresShown: owner || ownMunicipality, view: viewOf(contract, owed, summaries.get(id), deps.clock.today()) };
    }
  }
  await recordAudit(deps.db, deps.crypto, ctx, { name: 'managementInformation.read', status: 'error', subjects: [], objectType: 'reportInstance', objectId: id.slice(0, 200), summary: "outside the actor's scope" });
  throw notFound();
}

function periodOf(id: string): ReportPeriod {
  const year = id.slice(0, 4);
  if (id.length === 4) return periodContaining('year', `${year}-06-01`);
  const rest = id.slice(5);
  if (rest.startsWith('Q')) return periodContaining('quarter', `${year}-${String(Number(rest.slice(1)) * 3 - 2).padStart(2, '0')}-01`);
  if (rest.startsWith('H')) return periodContaining('halfYear', `${year}-${rest === 'H1' ? '01' : '07'}-01`);
  return periodContaining('month', `${year}-${rest}-01`);
}

/** The owing provider's context: the figures are its own referrals whoever asks (the actor stays the reader). */
function ownerContext(ctx: RequestContext, contract: Contract, provider: string): RequestContext {
  const providerId = organisationId('provider', provider);
  const name = contract.providers.find((p) => p.code === provider)?.name ?? provider;
  return { ...ctx, organisation: { kind: 'provider', id: providerId, name }, scope: { kind: 'provider', providerId } };
}

async function compute(deps: Deps, ctx: RequestContext, l: Located, entered: Readonly<Record<string, string>>): Promise<ReportDocument | undefined> {
  const build = REPORT_BUILDERS[l.key.kind];
  if (build === undefined) return undefined;
  return build(deps, ownerContext(ctx, l.contract, l.key.provider), { contractId: l.contract.id, period: l.period, scope: { municipality: l.key.municipality }, entered });
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const REGION_NOTE = 'De cijfers van deze rapportage gaan over inburgeraars van meer gemeenten en worden hier niet getoond. De cijfers van uw gemeente staan op de rapportagepagina’s.';
const AGGREGATE_NOTE = 'U ziet van deze rapportage de status, de datums, de inhoudshash en de toelichting van de aanbieder. De cijfers, met kleine aantallen verborgen, staan op de rapportagepagina’s.';
const noFiguresNote = (room: ReportRoom): string => (room.audience === 'aggregate' ? AGGREGATE_NOTE : REGION_NOTE);

function submissionView(s: SubmissionRow) {
  return { sequence: s.sequence, submittedAt: s.submittedAt, submittedBy: s.submittedBy, contractVersion: s.contractVersion, computedAt: s.computedAt, contentHash: s.contentHash, correctionReason: s.correctionReason, intact: sha256(s.content) === s.contentHash };
}

/** GET /api/v1/reports/instances/:id — exactly as submitted, plus the recomputation and the difference. */
export async function instanceDetail(deps: Deps, ctx: RequestContext, id: string) {
  const l = await locate(deps, ctx, id);
  const submissions = await unsafeSubmissionsOf(deps.db, id);
  const latest = submissions.at(-1);
  const frozen = latest === undefined ? undefined : (JSON.parse(latest.content) as Frozen);
  const draft = l.owner ? ((await unsafeDraftOf(deps.db, id)) ?? null) : null;
  let submitted: ReportDocument | null = null;
  let current: ReportDocument | null = null;
  let differences: DocumentDiff | null = null;
  if (l.figuresShown) {
    if (frozen !== undefined) {
      submitted = frozen.document;
      await recordAudit(deps.db, deps.crypto, ctx, { name: 'managementInformation.read', status: 'ok', subjects: [], objectType: 'reportSubmission', objectId: id, summary: `submission ${String(latest?.sequence)} read, aggregates only` });
    }
    current = (await compute(deps, ctx, l, frozen?.entered ?? draft?.entered ?? {})) ?? null;
    if (submitted !== null && current !== null) differences = diffReportDocuments(submitted, current);
  }
  return {
    instance: l.view,
    entered: [...REPORT_ENTERED[l.key.kind]],
    draft,
    submissions: submissions.map(submissionView),
    submitted,
    submittedEntered: frozen?.entered ?? null,
    current,
    differences,
    figuresShown: l.figuresShown,
    figuresNote: l.figuresShown ? (l.view.figuresAvailable ? null : 'Voor deze rapportage berekent Koers de cijfers nog niet: nog niet beschikbaar.') : noFiguresNote(l.room),
  };
}

/** The frozen document of the latest submission, for the XLSX/PDF export; undefined when there is none or it is not shown. */
export async function frozenDocument(deps: Deps, ctx: RequestContext, id: string): Promise<ReportDocument> {
  const l = await locate(deps, ctx, id);
  const latest = (await unsafeSubmissionsOf(deps.db, id)).at(-1);
  if (!l.figuresShown || latest === undefined) throw unprocessable('id', 'notSubmitted', l.figuresShown ? 'Deze rapportage is nog niet ingediend; alleen een ingediende rapportage kan worden gedownload.' : noFiguresNote(l.room));
  const frozen = JSON.parse(latest.content) as Frozen;
  await recordAudit(deps.db, deps.crypto, ctx, { name: 'managementInformation.read', status: 'ok', subjects: [], objectType: 'reportSubmission', objectId: id, summary: `submission ${String(latest.sequence)} exported, aggregates only` });
  const stamp = `Ingediend op ${latest.submittedAt.slice(0, 10)} door ${latest.submittedBy}${latest.sequence > 1 ? ` (correctie ${String(latest.sequence - 1)}: ${latest.correctionReason ?? ''})` : ''}; inhoudshash sha-256 ${latest.contentHash}.`;
  return { ...frozen.document, notes: [...frozen.document.notes, stamp] };
}

function ownerOnly(l: Located): void {
  // Only a provider's coordinator holds report.submit, and its room holds only its own instances; defensive.
  if (!l.owner) throw notFound();
}

function checkKeys(items: readonly EnteredItem[], entered: Record<string, string>): void {
  const known = new Set(items.map((i) => i.key));
  const unknown = Object.keys(entered).filter((k) => !known.has(k));
  if (unknown.length > 0) throw new AppError('unprocessable', 'Deze rapportage kent dit onderdeel niet.', unknown.map((k) => ({ name: `entered.${k}`, code: 'unknown', reason: 'Deze rapportage kent dit onderdeel niet.' })));
}

const stale = (): AppError => new AppError('conflict', 'Iemand anders heeft deze rapportage net gewijzigd of ingediend. Vernieuw de pagina en probeer het opnieuw.');

/** PUT /api/v1/reports/instances/:id/draft — the provider's texts, optimistic lock. */
export async function saveDraft(deps: Deps, ctx: RequestContext, id: string, body: { entered: Record<string, string>; lockVersion: number }): Promise<{ lockVersion: number; updatedAt: string }> {
  const l = await locate(deps, ctx, id);
  ownerOnly(l);
  checkKeys(REPORT_ENTERED[l.key.kind], body.entered);
  return deps.db.transaction(async (tx) => {
    const saved = await unsafeSaveDraft(tx, id, organisationId('provider', l.key.provider), body.entered, body.lockVersion, ctx.actor.userId, deps.clock.now());
    if (saved === undefined) throw stale();
    await recordAudit(tx, deps.crypto, ctx, { name: 'managementInformation.submit', status: 'ok', subjects: [], objectType: 'reportDraft', objectId: id, summary: `draft version ${String(saved.lockVersion)}` });
    return { lockVersion: saved.lockVersion, updatedAt: saved.updatedAt };
  });
}

const dutchDate = (iso: string): string => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** POST /api/v1/reports/instances/:id/submissions — freeze the figures and the draft's text. */
export async function submitInstance(deps: Deps, ctx: RequestContext, id: string, body: { lockVersion: number; correctionReason?: string | undefined }) {
  const l = await locate(deps, ctx, id);
  ownerOnly(l);
  const today = deps.clock.today();
  if (!periodEnded(l.period.end, today)) {
    throw unprocessable('id', 'periodNotEnded', `De periode ${l.period.id} loopt tot en met ${dutchDate(l.period.end)}. U kunt deze rapportage pas indienen na afloop van de periode.`);
  }
  if (REPORT_BUILDERS[l.key.kind] === undefined) throw unprocessable('id', 'notAvailable', 'Koers berekent de cijfers van deze rapportage nog niet; indienen kan daarom nog niet.');
  const draft: DraftRow | undefined = await unsafeDraftOf(deps.db, id);
  if ((draft?.lockVersion ?? 0) !== body.lockVersion) throw stale();
  const entered = Object.fromEntries(REPORT_ENTERED[l.key.kind].map((i) => [i.key, (draft?.entered[i.key] ?? '').trim()]));
  const empty = REPORT_ENTERED[l.key.kind].filter((i) => entered[i.key] === '');
  if (empty.length > 0) throw new AppError('unprocessable', 'Vul eerst elk onderdeel in en sla het concept op.', empty.map((i) => ({ name: `entered.${i.key}`, code: 'required', reason: `Vul “${i.label}” in.` })));
  const previous = await unsafeSubmissionsOf(deps.db, id);
  const reason = body.correctionReason?.trim() ?? '';
  if (previous.length > 0 && reason === '') throw unprocessable('correctionReason', 'required', 'Deze rapportage is al ingediend. Schrijf waarom u een correctie indient.');
  const computedAt = deps.clock.now();
  const document = await compute(deps, ctx, l, entered);
  if (document === undefined) throw unprocessable('id', 'notAvailable', 'Koers berekent de cijfers van deze rapportage nog niet; indienen kan daarom nog niet.');
  const contractVersion = findVersionInForce(l.contract, l.period.end)?.version ?? 0;
  const frozen: Frozen = { instance: id, contractVersion, computedAt: computedAt.toISOString(), entered, document };
  const content = canonicalJson(frozen);
  const sequence = previous.length + 1;
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const ok = await unsafeInsertSubmission(tx, {
      id: randomUUID(), instanceKey: id, sequence, contractId: l.contract.id, kind: l.key.kind, periodId: l.key.periodId, municipality: l.key.municipality,
      providerId: organisationId('provider', l.key.provider), contractVersion, content, contentHash: sha256(content), computedAt, submittedAt: now, submittedOn: today,
      submittedBy: ctx.actor.userId, correctionReason: sequence === 1 ? null : reason,
    });
    if (!ok) throw stale();
    await resolveInstanceSignals(tx, l.key, today);
    const mails = await notifySubmission(tx, l.contract, l.key, l.view, sequence, today);
    await recordAudit(tx, deps.crypto, ctx, { name: 'managementInformation.submit', status: 'ok', subjects: [], objectType: 'reportSubmission', objectId: id, summary: `submission ${String(sequence)}, ${String(mails)} mails, hash ${sha256(content).slice(0, 12)}` });
    return { sequence, contentHash: sha256(content), submittedAt: now.toISOString() };
  });
}
