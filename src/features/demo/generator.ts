// The demo region (issue #2 item 10): a deterministic generator (seeded random) that builds the
// Westfriesland region with fictional providers, users and participants in varied states. The same
// generator takes a size, so benchmarks can build large datasets with it.
import type { Contract, IsoDate } from '../../domain/contract.js';
import { addCalendarDays } from '../../domain/calendar.js';
import { generateValidBsn, lastFourOfBsn } from '../../domain/bsn.js';
import { planReferral } from '../../domain/referral.js';
import type { Crypto } from '../../platform/crypto.js';
import { versionsInForce, type ContractRegistry } from '../../platform/contracts.js';
import type { Db, Queryable } from '../../platform/db.js';
import { hashPassword } from '../sessions/service.js';
import { runSignalEngine } from '../referrals/signal-engine.js';
import { organisationId } from '../organisations/store.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';
import { loadDemoAttendance } from './attendance.js';
import { loadDemoInvoicing } from './invoicing.js';
import { loadDemoParticipation } from './participation.js';
import { loadDemoPrivacyOfficer } from './privacy-officer.js';
import { loadDemoPortfolio } from './portfolio.js';
import { loadDemoEndConversation } from './map-end-conversation.js';
import { loadDemoHistory } from './history.js';
import { loadDemoContractMeetings } from './contract-meetings.js';
import { loadDemoQualityRegister } from './quality-register.js';
import { loadDemoTwenteConsultant } from './twente-consultant.js';
import { reconcileQuality } from '../quality/signals.js';
import { DEMO_PLAN, demoProgress } from './lifecycle.js';
import { loadDemoProgress } from './progress.js';
import { FAMILY_NAMES, GIVEN_NAMES, COUNTRIES } from './names.js';
import { insertBatch, pick, seededRandom, seededUuid } from './seeded.js';

// The attendance-rate test draws from the same stream.
export { seededRandom } from './seeded.js';

export const DEMO_CONTRACT_ID = 'westfriesland';

export interface DemoOptions {
  size: number;
  seed?: number;
  today: IsoDate;
  now: Date;
}

export async function isDemoLoaded(q: Queryable): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM app_user WHERE email = $1', [DEMO_ACCOUNTS[0]?.email]);
  return rows.length > 0;
}

/** Loads the demo region once; a second call finds the demo users and changes nothing. */
export async function loadDemoRegion(db: Db, crypto: Crypto, contracts: ContractRegistry, options: DemoOptions): Promise<{ loaded: boolean; participants: number }> {
  const contract = contracts.byId(DEMO_CONTRACT_ID);
  if (contract === undefined) throw new Error(`The demo region needs contracts/${DEMO_CONTRACT_ID}.yaml`);
  // Issue #16: a restart finds the demo without the lock, and without hashing the demo password (argon2, ~0.1 s).
  if (await isDemoLoaded(db)) return { loaded: false, participants: 0 };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    // Serialise concurrent first starts on one PostgreSQL.
    await tx.query('SELECT pg_advisory_xact_lock(7260003)');
    if (await isDemoLoaded(tx)) return { loaded: false, participants: 0 };
    const rand = seededRandom(options.seed ?? 2026);
    const staff = DEMO_ACCOUNTS.filter((a) => a.role !== 'participant');
    for (const a of staff) await insertUser(tx, seededUuid(rand), a.email, a.name, passwordHash, a.role, a.organisation);
    const consultants = new Map<string, string>();
    for (const m of contract.municipalities) {
      const existing = staff.find((a) => a.role === 'consultant' && a.organisation === m.code);
      const id = existing === undefined ? seededUuid(rand) : await userId(tx, existing.email);
      if (existing === undefined) await insertUser(tx, id, `consultant.${m.code}@koers.demo`, `Consulent ${m.name}`, passwordHash, 'consultant', m.code);
      consultants.set(m.code, id);
    }
    const firstId = await insertParticipants(tx, crypto, contracts, contract, consultants, rand, options);
    await loadDemoAttendance(tx, contracts, rand, options.today);
    const participantAccount = DEMO_ACCOUNTS.find((a) => a.role === 'participant');
    if (participantAccount !== undefined && firstId !== undefined) {
      await tx.query(`INSERT INTO app_user (id, email, name, password_hash, role, participant_id) VALUES ($1, $2, $3, $4, 'participant', $5)`, [
        seededUuid(rand),
        participantAccount.email,
        participantAccount.name,
        passwordHash,
        firstId,
      ]);
    }
    // The demo participant's own file stays untouched by the progress demo: a clean start to try it.
    await loadDemoProgress(tx, contracts, options.today, firstId);
    const invoicing = await loadDemoInvoicing(tx, db.kind, crypto, contracts, contract, options.today, options.seed ?? 2026);
    const participation = await loadDemoParticipation(tx, crypto, contracts, contract, options.today, options.seed ?? 2026, passwordHash);
    // Issue #12: portfolios for WerkWijs's participants, complete and not (src/features/demo/portfolio.ts).
    if (participation > 0) await loadDemoPortfolio(tx, options.today);
    // Issue #12: the MAP participant at 42 hours has had its end conversation (src/features/demo/map-end-conversation.ts).
    if (participation > 0) await loadDemoEndConversation(tx, options.today);
    // Issue #13: a year of referrals, lessons and route ends, so every quarterly figure has four quarters.
    const history = await loadDemoHistory(tx, crypto, contracts, contract, options.today, options.seed ?? 2026);
    // Issue #14: last quarter's contract management meeting with its actions, one overdue (src/features/demo/contract-meetings.ts).
    await loadDemoContractMeetings(tx, contract, options.today, options.seed ?? 2026);
    // Issue #14: Twente's quality register in every state, with its logins (src/features/demo/quality-register.ts).
    await loadDemoQualityRegister(tx, contracts, options.today, options.seed ?? 2026, passwordHash);
    // Issue #14: Enschede's consultant, whose referral form names the excluded provider (src/features/demo/twente-consultant.ts).
    const twente = await loadDemoTwenteConsultant(tx, crypto, contracts, options.today, options.seed ?? 2026, passwordHash);
    // R-QLT-2, R-QLT-3: the register's signals as the scheduled run would raise them tonight — among them the
    // Enschede consultant's advice for each participant at the excluded provider (003 art. 4.4, 15).
    await reconcileQuality(tx, contracts, options.today);
    // Issue #17: Hoorn's privacy officer, who searches the audit log (src/features/demo/privacy-officer.ts).
    await loadDemoPrivacyOfficer(tx, options.seed ?? 2026, passwordHash);
    return { loaded: true, participants: options.size + invoicing + participation + history + twente };
  }).then(async (r) => {
    if (r.loaded) await runSignalEngine(db, contracts, options.today);
    return r;
  });
}

async function userId(q: Queryable, email: string): Promise<string> {
  const rows = await q.query<{ id: string }>('SELECT id FROM app_user WHERE email = $1', [email]);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`demo user ${email} missing`);
  return id;
}

async function insertUser(q: Queryable, id: string, email: string, name: string, passwordHash: string, role: string, organisation: string): Promise<void> {
  const municipality = role === 'consultant' || role === 'policyOfficer' ? organisationId('municipality', organisation) : null;
  const provider = role === 'providerCoordinator' || role === 'teacher' ? organisationId('provider', organisation) : null;
  const region = role === 'contractManager' ? organisationId('region', organisation) : null;
  await q.query(
    `INSERT INTO app_user (id, email, name, password_hash, role, municipality_id, provider_id, region_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, email, name, passwordHash, role, municipality, provider, region],
  );
}

const ROUTES = ['b1', 'b1', 'b1', 'z', 'z', 'education_mbo'] as const;
const BATCH = 200;

async function insertParticipants(
  tx: Queryable,
  crypto: Crypto,
  contracts: ContractRegistry,
  contract: Contract,
  consultants: Map<string, string>,
  rand: () => number,
  options: DemoOptions,
): Promise<string | undefined> {
  const seen = new Set<string>();
  let first: string | undefined;
  let participants: unknown[][] = [];
  let referrals: unknown[][] = [];
  const acked: AckedReferral[] = [];
  const flush = async () => {
    await insertBatch(tx, 'participant', PARTICIPANT_COLUMNS, participants);
    await insertBatch(tx, 'referral', REFERRAL_COLUMNS, referrals);
    participants = [];
    referrals = [];
  };
  for (let i = 0; i < options.size; i++) {
    // Hoorn is the largest municipality of the region: give it a third of the participants.
    const m = i % 3 === 0 ? (contract.municipalities.find((x) => x.code === 'hoorn') ?? contract.municipalities[0]) : pick(rand, contract.municipalities);
    if (m === undefined) throw new Error('contract without municipalities');
    let bsn = generateValidBsn(rand);
    while (seen.has(bsn)) bsn = generateValidBsn(rand);
    seen.add(bsn);
    const id = seededUuid(rand);
    first ??= id;
    const route = pick(rand, ROUTES);
    const createdOn = addCalendarDays(options.today, -Math.floor(rand() * 90) - 1);
    const createdBy = consultants.get(m.code);
    const birthYear = 1960 + Math.floor(rand() * 45);
    participants.push([
      id, organisationId('municipality', m.code), crypto.encrypt(bsn), crypto.keyedHash('bsn', bsn), lastFourOfBsn(bsn),
      pick(rand, GIVEN_NAMES), pick(rand, FAMILY_NAMES), `${birthYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      pick(rand, ['female', 'male', 'female', 'male', 'other'] as const), pick(rand, COUNTRIES), route,
      `${m.code.slice(0, 3).toUpperCase()}-${String(10000 + i)}`, createdOn, addCalendarDays(createdOn, 3 * 365),
      rand() < 0.15, rand() < 0.05, rand() < 0.2, new Date(`${createdOn}T09:00:00Z`), createdBy,
    ]);
    // Varied states: a fifth not yet referred; the rest referred on or after registration.
    if (rand() >= 0.2) {
      const product = route === 'z' ? 'z_language' : 'b1_language';
      const providers = (contract.versions[0]?.contracted ?? []).filter((k) => k.products.includes(product));
      const provider = pick(rand, providers);
      const referredOn = addCalendarDays(createdOn, Math.floor(rand() * 3));
      const decision = planReferral(versionsInForce(contracts, m.code, referredOn), { municipalityCode: m.code, providerCode: provider.provider, productCode: product, referredOn });
      if (decision.ok) {
        // Most providers acknowledge in time; some are late and a few never did (they raise signals).
        const ack = rand() < 0.75 ? addCalendarDays(referredOn, 1 + Math.floor(rand() * 4)) : null;
        const acknowledged = ack !== null && ack <= options.today;
        const referralId = seededUuid(rand);
        if (acknowledged && createdBy !== undefined) acked.push({ id: referralId, municipalityId: organisationId('municipality', m.code), providerId: organisationId('provider', provider.provider), ack, consultant: createdBy });
        referrals.push([
          referralId, organisationId('municipality', m.code), id, organisationId('provider', provider.provider), product,
          decision.plan.contractId, decision.plan.contractVersion, acknowledged ? 'acknowledged' : 'referred', referredOn,
          new Date(`${referredOn}T10:00:00Z`), createdBy, decision.plan.acknowledgementDueDate,
          acknowledged ? new Date(`${ack}T11:00:00Z`) : null, acknowledged ? ack : null,
        ]);
      }
    }
    if (participants.length >= BATCH) await flush();
  }
  await flush();
  // The timeline of each demo referral (R-REF-2): referred, and acknowledged where it was.
  await tx.query(`INSERT INTO referral_event (id, referral_id, municipality_id, type, occurred_on, occurred_at, actor_user_id, details)
    SELECT gen_random_uuid(), r.id, r.municipality_id, 'referred', r.referred_on, r.referred_at, r.referred_by, '{}'::jsonb FROM referral r`);
  await tx.query(`INSERT INTO referral_event (id, referral_id, municipality_id, type, occurred_on, occurred_at, actor_user_id, details)
    SELECT gen_random_uuid(), r.id, r.municipality_id, 'acknowledged', r.acknowledged_on, r.acknowledged_at, COALESCE(u.id, r.referred_by), '{}'::jsonb
    FROM referral r LEFT JOIN LATERAL (SELECT min(a.id::text)::uuid AS id FROM app_user a WHERE a.provider_id = r.provider_id AND a.role = 'providerCoordinator') u ON true
    WHERE r.acknowledged_at IS NOT NULL`);
  await advanceReferrals(tx, acked, rand, options.today);
  return first;
}

interface AckedReferral {
  id: string;
  municipalityId: string;
  providerId: string;
  ack: IsoDate;
  consultant: string;
}

/** Moves acknowledged demo referrals on through intake, learning plan and start (R-REF-2), with their history. */
async function advanceReferrals(tx: Queryable, acked: readonly AckedReferral[], rand: () => number, today: IsoDate): Promise<void> {
  const coordinators = new Map(
    (await tx.query<{ providerId: string; id: string }>(`SELECT provider_id AS "providerId", min(id::text) AS id FROM app_user WHERE role = 'providerCoordinator' GROUP BY provider_id`)).map((r) => [r.providerId, r.id]),
  );
  const events: unknown[][] = [];
  const plans: unknown[][] = [];
  // Issue #16: one UPDATE per set of columns a referral's progress sets (a handful), not one per referral.
  const updates = new Map<string, Record<string, unknown>[]>();
  for (const r of acked) {
    const progress = demoProgress(rand, r.ack, today);
    if (progress.steps.length === 0) continue;
    const shape = Object.keys(progress.columns).join(',');
    const same = updates.get(shape) ?? [];
    same.push({ id: r.id, status: progress.status, lock_version: progress.steps.length + 1, ...progress.columns });
    updates.set(shape, same);
    progress.steps.forEach((step, i) => {
      const actor = step.by === 'provider' ? (coordinators.get(r.providerId) ?? r.consultant) : r.consultant;
      events.push([seededUuid(rand), r.id, r.municipalityId, step.type, step.on, new Date(`${step.on}T${String(10 + i).padStart(2, '0')}:00:00Z`), actor, JSON.stringify(step.details)]);
    });
    for (const plan of progress.plans) {
      plans.push([
        seededUuid(rand), r.id, r.municipalityId, plan.version, plan.status, JSON.stringify(DEMO_PLAN), plan.submittedOn, new Date(`${plan.submittedOn}T12:00:00Z`),
        coordinators.get(r.providerId) ?? r.consultant, plan.decidedOn, plan.decidedOn === null ? null : new Date(`${plan.decidedOn}T13:00:00Z`),
        plan.decidedOn === null ? null : r.consultant, plan.remarks,
      ]);
    }
  }
  for (const [shape, rows] of updates) {
    const columns = ['status', 'lock_version', ...shape.split(',').filter((c) => c !== '')];
    // The rows as referral records (jsonb_populate_recordset types each value as its column's type).
    await tx.query(`UPDATE referral r SET ${columns.map((c) => `${c} = v.${c}`).join(', ')} FROM jsonb_populate_recordset(NULL::referral, $1::jsonb) v WHERE r.id = v.id`, [JSON.stringify(rows)]);
  }
  for (let i = 0; i < events.length; i += BATCH) {
    await insertBatch(tx, 'referral_event', ['id', 'referral_id', 'municipality_id', 'type', 'occurred_on', 'occurred_at', 'actor_user_id', 'details'], events.slice(i, i + BATCH));
  }
  for (let i = 0; i < plans.length; i += BATCH) {
    await insertBatch(
      tx,
      'learning_plan',
      ['id', 'referral_id', 'municipality_id', 'version', 'status', 'content', 'submitted_on', 'submitted_at', 'submitted_by', 'decided_on', 'decided_at', 'decided_by', 'remarks'],
      plans.slice(i, i + BATCH),
    );
  }
}

const PARTICIPANT_COLUMNS = [
  'id', 'municipality_id', 'bsn_encrypted', 'bsn_hash', 'bsn_last_four', 'given_name', 'family_name', 'date_of_birth', 'gender',
  'country_of_birth', 'route', 'client_number', 'duty_start_date', 'duty_end_date', 'impeding_health', 'impeding_justice',
  'impeding_finances', 'created_at', 'created_by',
];
const REFERRAL_COLUMNS = [
  'id', 'municipality_id', 'participant_id', 'provider_id', 'product_code', 'contract_id', 'contract_version', 'status',
  'referred_on', 'referred_at', 'referred_by', 'acknowledgement_due_date', 'acknowledged_at', 'acknowledged_on',
];
