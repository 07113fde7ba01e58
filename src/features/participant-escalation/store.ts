// The participant-level ladder's rows (migration 0029, R-ESC-1): reads in a room and the inserts.
// Append-only: nothing here updates or deletes.
import type { JudgementDecision, ParticipantStep } from '../../domain/escalation/participant-ladder.js';
import type { IsoDate } from '../../domain/iso-date.js';
import { SqlParams } from '../../platform/access.js';
import type { Queryable } from '../../platform/db.js';
import { escalationInRoom, type EscalationRoom } from './room.js';

export interface CaseRow {
  id: string;
  referralId: string;
  participantId: string;
  participantName: string;
  municipalityId: string;
  providerId: string;
  contractId: string;
  pseudonym: string;
  reason: string;
  closedOn: IsoDate | null;
  closureGrounds: string | null;
  /** The contract manager's judgement at the last step (migration 0032), or null. */
  judgedOn: IsoDate | null;
  judgement: JudgementDecision | null;
  judgementGrounds: string | null;
}
export interface StepRow {
  escalationId: string;
  sequence: number;
  step: ParticipantStep;
  decidedOn: IsoDate;
  actors: string;
  decision: string;
  planWeeks: number | null;
}
export interface CheckInRow {
  escalationId: string;
  dueOn: IsoDate;
  heldOn: IsoDate;
  note: string;
}

const SELECT = `SELECT e.id, e.referral_id AS "referralId", e.participant_id AS "participantId", p.given_name || ' ' || p.family_name AS "participantName",
    e.municipality_id AS "municipalityId", e.provider_id AS "providerId", e.contract_id AS "contractId", e.pseudonym, e.reason,
    to_char(c.closed_on, 'YYYY-MM-DD') AS "closedOn", c.grounds AS "closureGrounds",
    to_char(j.judged_on, 'YYYY-MM-DD') AS "judgedOn", j.decision AS judgement, j.grounds AS "judgementGrounds"
  FROM participant_escalation e JOIN participant p ON p.id = e.participant_id LEFT JOIN participant_escalation_closure c ON c.escalation_id = e.id
    LEFT JOIN participant_escalation_judgement j ON j.escalation_id = e.id`;

export function casesIn(q: Queryable, room: EscalationRoom, id?: string): Promise<CaseRow[]> {
  const p = new SqlParams();
  const byId = id === undefined ? '' : ` AND e.id = ${p.add(id)}`;
  return q.query<CaseRow>(`${SELECT} WHERE ${escalationInRoom(room, p)}${byId} ORDER BY e.opened_at, e.id`, p.values);
}

/** Unscoped by name: every open case, for the scheduled run's check-in signals. */
export function unsafeOpenCases(q: Queryable): Promise<CaseRow[]> {
  return q.query<CaseRow>(`${SELECT} WHERE c.escalation_id IS NULL ORDER BY e.id`);
}

export async function stepsAndCheckIns(q: Queryable, ids: readonly string[]): Promise<{ steps: StepRow[]; checkIns: CheckInRow[] }> {
  const steps = await q.query<StepRow>(
    `SELECT s.escalation_id AS "escalationId", s.sequence, s.step, to_char(s.decided_on, 'YYYY-MM-DD') AS "decidedOn", s.actors, s.decision, s.plan_weeks AS "planWeeks"
     FROM participant_escalation_step s WHERE s.escalation_id = ANY($1::uuid[]) ORDER BY s.escalation_id, s.sequence`,
    [[...ids]],
  );
  const checkIns = await q.query<CheckInRow>(
    `SELECT k.escalation_id AS "escalationId", to_char(k.due_on, 'YYYY-MM-DD') AS "dueOn", to_char(k.held_on, 'YYYY-MM-DD') AS "heldOn", k.note
     FROM participant_escalation_check_in k WHERE k.escalation_id = ANY($1::uuid[]) ORDER BY k.escalation_id, k.due_on`,
    [[...ids]],
  );
  return { steps, checkIns };
}

type Who = { userId: string; at: Date };

export async function insertCase(q: Queryable, c: Omit<CaseRow, 'participantName' | 'closedOn' | 'closureGrounds' | 'judgedOn' | 'judgement' | 'judgementGrounds'>, who: Who): Promise<void> {
  await q.query(
    `INSERT INTO participant_escalation (id, referral_id, participant_id, municipality_id, provider_id, contract_id, pseudonym, reason, opened_at, opened_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [c.id, c.referralId, c.participantId, c.municipalityId, c.providerId, c.contractId, c.pseudonym, c.reason, who.at, who.userId],
  );
}

export async function insertStep(q: Queryable, s: StepRow, who: Who): Promise<void> {
  await q.query(
    `INSERT INTO participant_escalation_step (escalation_id, sequence, step, decided_on, actors, decision, plan_weeks, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [s.escalationId, s.sequence, s.step, s.decidedOn, s.actors, s.decision, s.planWeeks, who.at, who.userId],
  );
}

export async function insertCheckIn(q: Queryable, k: CheckInRow, who: Who): Promise<void> {
  await q.query(`INSERT INTO participant_escalation_check_in (escalation_id, due_on, held_on, note, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)`, [k.escalationId, k.dueOn, k.heldOn, k.note, who.at, who.userId]);
}

export async function insertClosure(q: Queryable, escalationId: string, closedOn: IsoDate, grounds: string, who: Who): Promise<void> {
  await q.query(`INSERT INTO participant_escalation_closure (escalation_id, closed_on, grounds, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5)`, [escalationId, closedOn, grounds, who.at, who.userId]);
}

export async function insertJudgement(q: Queryable, escalationId: string, j: { judgedOn: IsoDate; decision: JudgementDecision; grounds: string }, who: Who): Promise<void> {
  await q.query(`INSERT INTO participant_escalation_judgement (escalation_id, judged_on, decision, grounds, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
    escalationId, j.judgedOn, j.decision, j.grounds, who.at, who.userId,
  ]);
}
