// R-EXC-4: Koers' facts → the PIP DUO registers (duo-m2m/API/PIP, SDI014), checked by DUO's own rules
// (src/domain/duo/pip-rules.ts, README "Het aanleveren van een PIP") BEFORE it is sent: what DUO would
// refuse is refused here on the field that breaks the rule, with the Dutch reason, and the Koers field it
// came from so the consultant knows what to change. The PIP is the approved learning plan (R-REF-6,
// src/features/referrals/schemas.ts LearningPlanContent) dated on its approval.
import { randomUUID } from 'node:crypto';
import { duoHttp, type DuoTls } from './transport.js';
import { refusePip, type Leerroute, type NiveauPip, type Pip, type PipFacts } from '../../domain/duo/pip-rules.js';
import type { CefrLevel, Skill } from '../../domain/levels.js';
import { CefrLevels, Skills } from '../../domain/levels.js';
import type { Route } from '../../domain/contract.js';
import { duoDocument } from './openapi.js';

/**
 * What of an approved learning plan (src/features/referrals/schemas.ts LearningPlanContent) the PIP
 * needs. Written out here, not imported: the referrals feature imports this one (its lifecycle queues the
 * PIP), and features must not import each other both ways (test/import-cycles.test.ts).
 */
export interface PlanForPip {
  route: Route;
  targetLevels: Readonly<Record<Skill, CefrLevel>>;
}

/** Koers' route code → the PIP's Leerroute (B1-route, Onderwijsroute, Zelfstandigheidsroute). */
const LEERROUTE: Record<Route, Leerroute> = {
  b1: 'B',
  // Assumption (002 §1.1): the B1-entreeroute is a municipality's variant of the B1-route; DUO knows three routes only.
  b1_entree: 'B',
  z: 'Z',
  education_mbo: 'O',
  education_hbo_wo: 'O',
};

export interface PipSource {
  plan: PlanForPip;
  /** The day the learning plan was approved: the PIP's dagtekening. */
  approvedOn: string;
  /** Estimated hours to finish the B1-route (language and KNM); asylum migrants on the B1-route only. */
  estimatedB1Hours?: number | null;
  /** The participant may finish a non-exempting education first. */
  mayFinishEducation?: boolean;
  literacy?: 'A' | 'AA' | 'NVT';
}

export interface PipProblem {
  /** The PIP field, as DUO's document names it. */
  field: keyof Pip;
  /** Where the value comes from in Koers. */
  koersField: 'plan.route' | 'plan.targetLevels' | 'approvedOn' | 'estimatedB1Hours' | 'mayFinishEducation' | 'literacy';
  reason: string;
}

export type PipMapping = { ok: true; pip: Pip } | { ok: false; problems: PipProblem[] };

const KOERS_FIELD: Record<keyof Pip, PipProblem['koersField']> = {
  dagtekeningPip: 'approvedOn',
  leerroute: 'plan.route',
  niveau: 'plan.targetLevels',
  geschatteIntensiteitB1Route: 'estimatedB1Hours',
  indicatorMagOpleidingAfmaken: 'mayFinishEducation',
  indicatorAlfabetiseringsonderwijs: 'literacy',
};

/** NiveauPip is the lowest level to reach over the language parts (the document's description). */
function niveauOf(levels: Record<(typeof Skills)[number], CefrLevel>): NiveauPip | 'belowA2' {
  const lowest = Math.min(...Skills.map((s) => CefrLevels.indexOf(levels[s])));
  if (lowest >= CefrLevels.indexOf('B1')) return 'B1';
  return lowest === CefrLevels.indexOf('A2') ? 'A2' : 'belowA2';
}

/** The PIP body for DUO, or every problem DUO would raise, each on its field, before anything is sent. */
export function pipFromLearningPlan(source: PipSource, facts: PipFacts): PipMapping {
  const leerroute = LEERROUTE[source.plan.route];
  const niveau = niveauOf(source.plan.targetLevels);
  // DUO cannot register a level below A2; left out, DUO would fix B1 on the B1-route and the Onderwijsroute
  // (README "Niveau") and so state a plan that was not approved. On the Z-route no level is sent.
  if (niveau === 'belowA2' && leerroute !== 'Z') {
    return { ok: false, problems: [{ field: 'niveau', koersField: 'plan.targetLevels', reason: 'Een doelniveau onder A2 kan DUO bij de B1-route of de onderwijsroute niet vastleggen.' }] };
  }
  const pip: Pip = {
    dagtekeningPip: source.approvedOn,
    leerroute,
    ...(niveau !== 'belowA2' ? { niveau } : {}),
    ...(source.estimatedB1Hours != null ? { geschatteIntensiteitB1Route: source.estimatedB1Hours } : {}),
    ...(source.mayFinishEducation !== undefined ? { indicatorMagOpleidingAfmaken: source.mayFinishEducation } : {}),
    ...(source.literacy ? { indicatorAlfabetiseringsonderwijs: source.literacy } : {}),
  };
  const problems: PipProblem[] = refusePip(pip, facts).map((r) => ({ field: r.field, koersField: KOERS_FIELD[r.field], reason: r.reason }));
  // The document's own constraints too (e.g. the intensity 1-9999), so DUO never answers 400.
  for (const p of duoDocument('PIP').validateRequest('post', PIP_PATH, { path: { bsn: '000000000' }, headers: PLACEHOLDER_HEADERS, body: pip })) {
    const field = p.at.split('/')[1] as keyof Pip;
    problems.push({ field, koersField: KOERS_FIELD[field] ?? 'approvedOn', reason: `Voldoet niet aan DUO's berichtformaat: ${p.message}.` });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pip };
}

const PIP_PATH = '/personen/{bsn}/PIP';
// Only the body is checked in pipFromLearningPlan; these satisfy the header and path schemas.
const PLACEHOLDER_HEADERS = { bron: '0'.repeat(20), doel: '0'.repeat(20), berichtId: '00000000-0000-4000-8000-000000000000' };

export interface PipDelivery {
  /** DUO's base URL with the major version, e.g. https://duo.example/v1 (DUO_BASE_URL; the simulator's url). */
  baseUrl: string;
  bsn: string;
  /** Source OIN: the municipality's (contracts/*.yaml municipalities[].invoicing.oin). */
  bron: string;
  /** Target OIN: DUO's. */
  doel: string;
  pip: Pip;
  /** The message id; the same id on a retry makes DUO store the delivery once. */
  berichtId?: string;
  /** Mutual TLS: the municipality's certificate and key, and the CA of DUO's server (issue #15). */
  tls?: DuoTls;
}

export type PipDeliveryResult =
  | { outcome: 'received'; berichtId: string }
  | { outcome: 'refused'; berichtId: string; status: number; reasons: string[] }
  | { outcome: 'failed'; berichtId: string; status: number };

/**
 * Delivers a PIP (melding-bevestiging): 201 is DUO's receipt; 403 carries DUO's reasons (Foutmelding), shown
 * as DUO gives them; anything else is a failure to retry with the same berichtId. Over mutual TLS when `tls`
 * is given. No outbox yet (docs/duo.md "Next"): a caller must not treat a thrown network error (a refused
 * handshake included) as "not received".
 */
export async function sendPip(d: PipDelivery): Promise<PipDeliveryResult> {
  const berichtId = d.berichtId ?? randomUUID();
  const res = await duoHttp({
    method: 'POST',
    url: `${d.baseUrl}/personen/${encodeURIComponent(d.bsn)}/PIP`,
    headers: { 'content-type': 'application/json', bron: d.bron, doel: d.doel, berichtId },
    body: JSON.stringify(d.pip),
    ...(d.tls ? { tls: d.tls } : {}),
  });
  const { text } = res;
  if (res.status === 201) return { outcome: 'received', berichtId };
  if (res.status === 403) {
    const body = text ? (JSON.parse(text) as { fouttekst?: unknown }[]) : [];
    return { outcome: 'refused', berichtId, status: 403, reasons: body.map((f) => String(f.fouttekst)) };
  }
  if (res.status === 400 || res.status === 404) return { outcome: 'refused', berichtId, status: res.status, reasons: [] };
  return { outcome: 'failed', berichtId, status: res.status };
}
