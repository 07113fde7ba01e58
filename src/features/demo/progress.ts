// Demo progress (issue #5): the Taalpunt demo group's members get earlier hours (pushed by the provider's
// own system), targets per skill, a progress test at 400 hours, a submitted report and a draft, a
// pending down-scaling request on the municipality's work list, and exam attempts — so every screen of
// issue #5 has something to show. Written in the demo's one transaction; the status and the report's
// pre-filled facts come from the same rules the application uses (src/features/progress/assessment.ts).
import { randomUUID } from 'node:crypto';
import { addCalendarDays } from '../../domain/calendar.js';
import type { IsoDate } from '../../domain/contract.js';
import { checkScalingRequest } from '../../domain/scaling.js';
import { DEFAULT_SCALING_RULES } from '../../domain/contract.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Queryable } from '../../platform/db.js';
import { progressFacts } from '../progress/assessment.js';
import type { ReportContent } from '../progress/schemas.js';
import { findParticipantFile, latestReferral } from '../progress/store.js';
import { raiseSignals } from '../signals/store.js';
import { insertBatch } from './seeded.js';

// Hours made before the demo group started, per member in roster order (a mix of early and late routes).
// The roster order is the group's own (start date, then the seeded referral id): the members' rows have
// random ids and one creation time, and ordering by those gave each load other members the 570 hours —
// which, once hours pay milestones (issue #11), changed the demo invoices from load to load.
const EARLIER_HOURS = [380, 150, 570, 250, 420, 90, 300, 480, 200, 520, 340, 610, 260, 450, 180];
const SKILLS = ['reading', 'writing', 'listening', 'speaking'] as const;

const ROWS_PER_INSERT = 500;
const HOURS_COLUMNS = ['id', 'provider_id', 'external_id', 'participant_id', 'referral_id', 'municipality_id', 'date', 'kind', 'minutes', 'version', 'batch_id', 'recorded_by', 'recorded_at'];
const LEVEL_COLUMNS = ['id', 'participant_id', 'municipality_id', 'skill', 'target', 'current', 'source', 'source_id', 'recorded_on', 'recorded_by', 'recorded_at'];
const TEST_COLUMNS = ['id', 'participant_id', 'referral_id', 'municipality_id', 'milestone_hours', 'taken_on', 'results', 'recorded_by', 'recorded_at'];

interface Member {
  participantId: string;
  referralId: string;
  municipalityId: string;
  providerId: string;
  from: IsoDate;
}

export async function loadDemoProgress(tx: Queryable, contracts: ContractRegistry, today: IsoDate, exceptParticipantId: string | undefined): Promise<void> {
  const members = await tx.query<Member>(
    `SELECT gm.participant_id AS "participantId", gm.referral_id AS "referralId", gm.municipality_id AS "municipalityId", g.provider_id AS "providerId", gm.member_from::text AS "from"
     FROM group_member gm JOIN class_group g ON g.id = gm.group_id JOIN provider p ON p.id = g.provider_id JOIN referral r ON r.id = gm.referral_id
     WHERE p.name ILIKE 'Taalpunt%' ORDER BY r.started_on, r.id`,
  );
  const coordinator = (await tx.query<{ id: string }>(`SELECT id FROM app_user WHERE email = 'coordinator.taalpunt@koers.demo'`))[0]?.id;
  if (coordinator === undefined || members.length === 0) return;
  const now = new Date(`${today}T09:00:00Z`);
  const batchId = randomUUID();
  await tx.query(`INSERT INTO hours_batch (id, provider_id, idempotency_key, sha256, items, response, created_by, created_at) VALUES ($1, $2, 'demo-earlier-hours', $3, 0, '{}', $4, $5)`, [
    batchId,
    members[0]?.providerId,
    '0'.repeat(64),
    coordinator,
    now,
  ]);
  const shown = members.filter((m) => m.participantId !== exceptParticipantId);
  // Issue #16: the rows go in a few multi-row INSERTs (before: one statement a row, ~950 of them).
  const hours: unknown[][] = [];
  const levels: unknown[][] = [];
  const tests: unknown[][] = [];
  for (const [i, m] of shown.entries()) {
    const earlier = EARLIER_HOURS[i % EARLIER_HOURS.length] ?? 0;
    // Six hours a week before the group, ending the day before it started.
    for (let w = 0; w < Math.ceil(earlier / 6); w++) {
      hours.push([randomUUID(), m.providerId, `demo-${m.participantId}-${w}`, m.participantId, m.referralId, m.municipalityId, addCalendarDays(m.from, -7 * (w + 1)), 'language', 360, 1, batchId, coordinator, now]);
    }
    for (const skill of SKILLS) {
      levels.push([randomUUID(), m.participantId, m.municipalityId, skill, 'B1', null, 'intake', null, addCalendarDays(m.from, -7 * Math.ceil(earlier / 6)), coordinator, now]);
    }
    if (earlier >= 400) {
      const results = { reading: 'A2', writing: i % 2 === 0 ? 'A1' : 'A2', listening: 'B1', speaking: 'A2' };
      const testId = randomUUID();
      const on = addCalendarDays(m.from, -3);
      tests.push([testId, m.participantId, m.referralId, m.municipalityId, 400, on, JSON.stringify(results), coordinator, now]);
      for (const skill of SKILLS) {
        levels.push([randomUUID(), m.participantId, m.municipalityId, skill, 'B1', results[skill], 'progressTest', testId, on, coordinator, new Date(now.getTime() + 1000)]);
      }
    }
  }
  for (let i = 0; i < hours.length; i += ROWS_PER_INSERT) {
    await insertBatch(tx, 'hours_entry', HOURS_COLUMNS, hours.slice(i, i + ROWS_PER_INSERT));
  }
  await insertBatch(tx, 'progress_test', TEST_COLUMNS, tests);
  for (let i = 0; i < levels.length; i += ROWS_PER_INSERT) await insertBatch(tx, 'level_record', LEVEL_COLUMNS, levels.slice(i, i + ROWS_PER_INSERT));
  // One submitted report, one draft, one pending down-scaling request, exam attempts.
  const [reported, drafted, scaled] = shown.filter((_, i) => (EARLIER_HOURS[i % EARLIER_HOURS.length] ?? 0) >= 400);
  if (reported !== undefined) await report(tx, contracts, reported, coordinator, today, now, 'submitted');
  if (drafted !== undefined) await report(tx, contracts, drafted, coordinator, today, now, 'draft');
  if (scaled !== undefined) {
    const file = await findParticipantFile(tx, { kind: 'municipality', municipalityId: scaled.municipalityId }, scaled.participantId);
    const hours = (await tx.query<{ m: number }>(`SELECT COALESCE(sum(minutes), 0)::int AS m FROM hours_entry WHERE participant_id = $1 AND NOT superseded`, [scaled.participantId]))[0]?.m ?? 0;
    if (file !== undefined) {
      const check = checkScalingRequest({ direction: 'down', skill: 'writing', fromLevel: 'B1', toLevel: 'A2', nt2Lessons: { minutes: hours }, requestedOn: today, termEndsOn: file.termEndsOn }, DEFAULT_SCALING_RULES);
      const id = randomUUID();
      await tx.query(
        `INSERT INTO scaling_request (id, participant_id, referral_id, municipality_id, provider_id, skill, direction, from_level, to_level, reason, checks, all_checks_passed, requested_on, requested_by, status)
         VALUES ($1, $2, $3, $4, $5, 'writing', 'down', 'B1', 'A2', $6, $7, $8, $9, $10, 'requested')`,
        [id, scaled.participantId, scaled.referralId, scaled.municipalityId, scaled.providerId, 'Schrijven blijft op A1 ondanks extra schrijfles; lezen, luisteren en spreken lopen goed.', JSON.stringify(check.checks), check.allPassed, today, coordinator],
      );
      const productCode = (await tx.query<{ code: string }>(`SELECT product_code AS code FROM referral WHERE id = $1`, [scaled.referralId]))[0]?.code ?? null;
      await raiseSignals(
        tx,
        [{ cause: 'scaling.decisionDue', subject: { type: 'participant', id: scaled.participantId }, period: id, addressee: 'municipality', dueDate: today, municipalityId: scaled.municipalityId, providerId: scaled.providerId, participantId: scaled.participantId, productCode }],
        today,
      );
      const exams: [string, string, IsoDate | null, string][] = [
        ['reading', 'B1', addCalendarDays(today, -40), 'passed'],
        ['writing', 'B1', addCalendarDays(today, -40), 'failed'],
        ['writing', 'B1', null, 'pending'],
      ];
      for (const [part, level, takenOn, result] of exams) {
        await tx.query(
          `INSERT INTO exam_attempt (id, participant_id, municipality_id, provider_id, part, level, registered_on, taken_on, result, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [randomUUID(), scaled.participantId, scaled.municipalityId, scaled.providerId, part, level, addCalendarDays(today, -60), takenOn, result, coordinator, now],
        );
      }
    }
  }
}

async function report(tx: Queryable, contracts: ContractRegistry, m: Member, coordinator: string, today: IsoDate, now: Date, status: 'draft' | 'submitted'): Promise<void> {
  const file = await findParticipantFile(tx, { kind: 'municipality', municipalityId: m.municipalityId }, m.participantId);
  const referral = await latestReferral(tx, { kind: 'provider', providerId: m.providerId }, m.participantId);
  if (file === undefined) return;
  const facts = await progressFacts(tx, contracts, file, referral, today);
  const test = (await tx.query<{ results: Record<string, string> }>(`SELECT results FROM progress_test WHERE participant_id = $1 ORDER BY taken_on DESC LIMIT 1`, [m.participantId]))[0]?.results ?? {};
  const level = (s: string) => (test[s] ?? null) as ReportContent['expectedEndLevel'];
  const content: ReportContent = {
    attendancePercentage: facts.attendance.percentage,
    attendanceReasons: 'Enkele keren ziek gemeld.',
    wellbeing: status === 'submitted' ? 'Voelt zich thuis in de groep; drukke thuissituatie met twee jonge kinderen.' : '',
    scaling: '',
    status: facts.assessment.status,
    statusReasons: facts.assessment.reasons,
    hoursMade: Math.round(facts.hoursMade * 10) / 10,
    testResults: { reading: level('reading'), writing: level('writing'), listening: level('listening'), speaking: level('speaking') },
    expectedExamDate: status === 'submitted' ? addCalendarDays(today, 120) : null,
    expectedEndLevel: status === 'submitted' ? 'B1' : null,
    risks: status === 'submitted' ? 'Schrijven gaat langzamer dan de andere vaardigheden.' : '',
    interventions: status === 'submitted' ? 'Elke week een extra schrijfopdracht met feedback.' : '',
    participation: '',
    selfReliance: '',
    functionalLanguage: '',
    hoursByKind: facts.hoursByKind,
    examSummary: [],
    pvtCompletedMonth: '',
    deficiencySubjects: '',
    onwardFlow: '',
    mapProgress: '',
    goalsReached: null,
    explanation: '',
    advice: '',
  };
  await tx.query(
    `INSERT INTO progress_report (id, participant_id, referral_id, municipality_id, provider_id, kind, status, content, computed_status, created_by, created_at, submitted_by, submitted_at, submitted_on)
     VALUES ($1, $2, $3, $4, $5, 'progress', $6, $7, $8, $9, $10, $11, $12, $13)`,
    [randomUUID(), m.participantId, m.referralId, m.municipalityId, m.providerId, status, JSON.stringify(content), facts.assessment.computedStatus, coordinator, now, status === 'submitted' ? coordinator : null, status === 'submitted' ? now : null, status === 'submitted' ? today : null],
  );
}
