// The complaints register's service (issue #14, R-CM-3; 002 eis 36–37; 003 art. 13.6). The provider's
// coordinator registers its complaints and records their handling; a consultant reads those of its
// municipality's participants; the contract manager reads counts (room.ts). Every read and change is
// audited in its transaction, a participant's complaint with that participant as data subject.
import { randomUUID } from 'node:crypto';
import { handlingRefusal, registrationRefusal, type Refusal } from '../../domain/complaints/handling.js';
import type { Contract } from '../../domain/contract.js';
import type { ComplaintSeries } from '../../domain/contract-management/ladder.js';
import { periodContaining, type ReportPeriod } from '../../domain/reports/periods.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit, type AuditSubject } from '../../platform/audit.js';
import type { Queryable, Tx } from '../../platform/db.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { organisationId } from '../organisations/store.js';
import { findReferral } from '../referrals/store.js';
import { complaintRoomOf, contractsOfProvider, type ComplaintRoom } from './room.js';
import type * as S from './schemas.js';
import { complaintCounts, complaintIn, complaintsIn, insertComplaint, insertVersion, versionsOf, type ComplaintRow } from './store.js';
import type { z } from 'zod';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;
type PersonalRoom = Exclude<ComplaintRoom, { side: 'totals' }>;

const REASONS: Record<Refusal['reason'], string> = {
  future: 'Deze datum ligt in de toekomst.',
  beforeReceived: 'Deze datum ligt vóór de ontvangst van de klacht.',
  beforeReferral: 'Deze datum ligt vóór de aanmelding waar de klacht over gaat.',
  alreadyClosed: 'Deze klacht is al afgesloten. Een klacht die terugkomt is een nieuwe klacht.',
  outcomeWithoutClose: 'Vul de datum van afsluiten in bij een uitkomst.',
  closeWithoutOutcome: 'Kies de uitkomst van de afgesloten klacht.',
};
const refuse = (r: Refusal | null) => {
  if (r !== null) throw unprocessable(r.field, r.reason, REASONS[r.reason]);
};

const subjectsOf = (rows: readonly Pick<ComplaintRow, 'participantId' | 'municipalityId'>[]): AuditSubject[] =>
  [...new Map(rows.filter((r) => r.participantId !== null).map((r) => [r.participantId, { participantId: r.participantId ?? '', municipalityId: r.municipalityId }])).values()];

/** The personal room, or 404 with the refusal audited (the contract manager reads counts, not rows). */
async function personalRoom(tx: Tx, deps: Deps, ctx: RequestContext, objectId?: string): Promise<PersonalRoom> {
  const room = complaintRoomOf(ctx, deps.contracts);
  if (room === undefined || room.side === 'totals') {
    await recordAudit(tx, deps.crypto, ctx, { name: 'complaint.read', status: 'error', subjects: [], objectType: 'complaint', ...(objectId === undefined ? {} : { objectId }), summary: "outside the actor's room" });
    throw notFound();
  }
  return room;
}

function providerOf(contracts: readonly Contract[], contractId: string, providerId: string) {
  const contract = contracts.find((c) => c.id === contractId);
  const provider = contract?.providers.find((p) => organisationId('provider', p.code) === providerId);
  return { contractName: contract?.name ?? contractId, providerCode: provider?.code ?? '', providerName: provider?.name ?? '' };
}

export function toItem(deps: Deps, r: ComplaintRow): S.ComplaintItem {
  return {
    id: r.id,
    contractId: r.contractId,
    ...providerOf(deps.contracts.contracts, r.contractId, r.providerId),
    receivedOn: r.receivedOn,
    from: { kind: r.complainantKind, name: r.complainantKind === 'participant' ? r.participantName ?? '' : r.organisationName ?? '', participantId: r.participantId, referralId: r.referralId },
    subject: r.subject,
    version: r.version,
    handledBy: r.handledBy,
    measures: r.measures,
    closedOn: r.closedOn,
    outcome: r.outcome,
    outcomeNote: r.outcomeNote,
  };
}

const sortKey: Record<(typeof S.ComplaintSorts)[number], (i: S.ComplaintItem) => string> = {
  receivedOn: (i) => i.receivedOn,
  '-receivedOn': (i) => i.receivedOn,
  subject: (i) => i.subject.toLocaleLowerCase('nl'),
  // Open ones first, then by the day they were received.
  status: (i) => `${i.closedOn === null ? 0 : 1}${i.receivedOn}`,
  provider: (i) => i.providerName.toLocaleLowerCase('nl'),
};

/** The complaints in the actor's room, filtered and sorted (the list and the export share it). */
export function listComplaints(deps: Deps, ctx: RequestContext, f: z.infer<typeof S.ComplaintFilterQuery>): Promise<S.ComplaintItem[]> {
  return deps.db.transaction(async (tx) => {
    const room = await personalRoom(tx, deps, ctx);
    const needle = f.q?.toLocaleLowerCase('nl') ?? '';
    const rows = (await complaintsIn(tx, room)).filter((r) => f.contract === undefined || r.contractId === f.contract);
    const items = rows
      .map((r) => toItem(deps, r))
      .filter((i) => (f.status === 'all' || (f.status === 'open') === (i.closedOn === null)) && (needle === '' || `${i.subject} ${i.from.name}`.toLocaleLowerCase('nl').includes(needle)));
    const shown = rows.filter((r) => items.some((i) => i.id === r.id));
    await recordAudit(tx, deps.crypto, ctx, { name: 'complaint.read', status: 'ok', subjects: subjectsOf(shown), objectType: 'complaint', summary: `${items.length} complaints` });
    const key = sortKey[f.sort];
    const dir = f.sort.startsWith('-') ? -1 : 1;
    return items.sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return (ka < kb ? -1 : ka > kb ? 1 : 0) * dir || a.id.localeCompare(b.id);
    });
  });
}

async function detail(tx: Tx, deps: Deps, r: ComplaintRow): Promise<S.ComplaintDetail> {
  const history = await versionsOf(tx, r.id);
  return { ...toItem(deps, r), history: history.map((v) => ({ ...v, recordedAt: new Date(v.recordedAt).toISOString() })) };
}

/** The complaint in the room, or 404 with the refusal audited. */
async function rowIn(tx: Tx, deps: Deps, ctx: RequestContext, room: ComplaintRoom, id: string, name: 'complaint.read' | 'complaint.record'): Promise<ComplaintRow> {
  const row = await complaintIn(tx, room, id);
  if (row !== undefined) return row;
  await recordAudit(tx, deps.crypto, ctx, { name, status: 'error', subjects: [], objectType: 'complaint', objectId: id, summary: 'not found in the room' });
  throw notFound();
}

export function getComplaint(deps: Deps, ctx: RequestContext, id: string): Promise<S.ComplaintDetail> {
  return deps.db.transaction(async (tx) => {
    const row = await rowIn(tx, deps, ctx, await personalRoom(tx, deps, ctx, id), id, 'complaint.read');
    await recordAudit(tx, deps.crypto, ctx, { name: 'complaint.read', status: 'ok', subjects: subjectsOf([row]), objectType: 'complaint', objectId: id });
    return detail(tx, deps, row);
  });
}

/** The provider's room for a change, or 404 (audited): only the coordinator registers and handles. */
async function providerRoom(tx: Tx, deps: Deps, ctx: RequestContext, objectId?: string): Promise<Extract<ComplaintRoom, { side: 'provider' }>> {
  const room = complaintRoomOf(ctx, deps.contracts);
  if (room?.side !== 'provider') {
    await recordAudit(tx, deps.crypto, ctx, { name: 'complaint.record', status: 'error', subjects: [], objectType: 'complaint', ...(objectId === undefined ? {} : { objectId }), summary: "outside the actor's room" });
    throw notFound();
  }
  return room;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

export async function registerComplaint(deps: Deps, ctx: RequestContext, b: z.infer<typeof S.RegisterInput>): Promise<S.ComplaintDetail> {
  const today = deps.clock.today();
  const who = { userId: ctx.actor.userId, at: deps.clock.now() };
  const out: Outcome<S.ComplaintDetail> = await deps.db.transaction(async (tx) => {
    const room = await providerRoom(tx, deps, ctx);
    const id = randomUUID();
    if (b.from.kind === 'participant') {
      const referral = await findReferral(tx, ctx.scope, b.from.referralId);
      // Another provider's referral does not exist for this one (R-SEC-1), as an unknown id.
      if (referral === undefined || referral.providerId !== room.providerId) return { ok: false, error: unprocessable('from.referralId', 'unknown', 'Deze aanmelding bestaat niet bij uw organisatie.') };
      refuse(registrationRefusal(b.receivedOn, today, referral.referredOn));
      const from = { kind: 'participant' as const, referralId: referral.id, participantId: referral.participantId, municipalityId: referral.municipalityId };
      await insertComplaint(tx, { id, providerId: room.providerId, contractId: referral.contractId, receivedOn: b.receivedOn, from, subject: b.subject }, who);
    } else {
      const contracts = contractsOfProvider(deps.contracts, room.providerId);
      const contract = b.contractId === undefined && contracts.length === 1 ? contracts[0] : contracts.find((c) => c.id === b.contractId);
      if (contract === undefined) return { ok: false, error: unprocessable('contractId', 'unknown', 'Kies het contract waaronder de klacht valt.') };
      refuse(registrationRefusal(b.receivedOn, today, null));
      await insertComplaint(tx, { id, providerId: room.providerId, contractId: contract.id, receivedOn: b.receivedOn, from: { kind: 'organisation', name: b.from.name }, subject: b.subject }, who);
    }
    await insertVersion(tx, id, { version: 1, handledBy: b.handledBy, measures: b.measures, closedOn: null, outcome: null, outcomeNote: null }, who);
    const row = await complaintIn(tx, room, id);
    if (row === undefined) throw new Error('complaint not found after insert');
    await recordAudit(tx, deps.crypto, ctx, { name: 'complaint.record', status: 'ok', subjects: subjectsOf([row]), objectType: 'complaint', objectId: id, summary: `registered (${row.complainantKind})` });
    return { ok: true, value: await detail(tx, deps, row) };
  });
  if (!out.ok) throw out.error;
  return out.value;
}

export function handleComplaint(deps: Deps, ctx: RequestContext, id: string, b: z.infer<typeof S.HandlingInput>): Promise<S.ComplaintDetail> {
  const today = deps.clock.today();
  const who = { userId: ctx.actor.userId, at: deps.clock.now() };
  return deps.db.transaction(async (tx) => {
    const room = await providerRoom(tx, deps, ctx, id);
    const row = await rowIn(tx, deps, ctx, room, id, 'complaint.record');
    if (row.version !== b.version) throw new AppError('conflict', 'Deze klacht is intussen door iemand anders bijgewerkt. Laad de pagina opnieuw.');
    refuse(handlingRefusal(row, b, row.receivedOn, today));
    await insertVersion(tx, id, { version: row.version + 1, handledBy: b.handledBy, measures: b.measures, closedOn: b.closedOn, outcome: b.outcome, outcomeNote: b.outcomeNote }, who);
    await recordAudit(tx, deps.crypto, ctx, { name: 'complaint.record', status: 'ok', subjects: subjectsOf([row]), objectType: 'complaint', objectId: id, summary: `version ${row.version + 1}${b.closedOn === null ? '' : ' closed'}` });
    const after = await complaintIn(tx, room, id);
    if (after === undefined) throw new Error('complaint not found after insert');
    return detail(tx, deps, after);
  });
}

/** The contract manager's counts per provider and quarter of its region's contracts (R-CM-3, 002 eis 37). */
export function complaintTotals(deps: Deps, ctx: RequestContext, f: z.infer<typeof S.TotalsQuery>): Promise<S.TotalsRow[]> {
  const today = deps.clock.today();
  return deps.db.transaction(async (tx) => {
    const room = complaintRoomOf(ctx, deps.contracts);
    if (room?.side !== 'totals') {
      await recordAudit(tx, deps.crypto, ctx, { name: 'complaint.read', status: 'error', subjects: [], objectType: 'complaintTotals', summary: "outside the actor's room" });
      throw notFound();
    }
    const from = f.from ?? room.contracts.map((c) => c.term.start).sort()[0] ?? periodContaining('quarter', today).start;
    const counts = await complaintCounts(tx, { contractIds: room.contracts.map((c) => c.id), from, to: f.to ?? today });
    await recordAudit(tx, deps.crypto, ctx, { name: 'complaint.read', status: 'ok', subjects: [], objectType: 'complaintTotals', summary: `${counts.length} rows` });
    return counts.map(({ providerId, complainants: _, ...c }) => ({ ...c, ...providerOf(room.contracts, c.contractId, providerId) }));
  });
}

/**
 * R-ESC-2's "rise in complaints": each provider's distinct complainants in these quarters (oldest first),
 * counts only. The caller has decided the contract manager's room (contract-management/room.ts).
 */
export async function complaintSeries(q: Queryable, contract: Contract, quarters: readonly ReportPeriod[]): Promise<ComplaintSeries[]> {
  const first = quarters[0];
  const last = quarters.at(-1);
  if (first === undefined || last === undefined) return [];
  const counts = await complaintCounts(q, { contractIds: [contract.id], from: first.start, to: last.end });
  return contract.providers.map((p) => {
    const id = organisationId('provider', p.code);
    return { provider: p.code, label: p.name, values: quarters.map((qt) => ({ quarter: qt.id, complainants: counts.find((c) => c.providerId === id && c.quarter === qt.id)?.complainants ?? 0 })) };
  });
}
