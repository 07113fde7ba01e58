// Use cases of hours (R-HRS-1) and of the hours push from providers' own systems (R-EXC-1): every item
// is checked before anything is written, a batch is applied whole or not at all, the same
// Idempotency-Key replays the first answer, and a resent entry (same externalId) with other values is a
// correction that keeps the old version.
import { createHash, randomUUID } from 'node:crypto';
import type { IsoDate } from '../../domain/contract.js';
import { DEFAULT_MILESTONE_HOURS } from '../../domain/forecast.js';
import { countedActivityFacts } from '../../domain/activity-hours.js';
import { hourKindOf, HourKinds, milestonesReached, type HourKind } from '../../domain/hours.js';
import { minutesByActivityHourKind } from '../../domain/participation.js';
import type { RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { auditDenied } from '../../platform/audit-denied.js';
import { versionOf } from '../../platform/contracts.js';
import type { Tx } from '../../platform/db.js';
import { AppError, notFound, unprocessable, type InvalidParam } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { findParticipantRef } from '../participants/store.js';
import { raiseHoursSignals } from '../signals/raisers/hours.js';
import type { HoursBatchBody, HoursBatchResult, HoursItem, ParticipantHours } from './schemas.js';
import { currentEntries, hoursFactsOf, latestReferralContract, referralsInScope, unsafeActivityHours, unsafeHourFacts, type EntryRow } from './store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts'>;

function providerOf(ctx: RequestContext): string {
  if (ctx.scope.kind !== 'provider') throw notFound();
  return ctx.scope.providerId;
}

const sameValues = (e: EntryRow, i: HoursItem) =>
  e.participantId === i.participantId && e.referralId === i.referralId && e.date === i.date && e.kind === i.kind && e.minutes === i.minutes && e.startClass === i.startClass;

export type HoursPushOutcome = { replayed: boolean; body: HoursBatchResult };

export async function pushHours(deps: Deps, ctx: RequestContext, key: string, batch: HoursBatchBody): Promise<HoursPushOutcome> {
  const providerId = providerOf(ctx);
  const today = deps.clock.today();
  const sha256 = createHash('sha256').update(JSON.stringify(batch.items)).digest('hex');
  return deps.db.transaction(async (tx: Tx) => {
    // Serialises batches with the same key: the second waits and then replays (no double registration).
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`hours:${providerId}:${key}`]);
    const earlier = await tx.query<{ sha256: string; response: HoursBatchResult }>(`SELECT sha256, response FROM hours_batch WHERE provider_id = $1 AND idempotency_key = $2`, [providerId, key]);
    if (earlier[0] !== undefined) {
      if (earlier[0].sha256 !== sha256) throw unprocessable('Idempotency-Key', 'keyReused', 'Deze Idempotency-Key is al gebruikt voor een andere batch.');
      return { replayed: true, body: earlier[0].response };
    }

    const referrals = await referralsInScope(tx, ctx.scope, [...new Set(batch.items.map((i) => i.referralId))]);
    const current = await currentEntries(tx, providerId, batch.items.map((i) => i.externalId));
    const problems: InvalidParam[] = [];
    const seen = new Set<string>();
    batch.items.forEach((item, i) => {
      const at = (field: string, code: string, reason: string) => problems.push({ name: `items[${i}].${field}`, code, reason });
      if (seen.has(item.externalId)) at('externalId', 'duplicate', 'Dit id staat twee keer in de batch.');
      seen.add(item.externalId);
      const referral = referrals.get(item.referralId);
      // Another provider's referral is answered as unknown: nothing about it is told.
      if (referral === undefined || referral.participantId !== item.participantId) return at('referralId', 'unknown', 'Onbekende aanmelding voor deze inburgeraar bij uw organisatie.');
      if (item.date > today) at('date', 'future', 'Uren kunnen niet in de toekomst liggen.');
      else if (item.date < referral.referredOn) at('date', 'beforeReferral', 'Deze datum ligt vóór de aanmelding.');
    });
    if (problems.length > 0) {
      throw new AppError('unprocessable', `Er is niets opgeslagen: ${problems.length} ${problems.length === 1 ? 'fout' : 'fouten'} in ${batch.items.length} regels. Verbeter ze en lever de batch opnieuw aan.`, problems.slice(0, 100));
    }

    const batchId = randomUUID();
    const now = deps.clock.now();
    const counts = { created: 0, changed: 0, unchanged: 0 };
    const rows: { item: HoursItem; version: number }[] = [];
    const supersede: string[] = [];
    for (const item of batch.items) {
      const was = current.get(item.externalId);
      if (was !== undefined && sameValues(was, item)) {
        counts.unchanged += 1;
        continue;
      }
      if (was === undefined) counts.created += 1;
      else {
        counts.changed += 1;
        supersede.push(was.id);
      }
      rows.push({ item, version: (was?.version ?? 0) + 1 });
    }
    const body: HoursBatchResult = { batchId, items: batch.items.length, ...counts };
    await tx.query(
      `INSERT INTO hours_batch (id, provider_id, idempotency_key, sha256, items, response, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [batchId, providerId, key, sha256, batch.items.length, JSON.stringify(body), ctx.actor.userId, now],
    );
    if (supersede.length > 0) await tx.query(`UPDATE hours_entry SET superseded = true WHERE id = ANY($1::uuid[])`, [supersede]);
    if (rows.length > 0) {
      // One statement for the whole batch: unnest of parallel arrays.
      const col = <T>(f: (r: { item: HoursItem; version: number }) => T) => rows.map(f);
      await tx.query(
        `INSERT INTO hours_entry (id, provider_id, external_id, participant_id, referral_id, municipality_id, date, kind, minutes, start_class, version, batch_id, recorded_by, recorded_at)
         SELECT u.id, $1, u.external_id, u.participant_id, u.referral_id, r.municipality_id, u.date, u.kind, u.minutes, u.start_class, u.version, $2, $3, $4
         FROM unnest($5::uuid[], $6::text[], $7::uuid[], $8::uuid[], $9::date[], $10::text[], $11::int[], $12::bool[], $13::int[])
           AS u(id, external_id, participant_id, referral_id, date, kind, minutes, start_class, version)
         JOIN referral r ON r.id = u.referral_id`,
        [
          providerId,
          batchId,
          ctx.actor.userId,
          now,
          col(() => randomUUID()),
          col((r) => r.item.externalId),
          col((r) => r.item.participantId),
          col((r) => r.item.referralId),
          col((r) => r.item.date),
          col((r) => r.item.kind),
          col((r) => r.item.minutes),
          col((r) => r.item.startClass),
          col((r) => r.version),
        ],
      );
    }
    const subjects = [...new Map(batch.items.map((i) => [i.participantId, { participantId: i.participantId, municipalityId: referrals.get(i.referralId)?.municipalityId ?? null }])).values()];
    await recordAudit(tx, deps.crypto, ctx, { name: 'hours.record', status: 'ok', subjects, objectType: 'hoursBatch', objectId: batchId, summary: `created ${counts.created}, changed ${counts.changed}, unchanged ${counts.unchanged}` });
    // R-HRS-2: crossing a milestone raises its signal in this same transaction.
    for (const s of subjects) await raiseHoursSignals(tx, await hoursFactsOf(tx, deps.contracts, s.participantId), today);
    return { replayed: false, body };
  });
}

/** Monday of the ISO week of a date. */
function mondayOf(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** R-HRS-1: a participant's hours per kind, milestones reached and hours per week (the pace of R-HRS-5). */
export async function getParticipantHours(deps: Deps, ctx: RequestContext, participantId: string): Promise<ParticipantHours> {
  const out = await deps.db.transaction(async (tx) => {
    const ref = await findParticipantRef(tx, ctx.scope, participantId);
    if (ref === undefined) {
      await auditDenied(tx, deps.crypto, ctx, 'hours.read', 'participant', participantId);
      return undefined;
    }
    const facts = await unsafeHourFacts(tx, participantId);
    const contract = await latestReferralContract(tx, participantId);
    const version = versionOf(deps.contracts, contract);
    const milestones = version?.progress?.milestoneHours ?? DEFAULT_MILESTONE_HOURS;
    const byKind = Object.fromEntries(HourKinds.map((k) => [k, 0])) as Record<HourKind, number>;
    const byWeek = new Map<string, number>();
    let lessonMinutes = 0;
    let registeredMinutes = 0;
    let nt2LessonMinutes = 0;
    for (const f of facts) {
      const kind = hourKindOf(f.kind);
      byKind[kind] += f.minutes;
      if (f.source === 'lesson') lessonMinutes += f.minutes;
      else registeredMinutes += f.minutes;
      if (kind === 'language') nt2LessonMinutes += f.minutes;
      const week = mondayOf(f.date);
      byWeek.set(week, (byWeek.get(week) ?? 0) + f.minutes);
    }
    // Issue #12 (R-HRS-1): participation activities beside the route's hours; in the milestones only the
    // kinds the contract counts (progress.activityHoursCount, default none; 001 §3 for the MAP practical part).
    const activities = await unsafeActivityHours(tx, participantId);
    const counted = version?.progress?.activityHoursCount ?? [];
    const activityByKind = minutesByActivityHourKind(activities);
    const reached = milestonesReached([...facts.map((f) => ({ date: f.date, kind: hourKindOf(f.kind), minutes: f.minutes, startClass: f.startClass })), ...countedActivityFacts(activities, counted)], milestones);
    await recordAudit(tx, deps.crypto, ctx, { name: 'hours.read', status: 'ok', subjects: [{ participantId, municipalityId: ref.municipalityId }], objectType: 'participant', objectId: participantId });
    return {
      totalMinutes: lessonMinutes + registeredMinutes,
      lessonMinutes,
      registeredMinutes,
      nt2LessonMinutes,
      byKind,
      activities: { totalMinutes: activityByKind.participation + activityByKind.mapPractical + activityByKind.internship, byHourKind: activityByKind, countedForMilestones: [...counted] },
      milestones: milestones.map((h) => ({ hours: h, reachedOn: reached.find((m) => m.milestoneHours === h)?.reachedOn ?? null })),
      byWeek: [...byWeek.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, minutes]) => ({ week, minutes })),
    };
  });
  if (out === undefined) throw notFound();
  return out;
}
