// Demo participation (issue #12, R-MAP-1, R-MAP-2, R-MAP-4, R-HRS-2): WerkWijs Participatie's day.
// The generator refers nobody for participation or MAP, so this module adds participants of its own
// with a Z-route participation or MAP referral to WerkWijs, started on past dates, and gives them
// activities of several kinds, MAP themes in several states and ladder steps at referral and during:
//   - a Z-route participant past 200 hours, so the participation meeting signal shows (001 §2.3.2);
//   - a MAP participant at 39 practical hours and one at 42 with all eight themes done (001 §3);
//   - the Z-route participants also learn the language at Taalpunt, which reads it all but writes none.
// Runs at the end of the demo's one transaction; the same seed and today give the same rows; nothing is
// dated after today. A demo date too early in the contract term for the history adds nothing.
import { addCalendarDays } from '../../domain/calendar.js';
import type { Contract, IsoDate } from '../../domain/contract.js';
import { lastFourOfBsn } from '../../domain/bsn.js';
import type { LadderMoment, MapTheme, MapThemeStatus, ParticipationActivityKind } from '../../domain/participation.js';
import { MapThemes } from '../../domain/participation.js';
import { planReferral } from '../../domain/referral.js';
import type { Crypto } from '../../platform/crypto.js';
import { type ContractRegistry, versionsInForce } from '../../platform/contracts.js';
import type { Tx } from '../../platform/db.js';
import { organisationId } from '../organisations/store.js';
import { participationFactsOf } from '../participation/service.js';
import { raiseParticipationSignals } from '../signals/raisers/participation.js';
import { DEMO_PARTICIPATION_COORDINATOR } from './accounts.js';
import { DEMO_PLAN } from './lifecycle.js';
import { DEMO_MAP_PLAN } from './map-end-conversation.js';
import { COUNTRIES, FAMILY_NAMES, GIVEN_NAMES } from './names.js';
import { insertBatch, pick, seededRandom, seededUuid } from './seeded.js';
import { PARTICIPANT_COLUMNS, REFERRAL_COLUMNS, unusedBsn } from './rows.js';

type Municipality = 'hoorn' | 'enkhuizen';

/** [kind, organisation, local facility name or null, days ago it started, days it lasted, hours]. */
type DemoActivity = [ParticipationActivityKind, string, string | null, number, number, number];

interface DemoParticipation {
  municipality: Municipality;
  product: 'z_participation' | 'map';
  startedDaysAgo: number;
  activities: readonly DemoActivity[];
  themes?: Partial<Record<MapTheme, MapThemeStatus>>;
  /** Ladder steps: [moment, step, days ago]. */
  ladder: readonly [LadderMoment, number, number][];
}

const ALL_DONE = Object.fromEntries(MapThemes.map((t) => [t, 'done'])) as Record<MapTheme, MapThemeStatus>;

export const DEMO_PARTICIPATION: readonly DemoParticipation[] = [
  {
    // Past 200 hours: 120 + 40 + 52 = 212 (the meeting signal h200).
    municipality: 'hoorn', product: 'z_participation', startedDaysAgo: 150,
    activities: [
      ['volunteering', 'Voedselbank Hoorn', null, 145, 100, 120],
      ['workOrientation', 'Werkplein Westfriesland', null, 100, 30, 40],
      ['localActivity', 'Buurthuis De Kern', 'Buurthuis De Kern', 60, 50, 52],
    ],
    ladder: [['atReferral', 1, 150], ['during', 2, 60], ['during', 3, 8]],
  },
  {
    municipality: 'enkhuizen', product: 'z_participation', startedDaysAgo: 90,
    activities: [
      ['volunteering', 'Zuiderzeemuseum', null, 85, 60, 30],
      ['companyVisit', 'Kwekerij Enkhuizen', null, 20, 0, 6],
    ],
    ladder: [['atReferral', 2, 90], ['during', 2, 20]],
  },
  {
    municipality: 'hoorn', product: 'z_participation', startedDaysAgo: 40,
    activities: [['workOrientation', 'Bibliotheek Hoorn', 'Taalhuis Bibliotheek Hoorn', 35, 20, 12]],
    ladder: [['atReferral', 1, 40]],
  },
  { municipality: 'hoorn', product: 'z_participation', startedDaysAgo: 10, activities: [], ladder: [['atReferral', 2, 10]] },
  {
    // 30 + 9 = 39 practical hours: one short of the 40 (the local activity is no practical part).
    municipality: 'hoorn', product: 'map', startedDaysAgo: 120,
    activities: [
      ['workExperience', 'Zorgcentrum De Dijk', null, 110, 60, 30],
      ['companyVisit', 'Bouwbedrijf Westfries', null, 40, 0, 9],
      ['localActivity', 'Wijkcentrum Kersenboogerd', 'Wijkcentrum Kersenboogerd', 30, 10, 4],
    ],
    themes: { careerOrientation: 'done', employeeCompetences: 'done', realisticJobImage: 'done', jobChances: 'done', professionalCompetences: 'done', network: 'inProgress', findingWork: 'inProgress' },
    ladder: [['atReferral', 2, 120], ['during', 3, 30]],
  },
  {
    // 24 + 18 = 42 practical hours and all eight themes done: ready for the end conversation.
    municipality: 'enkhuizen', product: 'map', startedDaysAgo: 130,
    activities: [
      ['volunteering', 'Kringloop Enkhuizen', null, 125, 60, 24],
      ['internship', 'Supermarkt De Westfries', null, 50, 20, 18],
    ],
    themes: ALL_DONE,
    ladder: [['atReferral', 3, 130], ['during', 4, 25]],
  },
  {
    municipality: 'hoorn', product: 'map', startedDaysAgo: 60,
    activities: [
      ['workOrientation', 'Werkplein Westfriesland', null, 55, 10, 8],
      ['companyVisit', 'Garage Hoorn-Noord', null, 15, 0, 3],
    ],
    themes: { careerOrientation: 'inProgress', employeeCompetences: 'inProgress' },
    ladder: [['atReferral', 2, 60]],
  },
  { municipality: 'enkhuizen', product: 'map', startedDaysAgo: 20, activities: [], ladder: [['atReferral', 1, 20]] },
];

const WERKWIJS = 'werkwijs-participatie';
const TAALPUNT = 'taalpunt-westfriesland';
/** The referral history before the start, in days before it (as the invoicing demo's). */
const BEFORE_START = { referred: 40, acknowledged: 38, intakeInvited: 36, intakeHeld: 30, planSubmitted: 27, planApproved: 24, planSigned: 22 } as const;
// The Taalpunt referral starts 5 days before the participation one (see below).
const OLDEST = Math.max(...DEMO_PARTICIPATION.map((p) => p.startedDaysAgo)) + 5 + BEFORE_START.referred + 1;

/** Returns the number of participants it added (0 when the demo's today leaves no room for the history). */
export async function loadDemoParticipation(tx: Tx, crypto: Crypto, contracts: ContractRegistry, contract: Contract, today: IsoDate, seed: number, passwordHash: string): Promise<number> {
  if (addCalendarDays(today, -OLDEST) < contract.term.start) return 0;
  const who = await usersOf(tx);
  if (who === undefined) return 0;
  const rand = seededRandom(seed + 12);
  const coordinator = seededUuid(rand);
  await tx.query(`INSERT INTO app_user (id, email, name, password_hash, role, provider_id) VALUES ($1, $2, $3, $4, 'providerCoordinator', $5)`, [
    coordinator, DEMO_PARTICIPATION_COORDINATOR.email, DEMO_PARTICIPATION_COORDINATOR.name, passwordHash, organisationId('provider', WERKWIJS),
  ]);
  const rows = new Rows();
  const at = (day: IsoDate, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  const ago = (n: number) => addCalendarDays(today, -n);
  const ids: string[] = [];
  for (const [i, d] of DEMO_PARTICIPATION.entries()) {
    const municipalityId = organisationId('municipality', d.municipality);
    const consultant = who.consultants[d.municipality];
    const participantId = seededUuid(rand);
    ids.push(participantId);
    const createdOn = ago(d.startedDaysAgo + BEFORE_START.referred + 1);
    const bsn = await unusedBsn(tx, crypto, rand);
    const birthYear = 1965 + Math.floor(rand() * 40);
    rows.participants.push([
      participantId, municipalityId, crypto.encrypt(bsn), crypto.keyedHash('bsn', bsn), lastFourOfBsn(bsn), pick(rand, GIVEN_NAMES), pick(rand, FAMILY_NAMES),
      `${birthYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      pick(rand, ['female', 'male'] as const), pick(rand, COUNTRIES), d.product === 'z_participation' ? 'z' : 'b1',
      // P for "participatie": never one of the generator's (<MUN>-1nnnn) or the invoicing demo's (F) numbers.
      `${d.municipality.slice(0, 3).toUpperCase()}-P${String(i + 1).padStart(3, '0')}`, createdOn, addCalendarDays(createdOn, 3 * 365),
      false, false, false, at(createdOn, 9), consultant,
    ]);
    const referralId = rows.referral(contracts, rand, { participantId, municipality: d.municipality, provider: WERKWIJS, product: d.product, startedOn: ago(d.startedDaysAgo), consultant, coordinator });
    // The Z-route's language part at Taalpunt, started a little earlier: Taalpunt reads the activities.
    if (d.product === 'z_participation') {
      rows.referral(contracts, rand, { participantId, municipality: d.municipality, provider: TAALPUNT, product: 'z_language', startedOn: ago(d.startedDaysAgo + 5), consultant, coordinator: who.taalpunt });
    }
    const productKind = d.product === 'map' ? 'map' : 'participation';
    for (const [kind, organisation, facility, startedAgo, lasted, hours] of d.activities) {
      const endDate = ago(startedAgo - lasted);
      rows.activities.push([
        seededUuid(rand), seededUuid(rand), 1, participantId, referralId, organisationId('provider', WERKWIJS), municipalityId, kind, productKind, organisation,
        facility !== null, facility, ago(startedAgo), endDate, hours * 60, null, coordinator, at(endDate, 16),
      ]);
    }
    for (const [n, [theme, status]] of Object.entries(d.themes ?? {}).entries()) {
      rows.themes.push([participantId, theme, status, null, organisationId('provider', WERKWIJS), municipalityId, coordinator, at(ago(Math.max(1, d.startedDaysAgo - 10 * (n + 1))), 14)]);
    }
    for (const [moment, step, daysAgo] of d.ladder) {
      rows.ladder.push([seededUuid(rand), participantId, referralId, organisationId('provider', WERKWIJS), municipalityId, step, moment, ago(daysAgo), coordinator, at(ago(daysAgo), 15)]);
    }
  }
  await rows.insert(tx);
  // R-HRS-2: the meetings the hours call for, as the activity routes raise them.
  for (const id of ids) await raiseParticipationSignals(tx, await participationFactsOf(tx, contracts, id), today);
  return DEMO_PARTICIPATION.length;
}

interface DemoReferral {
  participantId: string;
  municipality: Municipality;
  provider: string;
  product: string;
  startedOn: IsoDate;
  consultant: string;
  coordinator: string;
}

/** The rows to insert, collected per table (one multi-row INSERT each). */
class Rows {
  participants: unknown[][] = [];
  referrals: unknown[][] = [];
  events: unknown[][] = [];
  plans: unknown[][] = [];
  activities: unknown[][] = [];
  themes: unknown[][] = [];
  ladder: unknown[][] = [];

  /** A running referral with its history up to the start (R-REF-2) and its approved learning plan; returns its id. */
  referral(contracts: ContractRegistry, rand: () => number, r: DemoReferral): string {
    const on = (daysBeforeStart: number) => addCalendarDays(r.startedOn, -daysBeforeStart);
    const at = (day: IsoDate, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
    const municipalityId = organisationId('municipality', r.municipality);
    const referredOn = on(BEFORE_START.referred);
    const decision = planReferral(versionsInForce(contracts, r.municipality, referredOn), { municipalityCode: r.municipality, providerCode: r.provider, productCode: r.product, referredOn });
    if (!decision.ok) throw new Error(`demo participation: ${r.provider} is not contracted for ${r.product} in ${r.municipality}`);
    const id = seededUuid(rand);
    const intakeOn = on(BEFORE_START.intakeHeld);
    this.referrals.push([
      id, municipalityId, r.participantId, organisationId('provider', r.provider), r.product, decision.plan.contractId, decision.plan.contractVersion, 'running',
      referredOn, at(referredOn, 10), r.consultant, decision.plan.acknowledgementDueDate, at(on(BEFORE_START.acknowledged), 11), on(BEFORE_START.acknowledged),
      8, intakeOn, 'Hoorn, Grote Noord 1', intakeOn, true, 1, on(BEFORE_START.planSubmitted), on(BEFORE_START.planApproved), on(BEFORE_START.planSigned), r.startedOn,
    ]);
    const steps: [string, IsoDate, boolean, Record<string, unknown>][] = [
      ['referred', referredOn, false, {}],
      ['acknowledged', on(BEFORE_START.acknowledged), true, {}],
      ['intakeInvited', on(BEFORE_START.intakeInvited), true, { intakeDate: intakeOn, location: 'Hoorn, Grote Noord 1' }],
      ['intakeHeld', intakeOn, true, { heldOn: intakeOn, regularStartInTime: true }],
      ['planSubmitted', on(BEFORE_START.planSubmitted), true, { planVersion: 1 }],
      ['planApproved', on(BEFORE_START.planApproved), false, { planVersion: 1 }],
      ['planSigned', on(BEFORE_START.planSigned), true, {}],
      ['started', r.startedOn, true, { startedOn: r.startedOn }],
    ];
    steps.forEach(([type, day, byProvider, details], n) =>
      this.events.push([seededUuid(rand), id, municipalityId, type, day, at(day, 10 + n), byProvider ? r.coordinator : r.consultant, JSON.stringify(details)]),
    );
    this.plans.push([
      seededUuid(rand), id, municipalityId, 1, 'approved', JSON.stringify({ ...DEMO_PLAN, route: r.product.startsWith('z_') ? 'z' : 'b1', ...(r.product === 'map' ? { map: DEMO_MAP_PLAN } : {}) }), on(BEFORE_START.planSubmitted),
      at(on(BEFORE_START.planSubmitted), 12), r.coordinator, on(BEFORE_START.planApproved), at(on(BEFORE_START.planApproved), 13), r.consultant, null,
    ]);
    return id;
  }

  async insert(tx: Tx): Promise<void> {
    await insertBatch(tx, 'participant', PARTICIPANT_COLUMNS, this.participants);
    await insertBatch(tx, 'referral', REFERRAL_COLUMNS, this.referrals);
    await insertBatch(tx, 'referral_event', ['id', 'referral_id', 'municipality_id', 'type', 'occurred_on', 'occurred_at', 'actor_user_id', 'details'], this.events);
    await insertBatch(
      tx,
      'learning_plan',
      ['id', 'referral_id', 'municipality_id', 'version', 'status', 'content', 'submitted_on', 'submitted_at', 'submitted_by', 'decided_on', 'decided_at', 'decided_by', 'remarks'],
      this.plans,
    );
    await insertBatch(tx, 'participation_activity', ACTIVITY_COLUMNS, this.activities);
    await insertBatch(tx, 'map_theme_progress', ['participant_id', 'theme', 'status', 'note', 'provider_id', 'municipality_id', 'recorded_by', 'recorded_at'], this.themes);
    await insertBatch(tx, 'participation_ladder_step', ['id', 'participant_id', 'referral_id', 'provider_id', 'municipality_id', 'step', 'moment', 'recorded_on', 'recorded_by', 'recorded_at'], this.ladder);
  }
}

async function usersOf(tx: Tx): Promise<{ consultants: Record<Municipality, string>; taalpunt: string } | undefined> {
  const rows = await tx.query<{ email: string; id: string }>(
    `SELECT email, id FROM app_user WHERE email IN ('consultant.hoorn@koers.demo', 'consultant.enkhuizen@koers.demo', 'coordinator.taalpunt@koers.demo')`,
  );
  const id = (email: string) => rows.find((r) => r.email === email)?.id;
  const [hoorn, enkhuizen, taalpunt] = [id('consultant.hoorn@koers.demo'), id('consultant.enkhuizen@koers.demo'), id('coordinator.taalpunt@koers.demo')];
  if (hoorn === undefined || enkhuizen === undefined || taalpunt === undefined) return undefined;
  return { consultants: { hoorn, enkhuizen }, taalpunt };
}

/** A valid BSN from the stream that no demo participant has yet (bsn_hash is unique). */
const ACTIVITY_COLUMNS = [
  'id', 'activity_id', 'version', 'participant_id', 'referral_id', 'provider_id', 'municipality_id', 'kind', 'product_kind', 'organisation',
  'local_facility', 'local_facility_name', 'start_date', 'end_date', 'minutes', 'note', 'recorded_by', 'recorded_at',
];
