// R-EXC-4 (issue #15): deliveries to DUO go through an outbox like mail (src/platform/outbox.ts,
// mailer.ts). queuePipDelivery writes the row in the transaction that approves the learning plan (R-REF-6),
// with its berichtId fixed there: every later attempt is the same message, so DUO (and the simulator, whose
// message-id memory answers a repeat as the first time) stores it once. What DUO's rules would refuse is
// found here, before anything is sent (src/features/duo/pip.ts), and kept as 'invalid' with the Dutch reasons.
// No BSN and no URL in the row: the BSN is read from the participant when the row is sent.
import { randomUUID } from 'node:crypto';
import type { Queryable, Tx } from '../../platform/db.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { PipFacts } from '../../domain/duo/pip-rules.js';
import { pipFromLearningPlan, type PlanForPip } from './pip.js';

/** The municipality's OIN, DUO's source OIN for its messages (contracts/*.yaml municipalities[].invoicing.oin). */
export function municipalityOin(contracts: ContractRegistry, municipalityCode: string): string | undefined {
  for (const c of contracts.forMunicipality(municipalityCode)) {
    const oin = c.municipalities.find((m) => m.code === municipalityCode)?.invoicing?.oin;
    if (oin) return oin;
  }
  return undefined;
}

export interface ApprovedPlan {
  referralId: string;
  planVersion: number;
  participantId: string;
  municipalityId: string;
  content: PlanForPip;
  approvedOn: string;
}

/**
 * The facts DUO's PIP rules read, as far as Koers knows them: the duty's start (the participant's
 * duty_start_date), the PIPs DUO received before from this municipality. Assumption: the settling date and
 * the asylum status are DUO's (Inburgeringsplicht API); unknown here, so their rules are left to DUO, whose
 * refusal is then shown with DUO's reason. The plan has no estimated intensity, so none is sent.
 */
async function factsFor(tx: Queryable, participantId: string): Promise<PipFacts> {
  const [p] = await tx.query<{ dutyStart: string | null }>(`SELECT duty_start_date::text AS "dutyStart" FROM participant WHERE id = $1`, [participantId]);
  const earlier = await tx.query<{ on: string }>(
    `SELECT body->>'dagtekeningPip' AS "on" FROM duo_delivery WHERE participant_id = $1 AND api = 'PIP' AND status = 'received' ORDER BY created_at, id`,
    [participantId],
  );
  const first = earlier[0];
  const last = earlier.at(-1);
  return {
    startInburgeringsplicht: p?.dutyStart ?? null,
    vestigingGemeente: null,
    initielePip: first ? { dagtekeningPip: first.on } : null,
    actuelePip: last ? { dagtekeningPip: last.on } : null,
    asielmigrant: false,
  };
}

/**
 * Queues the PIP of an approved learning plan, in the approval's transaction. One row per plan version
 * (the dedupe key): a repeated approval adds nothing. Returns the row's id.
 */
export async function queuePipDelivery(tx: Tx, plan: ApprovedPlan): Promise<string> {
  const mapped = pipFromLearningPlan({ plan: plan.content, approvedOn: plan.approvedOn }, await factsFor(tx, plan.participantId));
  const id = randomUUID();
  const reasons = mapped.ok ? [] : mapped.problems.map((p) => `${p.field}: ${p.reason}`);
  await tx.query(
    `INSERT INTO duo_delivery (id, municipality_id, participant_id, dedupe_key, api, bericht_id, body, status, reasons)
     VALUES ($1, $2, $3, $4, 'PIP', $5, $6::jsonb, $7, $8::jsonb)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [id, plan.municipalityId, plan.participantId, `pip:${plan.referralId}:${plan.planVersion}`, randomUUID(), mapped.ok ? JSON.stringify(mapped.pip) : null, mapped.ok ? 'pending' : 'invalid', JSON.stringify(reasons)],
  );
  return id;
}

/**
 * Assumption: the PIP states the learning route, so it is the plan of a language or education product
 * (e.g. b1_language, z_language); a participation, MAP or PVT referral's plan is not the PIP.
 */
const PIP_KINDS: ReadonlySet<string> = new Set(['language', 'education']);

/** Queues the PIP of the plan version just approved (src/features/referrals/lifecycle.ts), reading its content. */
export async function queueApprovedPlanForDuo(tx: Tx, contracts: ContractRegistry, p: Omit<ApprovedPlan, 'content'>): Promise<void> {
  const [row] = await tx.query<{ content: PlanForPip; contractId: string; productCode: string }>(
    `SELECT lp.content, r.contract_id AS "contractId", r.product_code AS "productCode" FROM learning_plan lp JOIN referral r ON r.id = lp.referral_id WHERE lp.referral_id = $1 AND lp.version = $2`,
    [p.referralId, p.planVersion],
  );
  const kind = row && contracts.byId(row.contractId)?.products.find((x) => x.code === row.productCode)?.kind;
  if (row && kind && PIP_KINDS.has(kind)) await queuePipDelivery(tx, { ...p, content: row.content });
}
