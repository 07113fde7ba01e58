// Builders for the report tests (issue #13): facts straight into the tables, including those the API
// cannot make on a chosen past date in one step (a start, an end, a placement, a lesson, a ladder step).
// The rows carry only what the report readers look at; everything else is a fixed, valid filler.
import { randomBytes, randomUUID } from 'node:crypto';
import { organisationId } from '../../src/features/organisations/store.js';
import type { Db } from '../../src/platform/db.js';

export interface ReportRegion {
  db: Db;
  /** The user every row is recorded by. */
  userId: string;
  contractId: string;
}

export interface BuiltReferral {
  participantId: string;
  referralId: string;
  municipalityId: string;
  providerId: string;
}

export interface ReferralDates {
  referredOn: string;
  intakeHeldOn?: string;
  startClassStartedOn?: string;
  startedOn?: string;
  /** A route_event routeEnded on this day. */
  endedOn?: string;
}

/** A participant of the municipality (code) with one referral to the provider (code) for the product. */
export async function aReportReferral(r: ReportRegion, municipality: string, provider: string, product: string, d: ReferralDates, participantId?: string): Promise<BuiltReferral> {
  const municipalityId = organisationId('municipality', municipality);
  const providerId = organisationId('provider', provider);
  const pid = participantId ?? randomUUID();
  if (participantId === undefined) {
    await r.db.query(
      `INSERT INTO participant (id, municipality_id, bsn_encrypted, bsn_hash, bsn_last_four, given_name, family_name, date_of_birth, gender, route,
         impeding_health, impeding_justice, impeding_finances, created_at, created_by)
       VALUES ($1, $2, 'x', $3, '1234', 'Test', 'Deelnemer', '1990-01-01', 'unknown', 'b1', false, false, false, now(), $4)`,
      [pid, municipalityId, randomBytes(16).toString('hex'), r.userId],
    );
  }
  const referralId = randomUUID();
  await r.db.query(
    `INSERT INTO referral (id, municipality_id, participant_id, provider_id, product_code, contract_id, contract_version, status, referred_on, referred_at, referred_by, acknowledgement_due_date,
       intake_held_on, start_class_started_on, started_on)
     VALUES ($1, $2, $3, $4, $5, $6, 1, 'referred', $7, now(), $8, $7, $9, $10, $11)`,
    [referralId, municipalityId, pid, providerId, product, r.contractId, d.referredOn, r.userId, d.intakeHeldOn ?? null, d.startClassStartedOn ?? null, d.startedOn ?? null],
  );
  const built = { participantId: pid, referralId, municipalityId, providerId };
  if (d.endedOn !== undefined) await aRouteEvent(r, built, 'routeEnded', d.endedOn, {});
  return built;
}

export async function aRouteEvent(r: ReportRegion, ref: BuiltReferral, type: string, on: string, details: Record<string, unknown>): Promise<void> {
  await r.db.query(
    `INSERT INTO route_event (id, participant_id, municipality_id, referral_id, type, on_date, details, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())`,
    [randomUUID(), ref.participantId, ref.municipalityId, ref.referralId, type, on, JSON.stringify(details), r.userId],
  );
}

/** A group of the provider in a level band (001 Bijlage 5 item 4). */
export async function aReportGroup(r: ReportRegion, provider: string, levelBand: string): Promise<string> {
  const id = randomUUID();
  await r.db.query(
    `INSERT INTO class_group (id, provider_id, name, level_band, literacy, location, size_limit, active_from, created_by) VALUES ($1, $2, $3, $4, 'literate', 'Arnhem', 15, '2026-01-01', $5)`,
    [id, organisationId('provider', provider), `Groep ${id.slice(0, 6)}`, levelBand, r.userId],
  );
  return id;
}

/** A placement from `from` up to `to` exclusive (group_member.member_to), or open. */
export async function aPlacement(r: ReportRegion, groupId: string, ref: BuiltReferral, from: string, to: string | null = null): Promise<void> {
  await r.db.query(
    `INSERT INTO group_member (id, group_id, participant_id, referral_id, municipality_id, literacy, member_from, member_to) VALUES ($1, $2, $3, $4, $5, 'literate', $6, $7)`,
    [randomUUID(), groupId, ref.participantId, ref.referralId, ref.municipalityId, from, to],
  );
}

export interface LessonSpec {
  date: string;
  minutes: number;
  kind?: 'language' | 'makeUp';
  cancelledByProvider?: boolean;
}

/** A lesson of the group with one participant's attendance (minutes attended; 0 = absent). */
export async function aLessonAttended(r: ReportRegion, groupId: string, ref: BuiltReferral, lesson: LessonSpec, attended: number): Promise<void> {
  const lessonId = randomUUID();
  await r.db.query(`INSERT INTO lesson (id, group_id, date, start_time, minutes, kind, cancelled_by_provider) VALUES ($1, $2, $3, '09:00', $4, $5, $6)`, [
    lessonId,
    groupId,
    lesson.date,
    lesson.minutes,
    lesson.kind ?? 'language',
    lesson.cancelledByProvider ?? false,
  ]);
  await r.db.query(
    `INSERT INTO attendance (lesson_id, participant_id, municipality_id, present, minutes_attended, called_in, version, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, true, 1, $6, now())`,
    [lessonId, ref.participantId, ref.municipalityId, attended > 0, attended, r.userId],
  );
}

export async function aLadderStep(r: ReportRegion, ref: BuiltReferral, moment: 'atReferral' | 'during' | 'atEnd', step: number, recordedOn: string): Promise<void> {
  await r.db.query(
    `INSERT INTO participation_ladder_step (id, participant_id, referral_id, provider_id, municipality_id, step, moment, recorded_on, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
    [randomUUID(), ref.participantId, ref.referralId, ref.providerId, ref.municipalityId, step, moment, recordedOn, r.userId],
  );
}
