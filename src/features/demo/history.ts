// Issue #13: writes the demo region's year (src/features/demo/history-plan.ts) — referrals with their
// whole history to the start, language groups with a lesson twice a week and attendance, route ends,
// drop-outs, holds and route changes, and approved scaling decisions — so that the quarterly reports, KPIs 1–4 and the dashboard's trends show four quarters.
// Loaded after the invoicing demo: its invoices stay as they were; these starts are earned, not invoiced.
import { addCalendarDays, compareDates, dayOfWeek } from '../../domain/calendar.js';
import { lastFourOfBsn } from '../../domain/bsn.js';
import { DEFAULT_SCALING_RULES, type Contract, type IsoDate } from '../../domain/contract.js';
import { planReferral } from '../../domain/referral.js';
import { checkScalingRequest } from '../../domain/scaling.js';
import type { Crypto } from '../../platform/crypto.js';
import { versionsInForce, type ContractRegistry } from '../../platform/contracts.js';
import type { Tx } from '../../platform/db.js';
import { organisationId } from '../organisations/store.js';
import { DEMO_PLAN } from './lifecycle.js';
import { COUNTRIES, FAMILY_NAMES, GIVEN_NAMES } from './names.js';
import { PARTICIPANT_COLUMNS, REFERRAL_COLUMNS, unusedBsn } from './rows.js';
import { insertBatch, pick, seededRandom, seededUuid } from './seeded.js';
import { lastDayInGroup, planHistory, type HistoryLifecycle, type HistoryRoute } from './history-plan.js';

const GROUPS = [
  // Names that no e2e test's keyboard search ('B1', 'Alfa') lands on first.
  { provider: 'taalpunt-westfriesland', route: 'b1', name: 'Jaargroep B1', levelBand: 'a2b1', startTime: '09:00', location: 'Hoorn, Grote Noord 1' },
  { provider: 'taalpunt-westfriesland', route: 'z', name: 'Jaargroep Z', levelBand: 'z', startTime: '13:00', location: 'Hoorn, Grote Noord 1' },
  // An evening group (000 §4.1 3h: "avondonderwijs").
  { provider: 'leerhuis-noord', route: 'b1', name: 'Avondgroep B1', levelBand: 'a2b1', startTime: '18:30', location: 'Enkhuizen, Westerstraat 40' },
] as const;
const LESSON_MINUTES = 150;
const LESSON_DAYS = [2, 4]; // Tuesday and Thursday
const EVENT_COLUMNS = ['id', 'referral_id', 'municipality_id', 'type', 'occurred_on', 'occurred_at', 'actor_user_id', 'details'];
const PLAN_COLUMNS = ['id', 'referral_id', 'municipality_id', 'version', 'status', 'content', 'submitted_on', 'submitted_at', 'submitted_by', 'decided_on', 'decided_at', 'decided_by', 'remarks'];
const ROUTE_EVENT_COLUMNS = ['id', 'participant_id', 'municipality_id', 'referral_id', 'type', 'on_date', 'details', 'recorded_by', 'recorded_at'];
const at = (day: IsoDate, hour: number): Date => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

class Rows {
  participants: unknown[][] = [];
  referrals: unknown[][] = [];
  events: unknown[][] = [];
  plans: unknown[][] = [];
  routeEvents: unknown[][] = [];
}

interface Who {
  consultants: Map<string, string>;
  coordinators: Map<string, string>;
  teachers: Map<string, string>;
}

async function whoOf(tx: Tx): Promise<Who> {
  const rows = await tx.query<{ id: string; role: string; code: string }>(
    `SELECT min(u.id::text) AS id, u.role, coalesce(p.code, m.code) AS code FROM app_user u
     LEFT JOIN provider p ON p.id = u.provider_id LEFT JOIN municipality m ON m.id = u.municipality_id
     WHERE u.role IN ('consultant', 'providerCoordinator', 'teacher') GROUP BY u.role, coalesce(p.code, m.code)`,
  );
  const of = (role: string) => new Map(rows.filter((r) => r.role === role).map((r) => [r.code, r.id]));
  return { consultants: of('consultant'), coordinators: of('providerCoordinator'), teachers: of('teacher') };
}

/** Returns the number of participants it added (0 when the term leaves no year before the demo's today). */
export async function loadDemoHistory(tx: Tx, crypto: Crypto, contracts: ContractRegistry, contract: Contract, today: IsoDate, seed: number): Promise<number> {
  const rand = seededRandom(seed + 13);
  const plan = planHistory(rand, contract.municipalities.map((m) => m.code), contract.term.start, today);
  const who = await whoOf(tx);
  const rows = new Rows();
  const written: { route: HistoryRoute; participantId: string; referralId: string }[] = [];
  const bsns = new Set<string>();
  for (const r of plan) {
    const consultant = who.consultants.get(r.municipality);
    const coordinator = who.coordinators.get(r.provider);
    if (consultant === undefined || coordinator === undefined) continue;
    const participantId = seededUuid(rand);
    let bsn = await unusedBsn(tx, crypto, rand);
    // unusedBsn sees the table, not this batch (inserted below).
    while (bsns.has(bsn)) bsn = await unusedBsn(tx, crypto, rand);
    bsns.add(bsn);
    const createdOn = addCalendarDays(r.referredOn, -1);
    const birthYear = 1965 + Math.floor(rand() * 40);
    const currentRoute = r.outcome.type === 'routeChanged' ? r.outcome.to : r.route;
    rows.participants.push([
      participantId, organisationId('municipality', r.municipality), crypto.encrypt(bsn), crypto.keyedHash('bsn', bsn), lastFourOfBsn(bsn),
      pick(rand, GIVEN_NAMES), pick(rand, FAMILY_NAMES), `${birthYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      pick(rand, ['female', 'male', 'female', 'male', 'other'] as const), pick(rand, COUNTRIES), currentRoute,
      // J for "jaar": never one of the generator's numbers (<MUN>-1nnnn) or the invoicing demo's (F).
      `${r.municipality.slice(0, 3).toUpperCase()}-J${String(r.index + 1).padStart(3, '0')}`, createdOn, addCalendarDays(createdOn, 3 * 365),
      false, false, false, at(createdOn, 9), consultant,
    ]);
    const product = r.route === 'z' ? 'z_language' : 'b1_language';
    const referralId = addReferral(rows, contracts, rand, { participantId, municipality: r.municipality, provider: r.provider, product, route: r.route, consultant, coordinator, life: r });
    if (referralId === undefined) continue;
    written.push({ route: r, participantId, referralId });
    addOutcome(rows, rand, r, participantId, referralId, coordinator);
  }
  await insertBatch(tx, 'participant', PARTICIPANT_COLUMNS, rows.participants);
  for (let i = 0; i < rows.referrals.length; i += 100) await insertBatch(tx, 'referral', REFERRAL_COLUMNS, rows.referrals.slice(i, i + 100));
  for (let i = 0; i < rows.events.length; i += 200) await insertBatch(tx, 'referral_event', EVENT_COLUMNS, rows.events.slice(i, i + 200));
  for (let i = 0; i < rows.plans.length; i += 200) await insertBatch(tx, 'learning_plan', PLAN_COLUMNS, rows.plans.slice(i, i + 200));
  await insertBatch(tx, 'route_event', ROUTE_EVENT_COLUMNS, rows.routeEvents);
  await addScaling(tx, written, who);
  await addGroups(tx, rand, written, who, today);
  return written.length;
}

interface ReferralInput {
  participantId: string;
  municipality: string;
  provider: string;
  product: string;
  route: 'b1' | 'z';
  consultant: string;
  coordinator: string;
  life: HistoryLifecycle;
}

/** A referral with its history to the start (R-REF-2) and an approved learning plan; undefined when not contracted on that day. */
function addReferral(rows: Rows, contracts: ContractRegistry, rand: () => number, x: ReferralInput): string | undefined {
  const l = x.life;
  const decision = planReferral(versionsInForce(contracts, x.municipality, l.referredOn), { municipalityCode: x.municipality, providerCode: x.provider, productCode: x.product, referredOn: l.referredOn });
  if (!decision.ok) return undefined;
  const id = seededUuid(rand);
  const municipalityId = organisationId('municipality', x.municipality);
  const location = 'Hoorn, Grote Noord 1';
  rows.referrals.push([
    id, municipalityId, x.participantId, organisationId('provider', x.provider), x.product, decision.plan.contractId, decision.plan.contractVersion, 'running',
    l.referredOn, at(l.referredOn, 10), x.consultant, decision.plan.acknowledgementDueDate, at(l.acknowledgedOn, 11), l.acknowledgedOn,
    8, l.intakeOn, location, l.intakeOn, true, 1, l.planSubmittedOn, l.planApprovedOn, l.planSignedOn, l.startedOn,
  ]);
  const steps: [string, IsoDate, 'provider' | 'municipality', Record<string, unknown>][] = [
    ['referred', l.referredOn, 'municipality', {}],
    ['acknowledged', l.acknowledgedOn, 'provider', {}],
    ['intakeInvited', l.invitedOn, 'provider', { intakeDate: l.intakeOn, location }],
    ['intakeHeld', l.intakeOn, 'provider', { heldOn: l.intakeOn, regularStartInTime: true }],
    ['planSubmitted', l.planSubmittedOn, 'provider', { planVersion: 1 }],
    ['planApproved', l.planApprovedOn, 'municipality', { planVersion: 1 }],
    ['planSigned', l.planSignedOn, 'provider', {}],
    ['started', l.startedOn, 'provider', { startedOn: l.startedOn }],
  ];
  steps.forEach(([type, day, by, details], n) => rows.events.push([seededUuid(rand), id, municipalityId, type, day, at(day, 10 + n), by === 'provider' ? x.coordinator : x.consultant, JSON.stringify(details)]));
  rows.plans.push([
    seededUuid(rand), id, municipalityId, 1, 'approved', JSON.stringify({ ...DEMO_PLAN, route: x.route }), l.planSubmittedOn, at(l.planSubmittedOn, 12), x.coordinator,
    l.planApprovedOn, at(l.planApprovedOn, 13), x.consultant, null,
  ]);
  return id;
}

const DROP_NOTES = { medical: 'Langdurig ziek; kan de lessen niet meer volgen.', moved: 'Verhuisd naar familie buiten de regio.', other: 'Gestopt om persoonlijke redenen.' } as const;

function addOutcome(rows: Rows, rand: () => number, r: HistoryRoute, participantId: string, referralId: string, coordinator: string): void {
  const municipalityId = organisationId('municipality', r.municipality);
  const event = (type: string, on: IsoDate, details: Record<string, unknown>) =>
    rows.routeEvents.push([seededUuid(rand), participantId, municipalityId, referralId, type, on, JSON.stringify(details), coordinator, at(on, 15)]);
  const o = r.outcome;
  switch (o.type) {
    case 'routeEnded':
      event('routeEnded', o.on, { note: 'Leerroute afgerond.' });
      break;
    case 'droppedOut':
      event('droppedOut', o.on, { reason: o.reason, note: DROP_NOTES[o.reason] });
      break;
    case 'onHold':
      event('onHold', o.on, { reason: 'Zwangerschapsverlof', expectedEndOn: addCalendarDays(o.on, 60) });
      if (o.resumedOn !== null) event('resumed', o.resumedOn, {});
      break;
    case 'routeChanged':
      event('routeChanged', o.on, { fromRoute: r.route, toRoute: o.to, reason: o.to === 'b1' ? 'Sneller vooruit dan verwacht; B1 is haalbaar.' : 'B1 blijkt niet haalbaar; de Z-route past beter.' });
      break;
    case 'running':
      break;
  }
}

async function addScaling(tx: Tx, written: readonly { route: HistoryRoute; participantId: string; referralId: string }[], who: Who): Promise<void> {
  for (const w of written) {
    const s = w.route.scaling;
    const coordinator = who.coordinators.get(w.route.provider);
    const consultant = who.consultants.get(w.route.municipality);
    if (s === null || coordinator === undefined || consultant === undefined) continue;
    const fromLevel = 'B1' as const;
    const toLevel = s.direction === 'down' ? ('A2' as const) : ('B2' as const);
    const check = checkScalingRequest({ direction: s.direction, skill: s.skill, fromLevel, toLevel, nt2Lessons: { minutes: 620 * 60 }, requestedOn: s.requestedOn, termEndsOn: addCalendarDays(w.route.referredOn, 3 * 365) }, DEFAULT_SCALING_RULES);
    await tx.query(
      `INSERT INTO scaling_request (id, participant_id, referral_id, municipality_id, provider_id, skill, direction, from_level, to_level, reason, checks, all_checks_passed,
         requested_on, requested_by, status, decided_on, decided_by, decision_reason, new_level_due_on)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'approved', $14, $15, $16, $17)`,
      [
        w.participantId, w.referralId, organisationId('municipality', w.route.municipality), organisationId('provider', w.route.provider), s.skill, s.direction, fromLevel, toLevel,
        s.direction === 'down' ? 'Blijft ondanks extra lessen op A2; de andere vaardigheden lopen goed.' : 'Haalt B1 ruim; B2 is haalbaar binnen de termijn.',
        JSON.stringify(check.checks), check.allPassed, s.requestedOn, coordinator, s.decidedOn, consultant, check.allPassed ? null : 'Besloten na overleg met de inburgeraar.', addCalendarDays(s.decidedOn, 28),
      ],
    );
  }
}

/** One group per provider and route, a lesson each Tuesday and Thursday, and the members' attendance. */
async function addGroups(tx: Tx, rand: () => number, written: readonly { route: HistoryRoute; participantId: string; referralId: string }[], who: Who, today: IsoDate): Promise<void> {
  for (const g of GROUPS) {
    const members = written.filter((w) => w.route.provider === g.provider && w.route.route === g.route);
    const coordinator = who.coordinators.get(g.provider);
    if (members.length === 0 || coordinator === undefined) continue;
    const from = members.map((m) => m.route.startedOn).sort()[0] ?? today;
    const groupId = seededUuid(rand);
    const teacher = who.teachers.get(g.provider) ?? null;
    const schedule = LESSON_DAYS.map((weekday) => ({ weekday, startTime: g.startTime, minutes: LESSON_MINUTES, kind: 'language' }));
    await tx.query(
      `INSERT INTO class_group (id, provider_id, name, level_band, literacy, location, size_limit, teacher_user_id, schedule, active_from, created_by)
       VALUES ($1, $2, $3, $4, 'literate', $5, 20, $6, $7, $8, $9)`,
      [groupId, organisationId('provider', g.provider), g.name, g.levelBand, g.location, teacher, JSON.stringify(schedule), from, coordinator],
    );
    const memberRows = members.map((m) => {
      const end = lastDayInGroup(m.route, today);
      // member_to is exclusive: the day after the last day in the group; open while still a member.
      return [seededUuid(rand), groupId, m.participantId, m.referralId, organisationId('municipality', m.route.municipality), 'literate', m.route.startedOn, end === today ? null : addCalendarDays(end, 1)];
    });
    await insertBatch(tx, 'group_member', ['id', 'group_id', 'participant_id', 'referral_id', 'municipality_id', 'literacy', 'member_from', 'member_to'], memberRows);
    const lessons: { id: string; date: IsoDate; cancelled: boolean }[] = [];
    for (let d = from; compareDates(d, today) < 0; d = addCalendarDays(d, 1)) {
      // About one lesson in forty cancelled by the provider (000 §4.1 3j).
      if (LESSON_DAYS.includes(dayOfWeek(d))) lessons.push({ id: seededUuid(rand), date: d, cancelled: rand() < 0.025 });
    }
    const lessonRows = lessons.map((l) => [l.id, groupId, l.date, g.startTime, LESSON_MINUTES, 'language', l.cancelled, l.date, g.startTime]);
    for (let i = 0; i < lessonRows.length; i += 200) {
      await insertBatch(tx, 'lesson', ['id', 'group_id', 'date', 'start_time', 'minutes', 'kind', 'cancelled_by_provider', 'scheduled_on', 'scheduled_start'], lessonRows.slice(i, i + 200));
    }
    const attendance: unknown[][] = [];
    for (const m of members) {
      const last = lastDayInGroup(m.route, today);
      const onHold = m.route.outcome.type === 'onHold' ? m.route.outcome : null;
      for (const l of lessons) {
        if (l.cancelled || compareDates(l.date, m.route.startedOn) < 0 || compareDates(l.date, last) > 0) continue;
        // On hold: no lessons between the hold and the resumption.
        if (onHold !== null && compareDates(l.date, onHold.on) >= 0 && (onHold.resumedOn === null || compareDates(l.date, onHold.resumedOn) < 0)) continue;
        const present = rand() >= (m.route.attendance === 'low' ? 0.35 : 0.05);
        attendance.push([l.id, m.participantId, organisationId('municipality', m.route.municipality), present, present ? LESSON_MINUTES : 0, present ? null : 'ziek', !present, 1, teacher ?? coordinator, at(l.date, 20)]);
      }
    }
    for (let i = 0; i < attendance.length; i += 300) {
      await insertBatch(tx, 'attendance', ['lesson_id', 'participant_id', 'municipality_id', 'present', 'minutes_attended', 'reason', 'called_in', 'version', 'recorded_by', 'recorded_at'], attendance.slice(i, i + 300));
    }
  }
}
