// The referral steps as signals (R-SIG-1, ARCHITECTURE §2.8). Every pending step of a referral is a
// signal to the party that must act, with its due date (src/domain/steps.ts). The reconcile derives
// what should exist with the pure rules, raises what is missing (the identity makes every later run a
// no-op), resolves what is no longer pending, and marks a breach once (breached_on), which is when a
// contract's breach mail is queued. The referral's facts are loaded by its owner
// (src/features/referrals/signal-engine.ts, which runs this in every change and on a schedule).
import type { IsoDate } from '../../../domain/contract.js';
import { educationIntake, type EducationIntake } from '../../../domain/education.js';
import { stepCause } from '../../../domain/signal-cause.js';
import { pendingSteps, type PendingStep, type ReferralTimeline } from '../../../domain/steps.js';
import { governingVersion, versionOf, type ContractRegistry } from '../../../platform/contracts.js';
import type { Queryable } from '../../../platform/db.js';
import { notifyBreach } from '../notify.js';
import { markBreached, raiseSignals, resolveSignals } from '../store.js';

/** What the step rules and the breach mail need of a referral (the referrals feature's timeline row). */
export interface ReferralFacts extends ReferralTimeline {
  id: string;
  lockVersion: number;
  municipalityId: string;
  providerId: string;
  participantId: string;
  productCode: string;
  contractId: string;
  contractVersion: number;
  pipSignedOn: string | null;
}

export interface EngineResult {
  raised: number;
  resolved: number;
  breached: number;
}

/** R-REF-5: the Onderwijsroute intake of this referral, when its product is education and the PIP date is known. */
export function educationIntakeOf(contracts: ContractRegistry, t: ReferralFacts): EducationIntake | null {
  const governing = governingVersion(contracts, t, t.referredOn);
  const version = governing?.version;
  const product = governing?.contract.products.find((p) => p.code === t.productCode);
  if (version?.educationRoute === undefined || product?.kind !== 'education' || t.pipSignedOn === null) return null;
  return educationIntake(t.pipSignedOn, version.educationRoute);
}

/** The steps owed on this referral under the contract version it was made under (R-CON-10). */
export function stepsOf(contracts: ContractRegistry, t: ReferralFacts): PendingStep[] {
  const version = versionOf(contracts, t, t.referredOn);
  if (version === undefined) return [];
  return pendingSteps({ ...t, startDueOverride: educationIntakeOf(contracts, t)?.startDueDate ?? null }, version);
}

/** Brings one referral's signals in line with the steps it owes today. */
export async function reconcileReferralSignals(tx: Queryable, contracts: ContractRegistry, t: ReferralFacts, today: IsoDate): Promise<EngineResult> {
  const steps = stepsOf(contracts, t);
  const subject = { type: 'referral', id: t.id } as const;
  let raised = 0;
  let breached = 0;
  for (const s of steps) {
    raised += await raiseSignals(
      tx,
      [{ cause: stepCause(s.step), subject, period: s.period, addressee: s.party, dueDate: s.dueDate, municipalityId: t.municipalityId, providerId: t.providerId, participantId: t.participantId, productCode: t.productCode }],
      today,
    );
    // The first run that sees the due date passed records the breach; later runs find it set.
    if (s.dueDate < today && (await markBreached(tx, { cause: stepCause(s.step), subject, period: s.period }, today))) {
      breached += 1;
      await notifyBreach(tx, contracts, t, s);
    }
  }
  // Whatever is still open for this referral but no longer owed has been done: resolve it.
  const resolved = await resolveSignals(tx, { subject, keep: steps.map((s) => ({ cause: stepCause(s.step), period: s.period })) }, 'noLongerCalledFor', today);
  return { raised, resolved, breached };
}
