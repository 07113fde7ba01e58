// Issue #13 (R-CON-8, R-MI-6): the report instances a reader sees, with their status. The instances come
// from the contract data (reportInstances, src/domain/reports/obligations.ts), one per contracted
// provider: each provider owes the report over its own referrals (001 §4.2 "Aanbieders leveren …",
// 000 §4 per Opdrachtnemer), to every recipient the obligation names. Who sees which:
// - a provider's coordinator: its own instances of every contract that names it;
// - a consultant: every provider's instances for its municipality and for the region;
// - the contract manager: those of its region's municipalities and the region; the policy officer: its
//   municipality's and the region's (status only: the figures stay behind the aggregate pages).
import { addCalendarDays, compareDates } from '../../domain/calendar.js';
import { findVersionInForce, type Contract, type IsoDate } from '../../domain/contract.js';
import { reportInstances, type ReportInstance } from '../../domain/reports/obligations.js';
import { periodContaining } from '../../domain/reports/periods.js';
import { instanceKeyOf, instanceStatus, periodEnded, type InstanceKey, type InstanceStatus } from '../../domain/reports/submission.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { REPORT_BUILDERS, REPORT_KIND_NL } from './registry.js';
import { reportRoomOf, type ReportRoom } from './room.js';
import type { InstanceListQuery } from './submission-schemas.js';
import { unsafeSubmissionSummaries, type SubmissionSummary } from './submission-store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'contracts' | 'clock'>;

export interface OwedInstance {
  key: InstanceKey;
  id: string;
  instance: ReportInstance;
}

/** The instances of the contract ending in [from, to] that the room sees, one per owing provider. */
export function owedInstances(contract: Contract, room: ReportRoom, from: IsoDate, to: IsoDate): OwedInstance[] {
  const seen = new Set(room.municipalities.map((m) => m.code));
  const out: OwedInstance[] = [];
  for (const instance of reportInstances(contract, from, to)) {
    if (instance.municipality !== null && !seen.has(instance.municipality)) continue;
    const version = findVersionInForce(contract, instance.period.end);
    const providers = [...new Set(version?.contracted.map((k) => k.provider) ?? [])].filter((p) => room.providerCode === undefined || p === room.providerCode);
    for (const provider of providers) {
      const key: InstanceKey = { contractId: contract.id, kind: instance.report, periodId: instance.period.id, municipality: instance.municipality, provider };
      out.push({ key, id: instanceKeyOf(key), instance });
    }
  }
  return out;
}

export interface InstanceView {
  id: string;
  contractId: string;
  contractName: string;
  kind: InstanceKey['kind'];
  kindName: string;
  scope: 'municipality' | 'region';
  municipality: string | null;
  scopeName: string;
  provider: string;
  providerName: string;
  period: { id: string; start: string; end: string };
  dueOn: string | null;
  status: InstanceStatus;
  periodEnded: boolean;
  submittedAt: string | null;
  submittedBy: string | null;
  corrections: number;
  recipients: string[];
  figuresAvailable: boolean;
}

const RECIPIENT_NL = { municipalities: 'de gemeente(n)', centreMunicipalities: 'de centrumgemeenten' } as const;

export function viewOf(contract: Contract, o: OwedInstance, s: SubmissionSummary | undefined, today: IsoDate): InstanceView {
  const m = o.instance.municipality;
  return {
    id: o.id,
    contractId: contract.id,
    contractName: contract.name,
    kind: o.key.kind,
    kindName: REPORT_KIND_NL[o.key.kind],
    scope: o.instance.scope,
    municipality: m,
    scopeName: m === null ? `Regio ${contract.region.name}` : (contract.municipalities.find((x) => x.code === m)?.name ?? m),
    provider: o.key.provider,
    providerName: contract.providers.find((p) => p.code === o.key.provider)?.name ?? o.key.provider,
    period: { id: o.instance.period.id, start: o.instance.period.start, end: o.instance.period.end },
    dueOn: o.instance.dueOn,
    status: instanceStatus(o.instance.dueOn, s?.firstSubmittedOn ?? null, today),
    periodEnded: periodEnded(o.instance.period.end, today),
    submittedAt: s?.firstSubmittedAt ?? null,
    submittedBy: s?.firstSubmittedBy ?? null,
    corrections: s === undefined ? 0 : s.count - 1,
    recipients: o.instance.recipients.map((r) => (r === 'contractManager' ? contract.contractManager.name : RECIPIENT_NL[r])),
    figuresAvailable: REPORT_BUILDERS[o.key.kind] !== undefined,
  };
}

/** The window asked for, or the default: 1 January of last year up to the current quarter's last day. */
export function windowOf(q: Pick<InstanceListQuery, 'from' | 'to'>, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const from = q.from ?? `${String(Number(today.slice(0, 4)) - 1)}-01-01`;
  const to = q.to ?? periodContaining('quarter', today).end;
  if (compareDates(from, to) > 0) throw unprocessable('from', 'afterTo', 'De begindatum ligt na de einddatum.');
  if (compareDates(to, addCalendarDays(from, 366 * 10)) > 0) throw unprocessable('to', 'tooLong', 'Kies een periode van hoogstens tien jaar.');
  return { from, to };
}

const STATUS_ORDER: Record<InstanceStatus, number> = { late: 0, due: 1, submittedLate: 2, submitted: 3 };
const SORTS: Record<InstanceListQuery['sort'], (a: InstanceView, b: InstanceView) => number> = {
  dueOn: (a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'),
  '-dueOn': (a, b) => (b.dueOn ?? '').localeCompare(a.dueOn ?? ''),
  period: (a, b) => a.period.end.localeCompare(b.period.end),
  '-period': (a, b) => b.period.end.localeCompare(a.period.end),
  status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
  '-status': (a, b) => STATUS_ORDER[b.status] - STATUS_ORDER[a.status],
  municipality: (a, b) => a.scopeName.localeCompare(b.scopeName, 'nl'),
  '-municipality': (a, b) => b.scopeName.localeCompare(a.scopeName, 'nl'),
  provider: (a, b) => a.providerName.localeCompare(b.providerName, 'nl'),
  '-provider': (a, b) => b.providerName.localeCompare(a.providerName, 'nl'),
};

/** GET /api/v1/reports/instances: the instances in the window the actor sees, filtered, sorted, paged. */
export async function listInstances(deps: Deps, ctx: RequestContext, query: InstanceListQuery) {
  const today = deps.clock.today();
  const { from, to } = windowOf(query, today);
  let contracts: Contract[];
  if (query.contractId !== undefined) {
    const c = deps.contracts.byId(query.contractId);
    if (c === undefined) throw unprocessable('contractId', 'unknown', 'Dit contract kennen we niet. Kies een contract uit de lijst.');
    contracts = [c];
  } else contracts = [...deps.contracts.contracts];
  const views: InstanceView[] = [];
  let reached = 0;
  for (const contract of contracts) {
    const room = await reportRoomOf(deps.db, ctx, contract);
    if (room === undefined) continue;
    reached++;
    const owed = owedInstances(contract, room, from, to);
    const summaries = await unsafeSubmissionSummaries(deps.db, owed.map((o) => o.id));
    for (const o of owed) views.push(viewOf(contract, o, summaries.get(o.id), today));
  }
  if (query.contractId !== undefined && reached === 0) {
    await recordAudit(deps.db, deps.crypto, ctx, { name: 'managementInformation.read', status: 'error', subjects: [], objectType: 'reportInstances', objectId: query.contractId, summary: "outside the actor's scope" });
    throw notFound();
  }
  const needle = query.q?.trim().toLocaleLowerCase('nl') ?? '';
  const hits = views.filter(
    (v) =>
      (query.status === undefined || v.status === query.status) &&
      (query.kind === undefined || v.kind === query.kind) &&
      (query.period === undefined || v.period.id === query.period) &&
      (needle === '' || [v.kindName, v.contractName, v.scopeName, v.providerName, v.period.id].some((t) => t.toLocaleLowerCase('nl').includes(needle))),
  );
  const sort = SORTS[query.sort];
  hits.sort((a, b) => sort(a, b) || a.period.end.localeCompare(b.period.end) || a.id.localeCompare(b.id));
  const start = (query.page - 1) * query.pageSize;
  return { items: hits.slice(start, start + query.pageSize), total: hits.length, page: query.page, pageSize: query.pageSize };
}
