// Demo invoices in every state (issue #11, R-INV-4, R-INV-6). The routes the generator starts lie in
// the last few weeks and have earned little yet (a start product, an early hour milestone), so this module adds a few participants of its own whose routes started months before the demo's
// today, with early finishes and a drop-out, and then plays the invoicing history through the
// application's own run and store functions, each step on its own (past) date:
//   Taalpunt → Hoorn:     invoice sent; lines approved, disputed, credited (credit note sent) and still
//                         to check; a later invoice sent with the credited line invoiced again;
//   Taalpunt → Enkhuizen: an invoice in the pro-forma round;
//   Leerhuis → Hoorn:     an invoice prepared, not sent;
//   Leerhuis → Enkhuizen: earned and not invoiced: left open for the provider to prepare.
// Nothing is dated after today; the same seed and today give the same rows. Runs inside the demo's one
// transaction (inTransaction below), so the demo region still loads all or nothing.
import { addCalendarDays } from '../../domain/calendar.js';
import type { Contract, IsoDate } from '../../domain/contract.js';
import { lastFourOfBsn } from '../../domain/bsn.js';
import { planReferral } from '../../domain/referral.js';
import { newOperationId, newTraceId } from '../../platform/audit.js';
import type { Actor } from '../../platform/access.js';
import type { Clock } from '../../platform/clock.js';
import type { Crypto } from '../../platform/crypto.js';
import { type ContractRegistry, versionsInForce } from '../../platform/contracts.js';
import type { Db, Tx } from '../../platform/db.js';
import { organisationId } from '../organisations/store.js';
import { deriveEvents, paymentTermDaysOf, runInvoicing } from '../invoicing/run.js';
import { advanceInvoice, checkLine, creditLines, type InvoicingContext, recordBillableEvents } from '../invoicing/store.js';
import type { Invoice } from '../invoicing/store-types.js';
import { DEMO_PLAN } from './lifecycle.js';
import { FAMILY_NAMES, GIVEN_NAMES, COUNTRIES } from './names.js';
import { insertBatch, pick, seededRandom, seededUuid } from './seeded.js';
import { PARTICIPANT_COLUMNS, REFERRAL_COLUMNS, unusedBsn } from './rows.js';

type Municipality = 'hoorn' | 'enkhuizen';
type Provider = 'taalpunt-westfriesland' | 'leerhuis-noord';

/** One invoicing-demo route; days are counted back from the demo's today. */
interface DemoRoute {
  municipality: Municipality;
  provider: Provider;
  product: 'b1_language' | 'z_language';
  startedDaysAgo: number;
  end?: { type: 'routeEnded' | 'droppedOut'; daysAgo: number };
}

const TAALPUNT: Provider = 'taalpunt-westfriesland';
const LEERHUIS: Provider = 'leerhuis-noord';

export const DEMO_INVOICING_ROUTES: readonly DemoRoute[] = [
  // Taalpunt → Hoorn: five starts on the first invoice, one finish early and one drop-out on the second.
  { municipality: 'hoorn', provider: TAALPUNT, product: 'b1_language', startedDaysAgo: 160, end: { type: 'routeEnded', daysAgo: 62 } },
  { municipality: 'hoorn', provider: TAALPUNT, product: 'b1_language', startedDaysAgo: 158, end: { type: 'droppedOut', daysAgo: 58 } },
  { municipality: 'hoorn', provider: TAALPUNT, product: 'b1_language', startedDaysAgo: 155 },
  { municipality: 'hoorn', provider: TAALPUNT, product: 'b1_language', startedDaysAgo: 152 },
  { municipality: 'hoorn', provider: TAALPUNT, product: 'z_language', startedDaysAgo: 150 },
  { municipality: 'hoorn', provider: TAALPUNT, product: 'b1_language', startedDaysAgo: 100 },
  // Taalpunt → Enkhuizen: the pro-forma round.
  { municipality: 'enkhuizen', provider: TAALPUNT, product: 'z_language', startedDaysAgo: 120 },
  { municipality: 'enkhuizen', provider: TAALPUNT, product: 'b1_language', startedDaysAgo: 95, end: { type: 'routeEnded', daysAgo: 40 } },
  // Leerhuis → Hoorn: prepared.
  { municipality: 'hoorn', provider: LEERHUIS, product: 'b1_language', startedDaysAgo: 75 },
  { municipality: 'hoorn', provider: LEERHUIS, product: 'b1_language', startedDaysAgo: 68 },
  // Leerhuis → Enkhuizen: earned, not invoiced.
  { municipality: 'enkhuizen', provider: LEERHUIS, product: 'b1_language', startedDaysAgo: 50 },
  { municipality: 'enkhuizen', provider: LEERHUIS, product: 'b1_language', startedDaysAgo: 35, end: { type: 'routeEnded', daysAgo: 8 } },
  { municipality: 'enkhuizen', provider: LEERHUIS, product: 'b1_language', startedDaysAgo: 21 },
];

/** The referral history before the start: referred 40 days before, then the lifecycle steps of R-REF-2. */
const BEFORE_START = { referred: 40, acknowledged: 38, intakeInvited: 36, intakeHeld: 30, planSubmitted: 27, planApproved: 24, planSigned: 22 } as const;
const OLDEST = Math.max(...DEMO_INVOICING_ROUTES.map((r) => r.startedDaysAgo)) + BEFORE_START.referred + 1;

/** The demo's reasons, in the municipality's words (R-INV-6). */
export const DEMO_DISPUTE_REASON = 'De startdatum op deze regel klopt niet met onze beschikking; graag nagaan.';
export const DEMO_CREDIT_REASON = 'Deze inburgeraar is in die maand niet gestart: de regel wordt gecrediteerd en opnieuw gefactureerd.';

/** Db over the demo's open transaction: the store's own transactions become part of it. */
function inTransaction(tx: Tx, kind: Db['kind']): Db {
  return {
    kind,
    query: (text, params) => tx.query(text, params),
    transaction: (fn) => fn(tx),
    exec: (sql) => tx.exec(sql),
    close: () => Promise.reject(new Error('the demo transaction is not closed here')),
  };
}

/** A clock standing on one past business day (each step of the history happens on its own date). */
function clockOn(day: IsoDate): Clock {
  return { today: () => day, now: () => new Date(`${day}T10:00:00Z`) };
}

interface Who {
  coordinators: Record<Provider, Actor>;
  consultants: Record<Municipality, Actor>;
}

/** Returns the number of participants it added (0 when the demo's today leaves no room for the history). */
export async function loadDemoInvoicing(tx: Tx, kind: Db['kind'], crypto: Crypto, contracts: ContractRegistry, contract: Contract, today: IsoDate, seed: number): Promise<number> {
  // Before the history fits in the contract term (a demo date early in 2026) there is nothing to invoice yet.
  if (addCalendarDays(today, -OLDEST) < contract.term.start) return 0;
  const who = await actorsOf(tx);
  if (who === undefined) return 0;
  const rand = seededRandom(seed + 11);
  await insertRoutes(tx, crypto, contracts, who, rand, today);
  const db = inTransaction(tx, kind);
  const ctxOn = (actor: Actor, day: IsoDate): InvoicingContext => ({
    crypto,
    clock: clockOn(day),
    who: { actor, trace: { traceId: newTraceId(), operationId: newOperationId(), origin: 'demo', startedAt: new Date(`${day}T10:00:00Z`) } },
  });
  const day = (n: number) => addCalendarDays(today, -n);
  const run = async (provider: Provider, municipality: Municipality, upTo: number, issued: number): Promise<Invoice> => {
    const result = await runInvoicing(db, contracts, ctxOn(who.coordinators[provider], day(issued)), {
      providerId: organisationId('provider', provider),
      municipalityId: organisationId('municipality', municipality),
      upTo: day(upTo),
    });
    if (result.invoice === undefined) throw new Error(`demo invoicing: nothing to invoice for ${provider} → ${municipality}`);
    return result.invoice;
  };
  const send = (provider: Provider, invoiceId: string, status: 'proForma' | 'sent', on: number) =>
    advanceInvoice(db, ctxOn(who.coordinators[provider], day(on)), { providerId: organisationId('provider', provider), invoiceId, status });
  const hoorn = organisationId('municipality', 'hoorn');
  const check = (lineId: string, on: number, reason?: string) =>
    checkLine(db, ctxOn(who.consultants.hoorn, day(on)), reason === undefined ? { municipalityId: hoorn, lineId, status: 'approved' } : { municipalityId: hoorn, lineId, status: 'disputed', reason });

  // Taalpunt → Hoorn, the first invoice: the five starts, sent; Hoorn checks four of the five lines.
  const first = await run(TAALPUNT, 'hoorn', 140, 139);
  await send(TAALPUNT, first.id, 'sent', 138);
  const [approvedA, approvedB, disputed, credited] = first.lines;
  if (approvedA === undefined || approvedB === undefined || disputed === undefined || credited === undefined) throw new Error('demo invoicing: the first invoice has too few lines');
  await check(approvedA.id, 130);
  await check(approvedB.id, 130);
  await check(disputed.id, 129, DEMO_DISPUTE_REASON);
  await check(credited.id, 129, DEMO_CREDIT_REASON);
  // The provider credits one disputed line (the other stays disputed) and sends the credit note.
  const credit = await creditLines(db, ctxOn(who.coordinators[TAALPUNT], day(125)), {
    providerId: organisationId('provider', TAALPUNT),
    invoiceId: first.id,
    lineIds: [credited.id],
    reason: DEMO_CREDIT_REASON,
    paymentTermDays: paymentTermDaysOf(contracts, first),
  });
  await send(TAALPUNT, credit.id, 'sent', 124);
  // The second invoice: the credited line again, the early finish, the drop-out and a later start; sent, to check.
  const second = await run(TAALPUNT, 'hoorn', 45, 44);
  await send(TAALPUNT, second.id, 'sent', 43);
  // Taalpunt → Enkhuizen: pro-forma (002 eis 12). Leerhuis → Hoorn: prepared.
  const proForma = await run(TAALPUNT, 'enkhuizen', 30, 29);
  await send(TAALPUNT, proForma.id, 'proForma', 28);
  await run(LEERHUIS, 'hoorn', 10, 2);
  // Leerhuis → Enkhuizen: the events are recorded (the provider's "earned, not invoiced"), no invoice.
  const open = { providerId: organisationId('provider', LEERHUIS), municipalityId: organisationId('municipality', 'enkhuizen'), upTo: today };
  const { events } = await deriveEvents(db, contracts, open);
  await recordBillableEvents(tx, ctxOn(who.coordinators[LEERHUIS], today), events);
  return DEMO_INVOICING_ROUTES.length;
}

async function actorsOf(tx: Tx): Promise<Who | undefined> {
  const rows = await tx.query<Actor & { organisation: string }>(
    `SELECT u.id AS "userId", u.name, u.email, u.role, coalesce(p.code, m.code) AS organisation
     FROM app_user u LEFT JOIN provider p ON p.id = u.provider_id LEFT JOIN municipality m ON m.id = u.municipality_id
     WHERE u.email IN ('coordinator.taalpunt@koers.demo', 'coordinator.leerhuis@koers.demo', 'consultant.hoorn@koers.demo', 'consultant.enkhuizen@koers.demo')`,
  );
  const by = (organisation: string) => rows.find((r) => r.organisation === organisation);
  const [taalpunt, leerhuis, hoorn, enkhuizen] = [by(TAALPUNT), by(LEERHUIS), by('hoorn'), by('enkhuizen')];
  if (taalpunt === undefined || leerhuis === undefined || hoorn === undefined || enkhuizen === undefined) return undefined;
  const actor = ({ userId, name, email, role }: Actor): Actor => ({ userId, name, email, role });
  return { coordinators: { 'taalpunt-westfriesland': actor(taalpunt), 'leerhuis-noord': actor(leerhuis) }, consultants: { hoorn: actor(hoorn), enkhuizen: actor(enkhuizen) } };
}

/** The participants, their referrals with the history up to the start, the learning plan and the route ends. */
async function insertRoutes(tx: Tx, crypto: Crypto, contracts: ContractRegistry, who: Who, rand: () => number, today: IsoDate): Promise<void> {
  const participants: unknown[][] = [];
  const referrals: unknown[][] = [];
  const events: unknown[][] = [];
  const plans: unknown[][] = [];
  const ends: unknown[][] = [];
  for (const [i, r] of DEMO_INVOICING_ROUTES.entries()) {
    const on = (daysBeforeStart: number) => addCalendarDays(today, -(r.startedDaysAgo + daysBeforeStart));
    const at = (day: IsoDate, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
    const municipalityId = organisationId('municipality', r.municipality);
    const providerId = organisationId('provider', r.provider);
    const consultant = who.consultants[r.municipality].userId;
    const coordinator = who.coordinators[r.provider].userId;
    const referredOn = on(BEFORE_START.referred);
    const decision = planReferral(versionsInForce(contracts, r.municipality, referredOn), { municipalityCode: r.municipality, providerCode: r.provider, productCode: r.product, referredOn });
    if (!decision.ok) throw new Error(`demo invoicing: ${r.provider} is not contracted for ${r.product} in ${r.municipality}`);
    const bsn = await unusedBsn(tx, crypto, rand);
    const participantId = seededUuid(rand);
    const referralId = seededUuid(rand);
    const createdOn = on(BEFORE_START.referred + 1);
    const birthYear = 1965 + Math.floor(rand() * 40);
    participants.push([
      participantId, municipalityId, crypto.encrypt(bsn), crypto.keyedHash('bsn', bsn), lastFourOfBsn(bsn), pick(rand, GIVEN_NAMES), pick(rand, FAMILY_NAMES),
      `${birthYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`,
      pick(rand, ['female', 'male'] as const), pick(rand, COUNTRIES), r.product === 'z_language' ? 'z' : 'b1',
      // F for "facturatie": never one of the generator's numbers (<MUN>-1nnnn).
      `${r.municipality.slice(0, 3).toUpperCase()}-F${String(i + 1).padStart(3, '0')}`, createdOn, addCalendarDays(createdOn, 3 * 365),
      false, false, false, at(createdOn, 9), consultant,
    ]);
    const intakeOn = on(BEFORE_START.intakeHeld);
    const startedOn = on(0);
    referrals.push([
      referralId, municipalityId, participantId, providerId, r.product, decision.plan.contractId, decision.plan.contractVersion, 'running',
      referredOn, at(referredOn, 10), consultant, decision.plan.acknowledgementDueDate, at(on(BEFORE_START.acknowledged), 11), on(BEFORE_START.acknowledged),
      8, intakeOn, 'Hoorn, Grote Noord 1', intakeOn, true, 1, on(BEFORE_START.planSubmitted), on(BEFORE_START.planApproved), on(BEFORE_START.planSigned), startedOn,
    ]);
    const steps: [string, IsoDate, 'provider' | 'municipality', Record<string, unknown>][] = [
      ['referred', referredOn, 'municipality', {}],
      ['acknowledged', on(BEFORE_START.acknowledged), 'provider', {}],
      ['intakeInvited', on(BEFORE_START.intakeInvited), 'provider', { intakeDate: intakeOn, location: 'Hoorn, Grote Noord 1' }],
      ['intakeHeld', intakeOn, 'provider', { heldOn: intakeOn, regularStartInTime: true }],
      ['planSubmitted', on(BEFORE_START.planSubmitted), 'provider', { planVersion: 1 }],
      ['planApproved', on(BEFORE_START.planApproved), 'municipality', { planVersion: 1 }],
      ['planSigned', on(BEFORE_START.planSigned), 'provider', {}],
      ['started', startedOn, 'provider', { startedOn }],
    ];
    steps.forEach(([type, day, by, details], n) =>
      events.push([seededUuid(rand), referralId, municipalityId, type, day, at(day, 10 + n), by === 'provider' ? coordinator : consultant, JSON.stringify(details)]),
    );
    plans.push([
      seededUuid(rand), referralId, municipalityId, 1, 'approved', JSON.stringify({ ...DEMO_PLAN, route: r.product === 'z_language' ? 'z' : 'b1' }), on(BEFORE_START.planSubmitted),
      at(on(BEFORE_START.planSubmitted), 12), coordinator, on(BEFORE_START.planApproved), at(on(BEFORE_START.planApproved), 13), consultant, null,
    ]);
    if (r.end !== undefined) {
      const endOn = addCalendarDays(today, -r.end.daysAgo);
      const details = r.end.type === 'droppedOut' ? { reason: 'moved', note: 'Verhuisd naar familie buiten de regio.' } : { note: 'Leerdoelen eerder behaald dan gepland.' };
      ends.push([seededUuid(rand), participantId, municipalityId, referralId, r.end.type, endOn, JSON.stringify(details), coordinator, at(endOn, 15)]);
    }
  }
  await insertBatch(tx, 'participant', PARTICIPANT_COLUMNS, participants);
  await insertBatch(tx, 'referral', REFERRAL_COLUMNS, referrals);
  await insertBatch(tx, 'referral_event', ['id', 'referral_id', 'municipality_id', 'type', 'occurred_on', 'occurred_at', 'actor_user_id', 'details'], events);
  await insertBatch(
    tx,
    'learning_plan',
    ['id', 'referral_id', 'municipality_id', 'version', 'status', 'content', 'submitted_on', 'submitted_at', 'submitted_by', 'decided_on', 'decided_at', 'decided_by', 'remarks'],
    plans,
  );
  await insertBatch(tx, 'route_event', ['id', 'participant_id', 'municipality_id', 'referral_id', 'type', 'on_date', 'details', 'recorded_by', 'recorded_at'], ends);
}

/** A valid BSN from the stream that no demo participant has yet (bsn_hash is unique). */
