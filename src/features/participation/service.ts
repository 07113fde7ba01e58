// Use cases of participation activities and the participation ladder (issue #12: R-MAP-1, R-MAP-2,
// R-MAP-4, R-HRS-1, R-HRS-2). Who may do what (docs/architecture.md, "Participation"):
// - reading: everyone whose scope holds the participant (the consultant of its municipality, every
//   provider it is referred to, the participant itself) reads every activity and ladder step of it;
// - writing: only a provider with a referral of this participant for a participation or MAP product,
//   and only under that referral. A provider that sees the participant for another product (the
//   language provider) is refused with 403: it may know the activities exist, it may not change them.
//   Outside the scope the answer is 404, as everywhere.
// Every read and change is audited in its own transaction; the 200-hour meeting signal is raised in
// the transaction of the change.
import { randomUUID } from 'node:crypto';
import type { IsoDate, Product } from '../../domain/contract.js';
import { activityHourKind, ladderRaised, latestLadderSteps, mapPracticalStatus, minutesByActivityHourKind, minutesByActivityKind, participationMeetingsDue, type ActivityHours, type LadderStep } from '../../domain/participation.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit, type AuditOperation } from '../../platform/audit.js';
import { auditDenied } from '../../platform/audit-denied.js';
import { versionOf, type ContractRegistry } from '../../platform/contracts.js';
import type { Queryable, Tx } from '../../platform/db.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { findParticipantRef } from '../participants/store.js';
import { raiseParticipationSignals, type ParticipationFacts } from '../signals/raisers/participation.js';
import { raiseEndConversationSignal } from '../signals/raisers/map-end-conversation.js';
import type { Activity, ActivityCorrection, ActivityCreate, ActivityList, Ladder, LadderCreate, LadderRecordOut, ParticipationSummary } from './schemas.js';
import { insertActivityVersion, insertLadderStep, providerReferral, unsafeActivitiesOf, unsafeCurrentActivity, unsafeLadderOf, type ActivityRow, type LadderRow, type ProviderReferral } from './store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

const forbidden = () => new AppError('forbidden', 'Alleen de participatie- of MAP-aanbieder van deze inburgeraar legt participatieactiviteiten en treden vast.');

/** The product a referral is for, from the contract it was made under. */
export function productOf(contracts: ContractRegistry, r: { contractId: string; productCode: string }): Product | undefined {
  return contracts.byId(r.contractId)?.products.find((p) => p.code === r.productCode);
}

/** The kind under which activities may be registered for this referral, or undefined (not a participation or MAP product). */
function activityProductKind(contracts: ContractRegistry, r: ProviderReferral): 'participation' | 'map' | undefined {
  const kind = productOf(contracts, r)?.kind;
  return kind === 'participation' || kind === 'map' ? kind : undefined;
}

function toActivity(r: ActivityRow): Activity {
  return {
    id: r.id,
    version: r.version,
    participantId: r.participantId,
    referralId: r.referralId,
    providerId: r.providerId,
    providerName: r.providerName,
    productKind: r.productKind,
    hourKind: activityHourKind(r.kind, r.productKind) as Activity['hourKind'],
    kind: r.kind,
    organisation: r.organisation,
    localFacility: r.localFacility,
    localFacilityName: r.localFacilityName,
    startDate: r.startDate,
    endDate: r.endDate,
    minutes: r.minutes,
    note: r.note,
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt,
  };
}

/** Runs a read of one participant in scope, audited; 404 (audited as denied) outside it. */
export async function readParticipant<T>(deps: Deps, ctx: RequestContext, participantId: string, read: (tx: Tx) => Promise<T>): Promise<T> {
  const out = await deps.db.transaction(async (tx) => {
    const ref = await findParticipantRef(tx, ctx.scope, participantId);
    if (ref === undefined) {
      await auditDenied(tx, deps.crypto, ctx, 'participation.read', 'participant', participantId);
      return undefined;
    }
    const value = await read(tx);
    await recordAudit(tx, deps.crypto, ctx, { name: 'participation.read', status: 'ok', subjects: [{ participantId, municipalityId: ref.municipalityId }], objectType: 'participant', objectId: participantId });
    return { value };
  });
  if (out === undefined) throw notFound();
  return out.value;
}

export function listActivities(deps: Deps, ctx: RequestContext, participantId: string): Promise<ActivityList> {
  return readParticipant(deps, ctx, participantId, async (tx) => ({ items: (await unsafeActivitiesOf(tx, participantId)).map(toActivity) }));
}

export const hoursOf = (rows: readonly ActivityRow[]): ActivityHours[] => rows.map((r) => ({ kind: r.kind, product: r.productKind, endDate: r.endDate, minutes: r.minutes }));

/** 001 §2.3.2 is the Z-route's: the activities under a participation product of the Z-route. */
function zParticipation(contracts: ContractRegistry, rows: readonly ActivityRow[]): ActivityRow[] {
  return rows.filter((r) => {
    const p = productOf(contracts, r);
    return p?.kind === 'participation' && p.routes.includes('z');
  });
}

/** R-MAP-2, R-HRS-1, R-MAP-1, R-HRS-2: hours per kind, the MAP practical part and the meetings due. */
export function participationSummary(deps: Deps, ctx: RequestContext, participantId: string): Promise<ParticipationSummary> {
  return readParticipant(deps, ctx, participantId, async (tx) => {
    const rows = await unsafeActivitiesOf(tx, participantId);
    const hours = hoursOf(rows);
    return {
      totalMinutes: hours.reduce((s, a) => s + a.minutes, 0),
      byActivityKind: minutesByActivityKind(hours),
      byHourKind: minutesByActivityHourKind(hours),
      mapPractical: mapPracticalStatus(hours),
      meetingsDue: participationMeetingsDue(hoursOf(zParticipation(deps.contracts, rows))),
      localFacilities: [...new Set(rows.filter((r) => r.localFacility).map((r) => r.localFacilityName ?? r.organisation))].sort(),
    };
  });
}

/** What the 200-hour meeting raiser needs of one participant; undefined without Z-route participation activities. */
export async function participationFactsOf(q: Queryable, contracts: ContractRegistry, participantId: string): Promise<ParticipationFacts | undefined> {
  const rows = zParticipation(contracts, await unsafeActivitiesOf(q, participantId));
  const latest = [...rows].sort((a, b) => a.endDate.localeCompare(b.endDate)).at(-1);
  if (latest === undefined) return undefined;
  return {
    participantId,
    placement: { municipalityId: latest.municipalityId, providerId: latest.providerId, productCode: latest.productCode },
    version: versionOf(contracts, latest),
    activities: hoursOf(rows),
  };
}

type WriteRoom = { ok: true; referral: ProviderReferral; productKind: 'participation' | 'map' } | { ok: false; error: AppError };

/**
 * The write decision of the file comment. Refusals are returned, not thrown, so that their audit line
 * commits (R-SEC-2); bad input about the referral is a 422 naming referralId.
 */
export async function writeRoom(tx: Tx, deps: Deps, ctx: RequestContext, op: AuditOperation, participantId: string, referralId: string): Promise<WriteRoom> {
  const ref = ctx.scope.kind === 'provider' ? await findParticipantRef(tx, ctx.scope, participantId) : undefined;
  if (ctx.scope.kind !== 'provider' || ref === undefined) {
    await auditDenied(tx, deps.crypto, ctx, op, 'participant', participantId);
    return { ok: false, error: notFound() };
  }
  const referral = await providerReferral(tx, ctx.scope.providerId, participantId, referralId);
  if (referral === undefined) throw unprocessable('referralId', 'unknown', 'Onbekende aanmelding voor deze inburgeraar bij uw organisatie.');
  const productKind = activityProductKind(deps.contracts, referral);
  if (productKind === undefined) {
    await recordAudit(tx, deps.crypto, ctx, { name: op, status: 'error', subjects: [{ participantId, municipalityId: ref.municipalityId }], objectType: 'referral', objectId: referralId, summary: 'not a participation or MAP referral' });
    return { ok: false, error: forbidden() };
  }
  return { ok: true, referral, productKind };
}

function checkDates(body: { startDate: IsoDate; endDate: IsoDate }, referral: ProviderReferral, today: IsoDate): void {
  if (body.endDate > today) throw unprocessable('endDate', 'future', 'Een activiteit die nog niet voorbij is, kunt u nog niet vastleggen: de einddatum ligt in de toekomst.');
  if (body.startDate < referral.referredOn) throw unprocessable('startDate', 'beforeReferral', 'Deze datum ligt vóór de aanmelding.');
}

async function afterChange(tx: Tx, deps: Deps, ctx: RequestContext, participantId: string, municipalityId: string, objectId: string, summary: string): Promise<void> {
  await recordAudit(tx, deps.crypto, ctx, { name: 'participation.record', status: 'ok', subjects: [{ participantId, municipalityId }], objectType: 'participationActivity', objectId, summary });
  // R-HRS-2 (001 §2.3.2): a multiple of 200 hours reached raises its meeting in this same transaction.
  await raiseParticipationSignals(tx, await participationFactsOf(tx, deps.contracts, participantId), deps.clock.today());
  // R-MAP-1: the 40th practical hour may make the MAP ready for its end conversation.
  await raiseEndConversationSignal(tx, deps.contracts, participantId, deps.clock.today());
}

async function currentAsActivity(tx: Tx, activityId: string): Promise<Activity> {
  const row = await unsafeCurrentActivity(tx, activityId);
  if (row === undefined) throw new Error('activity vanished in its own transaction');
  return toActivity(row);
}

/** R-MAP-2: the participation or MAP provider registers an activity. */
export async function registerActivity(deps: Deps, ctx: RequestContext, participantId: string, body: ActivityCreate): Promise<Activity> {
  const out = await deps.db.transaction(async (tx) => {
    const room = await writeRoom(tx, deps, ctx, 'participation.record', participantId, body.referralId);
    if (!room.ok) return room;
    checkDates(body, room.referral, deps.clock.today());
    const activityId = randomUUID();
    const { referralId, ...fields } = body;
    await insertActivityVersion(tx, {
      ...fields,
      activityId,
      version: 1,
      participantId,
      referralId,
      providerId: room.referral.providerId,
      municipalityId: room.referral.municipalityId,
      productKind: room.productKind,
      externalId: null,
      recordedBy: ctx.actor.userId,
      recordedAt: deps.clock.now(),
    });
    await afterChange(tx, deps, ctx, participantId, room.referral.municipalityId, activityId, `registered ${body.kind}, ${body.minutes} minutes`);
    return { ok: true as const, activity: await currentAsActivity(tx, activityId) };
  });
  if (!out.ok) throw out.error;
  return out.activity;
}

/** A correction: a new version under the same referral; the old one is kept (superseded). */
export async function correctActivity(deps: Deps, ctx: RequestContext, activityId: string, body: ActivityCorrection): Promise<Activity> {
  const out = await deps.db.transaction(async (tx) => {
    const row = await unsafeCurrentActivity(tx, activityId);
    const participantId = row?.participantId;
    const visible = participantId !== undefined && (await findParticipantRef(tx, ctx.scope, participantId)) !== undefined;
    if (row === undefined || !visible) {
      await auditDenied(tx, deps.crypto, ctx, 'participation.record', 'participant', participantId ?? activityId);
      return { ok: false as const, error: notFound() };
    }
    if (ctx.scope.kind !== 'provider' || ctx.scope.providerId !== row.providerId) {
      // Visible, not this provider's: another provider's registration is corrected by that provider only.
      await recordAudit(tx, deps.crypto, ctx, { name: 'participation.record', status: 'error', subjects: [{ participantId: row.participantId, municipalityId: row.municipalityId }], objectType: 'participationActivity', objectId: activityId, summary: "another provider's activity" });
      return { ok: false as const, error: forbidden() };
    }
    const room = await writeRoom(tx, deps, ctx, 'participation.record', row.participantId, row.referralId);
    if (!room.ok) return room;
    if (body.version !== row.version) throw new AppError('conflict', 'Deze activiteit is intussen gewijzigd. Laad haar opnieuw en verbeter dan.');
    checkDates(body, room.referral, deps.clock.today());
    const { version: _seen, ...fields } = body;
    await insertActivityVersion(
      tx,
      {
        ...fields,
        activityId,
        version: row.version + 1,
        participantId: row.participantId,
        referralId: row.referralId,
        providerId: row.providerId,
        municipalityId: row.municipalityId,
        productKind: row.productKind,
        externalId: row.externalId,
        recordedBy: ctx.actor.userId,
        recordedAt: deps.clock.now(),
      },
      row.rowId,
    );
    await afterChange(tx, deps, ctx, row.participantId, row.municipalityId, activityId, `corrected to version ${row.version + 1}`);
    return { ok: true as const, activity: await currentAsActivity(tx, activityId) };
  });
  if (!out.ok) throw out.error;
  return out.activity;
}

function toLadder(rows: readonly LadderRow[]): Ladder {
  const history: LadderRecordOut[] = rows.map((r) => ({ ...r }));
  const records = history.map((r) => ({ ...r, step: r.step as LadderStep }));
  const latest = latestLadderSteps(records);
  const pick = (m: keyof typeof latest) => {
    const r = latest[m];
    return r === undefined ? null : { ...r, step: r.step as number };
  };
  return { history, latest: { atReferral: pick('atReferral'), during: pick('during'), atEnd: pick('atEnd') }, raisedDuring: ladderRaised(records) };
}

/** R-MAP-4: the ladder history of a participant and the step that counts per moment. */
export function getLadder(deps: Deps, ctx: RequestContext, participantId: string): Promise<Ladder> {
  return readParticipant(deps, ctx, participantId, async (tx) => toLadder(await unsafeLadderOf(tx, participantId)));
}

/** R-MAP-4: a ladder step recorded; earlier records stay (append-only). */
export async function recordLadderStep(deps: Deps, ctx: RequestContext, participantId: string, body: LadderCreate): Promise<Ladder> {
  const out = await deps.db.transaction(async (tx) => {
    const room = await writeRoom(tx, deps, ctx, 'participation.record', participantId, body.referralId);
    if (!room.ok) return room;
    if (body.recordedOn > deps.clock.today()) throw unprocessable('recordedOn', 'future', 'Een trede kan niet in de toekomst worden vastgesteld.');
    if (body.recordedOn < room.referral.referredOn) throw unprocessable('recordedOn', 'beforeReferral', 'Deze datum ligt vóór de aanmelding.');
    const id = await insertLadderStep(tx, {
      participantId,
      referralId: body.referralId,
      providerId: room.referral.providerId,
      municipalityId: room.referral.municipalityId,
      step: body.step,
      moment: body.moment,
      recordedOn: body.recordedOn,
      recordedBy: ctx.actor.userId,
      recordedAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.crypto, ctx, { name: 'participation.record', status: 'ok', subjects: [{ participantId, municipalityId: room.referral.municipalityId }], objectType: 'participationLadderStep', objectId: id, summary: `step ${body.step} ${body.moment}` });
    return { ok: true as const, ladder: toLadder(await unsafeLadderOf(tx, participantId)) };
  });
  if (!out.ok) throw out.error;
  return out.ladder;
}
