// Participant use cases (R-PAR-1, R-PAR-2). Each runs in one transaction with its audit lines
// (R-SEC-2): a read of 25 participants writes 25 lines; a denied read writes one error line.
import { randomUUID } from 'node:crypto';
import { lastFourOfBsn, maskBsn } from '../../domain/bsn.js';
import type { IsoDate } from '../../domain/contract.js';
import { isYouth } from '../../domain/youth.js';
import type { RequestContext } from '../../platform/access.js';
import { realNow } from '../../platform/clock.js';
import { recordAudit, recordReadAudit, subjectRef } from '../../platform/audit.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { findMunicipality } from '../organisations/store.js';
import { assertBsnConflictBudget, recordBsnConflict } from './bsn-conflict.js';
import { auditDenied, referInTx, toReferral, uniqueSubjects } from '../referrals/service.js';
import { listReferrals } from '../referrals/store.js';
import { EXPORT_BATCH, pagedSource } from '../../platform/http/export.js';
import type { ParticipantCreate, ParticipantDetail, ParticipantExportQuery, ParticipantListQuery, ParticipantSummary } from './schemas.js';
import { findParticipant, findParticipantByBsnHash, insertParticipant, listParticipants as listRows, unsafeIsBsnRegistered, type ParticipantRow } from './store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

/** `on`: the reference date of the youth segment (R-PAR-4), the list's or today. */
function toSummary(r: ParticipantRow, on: IsoDate): ParticipantSummary {
  return {
    id: r.id,
    givenName: r.givenName,
    familyName: r.familyName,
    dateOfBirth: r.dateOfBirth,
    bsnLastFour: r.bsnLastFour,
    municipality: { id: r.municipalityId, name: r.municipalityName },
    route: r.route,
    clientNumber: r.clientNumber,
    latestReferralStatus: r.latestReferralStatus,
    createdAt: r.createdAt.toISOString(),
    under27: isYouth(r.dateOfBirth, on),
  };
}

export async function listParticipants(deps: Deps, ctx: RequestContext, query: ParticipantListQuery) {
  const on = query.referenceDate ?? deps.clock.today();
  const { rows, total } = await deps.db.transaction(async (tx) => {
    const found = await listRows(tx, ctx.scope, { ...query, referenceDate: on });
    // The last statement: COMMIT goes with it (issue #16).
    await recordReadAudit(tx, deps.crypto, ctx, { name: 'participant.list', status: 'ok', subjects: uniqueSubjects(found.rows.map((r) => ({ participantId: r.id, municipalityId: r.municipalityId }))), objectType: 'participant' });
    return found;
    // Issue #16: a read from the session cache checks its session with the first statement.
  }, { check: ctx.check });
  return { items: rows.map((r) => toSummary(r, on)), total, page: query.page, pageSize: query.pageSize };
}

/** R-EXC-3: the whole filtered list for the export, read and audited batch by batch with the list's SQL. */
export function participantExportSource(deps: Deps, ctx: RequestContext, query: ParticipantExportQuery): () => Promise<readonly ParticipantSummary[]> {
  const on = query.referenceDate ?? deps.clock.today();
  return pagedSource(EXPORT_BATCH, (page, pageSize) =>
    deps.db.transaction(async (tx) => {
      const { rows } = await listRows(tx, ctx.scope, { ...query, referenceDate: on, page, pageSize });
      if (page === 1 || rows.length > 0) {
        await recordAudit(tx, deps.crypto, ctx, {
          name: 'participant.list',
          status: 'ok',
          subjects: uniqueSubjects(rows.map((r) => ({ participantId: r.id, municipalityId: r.municipalityId }))),
          objectType: 'participant',
          summary: `export ${query.format} batch ${page}: ${rows.length} rows`,
        });
      }
      return rows.map((r) => toSummary(r, on));
    }),
  );
}

export async function searchParticipantsByBsn(deps: Deps, ctx: RequestContext, bsn: string) {
  const rows = await deps.db.transaction(async (tx) => {
    const found = await findParticipantByBsnHash(tx, ctx.scope, deps.crypto.keyedHash('bsn', bsn));
    await recordAudit(tx, deps.crypto, ctx, {
      name: 'participant.searchByBsn',
      status: found === undefined ? 'error' : 'ok',
      subjects: found === undefined ? [] : [{ participantId: found.id, municipalityId: found.municipalityId }],
      objectType: 'participant',
      ...(found === undefined ? { summary: 'no participant with this BSN in the actor\'s scope' } : { objectId: found.id }),
    });
    return found === undefined ? [] : [found];
  });
  return { items: rows.map((r) => toSummary(r, deps.clock.today())) };
}

async function loadDetail(deps: Deps, ctx: RequestContext, tx: Parameters<Parameters<Deps['db']['transaction']>[0]>[0], id: string): Promise<ParticipantDetail | undefined> {
  const p = await findParticipant(tx, ctx.scope, id);
  if (p === undefined) return undefined;
  const referrals = await listReferrals(tx, ctx.scope, { participantId: id });
  const bsn = (await tx.query<{ bsnEncrypted: string }>('SELECT bsn_encrypted AS "bsnEncrypted" FROM participant WHERE id = $1', [id]))[0];
  return {
    id: p.id,
    bsnMasked: bsn === undefined ? '*********' : maskBsn(deps.crypto.decrypt(bsn.bsnEncrypted)),
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: p.dateOfBirth,
    gender: p.gender,
    email: p.email,
    phone: p.phone,
    street: p.street,
    houseNumber: p.houseNumber,
    postcode: p.postcode,
    city: p.city,
    countryOfBirth: p.countryOfBirth,
    motherTongue: p.motherTongue,
    inNetherlandsSince: p.inNetherlandsSince,
    route: p.route,
    clientNumber: p.clientNumber,
    dutyStartDate: p.dutyStartDate,
    dutyEndDate: p.dutyEndDate,
    pipSignedOn: p.pipSignedOn,
    impedingHealth: p.impedingHealth,
    impedingJustice: p.impedingJustice,
    impedingFinances: p.impedingFinances,
    municipality: { id: p.municipalityId, name: p.municipalityName },
    createdAt: p.createdAt.toISOString(),
    referrals: referrals.map((r) => toReferral(deps, r)),
  };
}

export async function getParticipant(deps: Deps, ctx: RequestContext, id: string): Promise<ParticipantDetail> {
  const detail = await deps.db.transaction(async (tx) => {
    const found = await loadDetail(deps, ctx, tx, id);
    if (found === undefined) {
      await auditDenied(tx, deps, ctx, 'participant.read', 'participant', id);
      return undefined;
    }
    await recordAudit(tx, deps.crypto, ctx, { name: 'participant.read', status: 'ok', subjects: [{ participantId: id, municipalityId: found.municipality.id }], objectType: 'participant', objectId: id });
    return found;
  });
  if (detail === undefined) throw notFound();
  return detail;
}

/** A consultant registers a participant of its own municipality, optionally with the referral (one transaction). */
export async function createParticipant(deps: Deps, ctx: RequestContext, input: ParticipantCreate): Promise<ParticipantDetail> {
  if (ctx.scope.kind !== 'municipality') throw notFound();
  const municipalityId = ctx.scope.municipalityId;
  // The conflict budget is throttling: real time, so stepping the demo clock neither spends nor refills it.
  await assertBsnConflictBudget(deps, ctx, realNow());
  const detail = await deps.db.transaction(async (tx) => {
    const municipality = await findMunicipality(tx, municipalityId);
    if (municipality === undefined) throw notFound();
    const bsnHash = deps.crypto.keyedHash('bsn', input.bsn);
    // R-PAR-2: unique. The message names neither the BSN nor where it is registered.
    if (await unsafeIsBsnRegistered(tx, bsnHash)) return { bsnRegistered: bsnHash } as const;
    const id = randomUUID();
    const { bsn, referral, ...rest } = input;
    await insertParticipant(tx, {
      ...rest,
      id,
      municipalityId,
      bsnEncrypted: deps.crypto.encrypt(bsn),
      bsnHash,
      bsnLastFour: lastFourOfBsn(bsn),
      createdAt: deps.clock.now(),
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, deps.crypto, ctx, { name: 'participant.create', status: 'ok', subjects: [{ participantId: id, municipalityId }], objectType: 'participant', objectId: id });
    if (referral !== undefined) {
      await referInTx(tx, deps, ctx, { id, municipalityId, municipalityCode: municipality.code }, referral, 'referral.');
    }
    return loadDetail(deps, ctx, tx, id);
  });
  if (detail === undefined) throw new AppError('internal', 'De inburgeraar is niet teruggevonden na opslaan.');
  // Issue #9: the 409 is audited (the existing participant's controller sees it) and throttled.
  if ('bsnRegistered' in detail) throw await recordBsnConflict(deps, ctx, detail.bsnRegistered, realNow());
  return detail;
}

/** R-SEC-2: the controller reads who processed this participant's data. */
export async function listAuditEvents(deps: Deps, ctx: RequestContext, id: string) {
  const items = await deps.db.transaction(async (tx) => {
    const p = await findParticipant(tx, ctx.scope, id);
    if (p === undefined) {
      await auditDenied(tx, deps, ctx, 'participant.auditRead', 'participant', id);
      return undefined;
    }
    const rows = await tx.query<{ id: number; name: string; status: 'ok' | 'error'; startedAt: Date; actorName: string | null; actorRole: string | null; organisationName: string | null }>(
      `SELECT a.id, a.name, a.status, a.started_at AS "startedAt", u.name AS "actorName", a.actor_role AS "actorRole",
              COALESCE(m.name, pr.name, r.name) AS "organisationName"
       FROM audit_event a LEFT JOIN app_user u ON u.id = a.actor_user_id
       LEFT JOIN municipality m ON m.id = a.organisation_id LEFT JOIN provider pr ON pr.id = a.organisation_id LEFT JOIN region r ON r.id = a.organisation_id
       WHERE a.data_subject_ref = $1 ORDER BY a.started_at DESC, a.id DESC LIMIT 500`,
      [subjectRef(deps.crypto, id)],
    );
    await recordAudit(tx, deps.crypto, ctx, { name: 'participant.auditRead', status: 'ok', subjects: [{ participantId: id, municipalityId: p.municipalityId }], objectType: 'participant', objectId: id });
    return rows;
  });
  if (items === undefined) throw notFound();
  return { items: items.map((r) => ({ ...r, id: String(r.id), startedAt: r.startedAt.toISOString() })) };
}
