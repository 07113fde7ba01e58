// R-EXC-4 (issue #15): the DUO block of a participant's file — what was delivered to DUO and when, its
// status and DUO's reason for a refusal, and what DUO says (duty, term, exams, learnability test,
// exemptions, dispensations, the current PIP) as last fetched — and the
// refresh that asks DUO again (raadpleging, src/features/duo/queries.ts). Only the municipality's own
// participants (duoInScope); every read is audited, every exchange with DUO audited with its berichtId.
import { duoInScope, SqlParams, type RequestContext } from '../../platform/access.js';
import { auditDenied } from '../../platform/audit-denied.js';
import { newOperationId, recordAudit } from '../../platform/audit.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Db, Queryable, Tx } from '../../platform/db.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import { notFound } from '../../platform/errors.js';
import { municipalityOin } from './deliveries.js';
import type { DuoLinkService } from './link.js';
import { DELIVERY_NL, type DeliveryKind } from './melding.js';
import {
  fetchActuelePip,
  fetchExamenresultaten,
  fetchInburgeringsplicht,
  fetchInburgeringstermijn,
  fetchLeerbaarheidstoets,
  fetchOntheffingen,
  fetchVrijstellingen,
  type DuoConnection,
  type DuoQueryResult,
} from './queries.js';

/** The facts Koers asks DUO for (raadpleging), each kept as DUO's latest answer in duo_fact. */
export const DUO_FACT_KINDS = ['inburgeringsplicht', 'inburgeringstermijn', 'examenresultaten', 'leerbaarheidstoets', 'vrijstellingen', 'ontheffingen', 'pip'] as const;
export type DuoFactKind = (typeof DUO_FACT_KINDS)[number];

const FETCH: Record<DuoFactKind, (c: DuoConnection, bsn: string) => Promise<DuoQueryResult<unknown>>> = {
  inburgeringsplicht: fetchInburgeringsplicht,
  inburgeringstermijn: fetchInburgeringstermijn,
  examenresultaten: fetchExamenresultaten,
  leerbaarheidstoets: fetchLeerbaarheidstoets,
  vrijstellingen: fetchVrijstellingen,
  ontheffingen: fetchOntheffingen,
  pip: fetchActuelePip,
};

export interface DuoFileDelivery {
  id: string;
  api: DeliveryKind;
  /** The delivery's Dutch name (melding.ts DELIVERY_NL). */
  label: string;
  /** The provider whose data it carries (002 eis 26), else null. */
  provider: string | null;
  status: 'pending' | 'sending' | 'received' | 'refused' | 'invalid' | 'failed';
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  reasons: string[];
  pip: { dagtekeningPip?: string; leerroute?: string; niveau?: string } | null;
  /** What was delivered, in DUO's field names (null for a DELETE, or a PIP Koers did not send). */
  body: Record<string, unknown> | null;
}

export interface DuoFile {
  linked: boolean;
  simulator: boolean;
  deliveries: DuoFileDelivery[];
  facts: { kind: DuoFactKind; data: unknown; fetchedAt: string }[];
  /** DUO's notifications about the participant (notificering), newest first: the event and when it came. */
  notifications: { eventCode: string; receivedAt: string }[];
  /** What the last refresh could not fetch (kind -> Dutch reason); empty when none was asked or all came. */
  problems: { kind: DuoFactKind; reason: string }[];
}

interface Deps {
  db: Db;
  crypto: Crypto;
  contracts: ContractRegistry;
}

export interface ScopedParticipant {
  id: string;
  municipalityId: string;
  municipalityCode: string;
  bsnEncrypted: string;
}

export async function findDuoParticipant(q: Queryable, ctx: RequestContext, id: string): Promise<ScopedParticipant | undefined> {
  const p = new SqlParams();
  const rows = await q.query<ScopedParticipant>(
    `SELECT p.id, p.municipality_id AS "municipalityId", m.code AS "municipalityCode", p.bsn_encrypted AS "bsnEncrypted"
     FROM participant p JOIN municipality m ON m.id = p.municipality_id WHERE p.id = ${p.add(id)} AND ${duoInScope(ctx.scope, p)}`,
    p.values,
  );
  return rows[0];
}

async function readFile(q: Queryable, participantId: string, link: DuoLinkService | undefined): Promise<Omit<DuoFile, 'problems'>> {
  const deliveries = await q.query<Omit<DuoFileDelivery, 'label' | 'pip'> & { createdAt: Date; sentAt: Date | null }>(
    `SELECT d.id, d.api, d.status, d.created_at AS "createdAt", d.sent_at AS "sentAt", d.attempts, d.reasons, d.body, pr.name AS provider
     FROM duo_delivery d LEFT JOIN provider pr ON pr.id = d.provider_id WHERE d.participant_id = $1 ORDER BY d.created_at DESC, d.id`,
    [participantId],
  );
  const facts = await q.query<{ kind: DuoFactKind; data: unknown; fetchedAt: Date }>(`SELECT kind, data, fetched_at AS "fetchedAt" FROM duo_fact WHERE participant_id = $1 ORDER BY kind`, [participantId]);
  const notifications = await q.query<{ eventCode: string; receivedAt: Date }>(
    `SELECT event_code AS "eventCode", received_at AS "receivedAt" FROM duo_notification WHERE participant_id = $1 ORDER BY received_at DESC, notification_id`,
    [participantId],
  );
  return {
    notifications: notifications.map((n) => ({ eventCode: n.eventCode, receivedAt: n.receivedAt.toISOString() })),
    linked: link !== undefined,
    simulator: link?.simulator !== undefined,
    deliveries: deliveries.map((d) => ({
      ...d,
      label: DELIVERY_NL[d.api],
      pip: d.api === 'PIP' ? (d.body as DuoFileDelivery['pip']) : null,
      createdAt: d.createdAt.toISOString(),
      sentAt: d.sentAt?.toISOString() ?? null,
    })),
    facts: facts.map((f) => ({ kind: f.kind, data: f.data, fetchedAt: f.fetchedAt.toISOString() })),
  };
}

/** GET: the DUO block; 404 (audited as denied) outside the actor's municipality. */
export async function getDuoFile(deps: Deps, link: DuoLinkService | undefined, ctx: RequestContext, id: string): Promise<DuoFile> {
  const file = await deps.db.transaction(async (tx) => {
    const p = await findDuoParticipant(tx, ctx, id);
    if (!p) {
      await auditDenied(tx, deps.crypto, ctx, 'duo.read', 'participant', id);
      return undefined;
    }
    await recordAudit(tx, deps.crypto, ctx, { name: 'duo.read', status: 'ok', subjects: [{ participantId: p.id, municipalityId: p.municipalityId }], objectType: 'participant', objectId: p.id, summary: 'file' });
    return readFile(tx, p.id, link);
  });
  if (!file) throw notFound();
  return { ...file, problems: [] };
}

const OUTCOME_NL: Record<Exclude<DuoQueryResult<unknown>['outcome'], 'found' | 'not_found'>, string> = {
  refused: 'DUO weigerde de vraag.',
  failed: 'DUO gaf geen bruikbaar antwoord; probeer het later opnieuw.',
};

/** The connection for one municipality: its OIN as bron, its certificate. */
export function connectionFor(deps: Pick<Deps, 'contracts'>, link: DuoLinkService, municipalityCode: string): DuoConnection | undefined {
  const bron = municipalityOin(deps.contracts, municipalityCode);
  const tls = link.tlsFor(municipalityCode);
  return bron ? { baseUrl: link.baseUrl, bron, doel: link.duoOin, ...(tls ? { tls } : {}) } : undefined;
}

/**
 * Asks DUO for the given facts and stores what it says (404: DUO holds none, stored as null). Each
 * exchange is one audit line with DUO's berichtId as foreign operation, in the transaction that stores it.
 */
export async function fetchDuoFacts(
  deps: Deps,
  who: RequestContext | { trace: RequestContext['trace'] },
  c: DuoConnection,
  p: ScopedParticipant,
  kinds: readonly DuoFactKind[],
  save?: (tx: Tx, kind: DuoFactKind, data: unknown) => Promise<void>,
): Promise<{ kind: DuoFactKind; reason: string }[]> {
  const bsn = deps.crypto.decrypt(p.bsnEncrypted);
  const problems: { kind: DuoFactKind; reason: string }[] = [];
  for (const kind of kinds) {
    let r: DuoQueryResult<unknown>;
    try {
      r = await FETCH[kind](c, bsn);
    } catch {
      problems.push({ kind, reason: 'DUO is nu niet bereikbaar; probeer het later opnieuw.' });
      continue;
    }
    const got = r.outcome === 'found' || r.outcome === 'not_found';
    if (r.outcome === 'refused' || r.outcome === 'failed') problems.push({ kind, reason: OUTCOME_NL[r.outcome] });
    await deps.db.transaction(async (tx) => {
      if (got) {
        const data = r.outcome === 'found' ? r.value : null;
        await tx.query(
          `INSERT INTO duo_fact (participant_id, municipality_id, kind, data, fetched_at) VALUES ($1, $2, $3, $4::jsonb, now())
           ON CONFLICT (participant_id, kind) DO UPDATE SET data = EXCLUDED.data, fetched_at = EXCLUDED.fetched_at`,
          [p.id, p.municipalityId, kind, JSON.stringify(data)],
        );
        await save?.(tx, kind, data);
      }
      const trace = { ...who.trace, operationId: newOperationId(), foreign: { traceId: r.berichtId.replaceAll('-', ''), operationId: r.berichtId } };
      await recordAudit(tx, deps.crypto, { ...who, trace }, { name: 'duo.read', status: got ? 'ok' : 'error', subjects: [{ participantId: p.id, municipalityId: p.municipalityId }], objectType: 'participant', objectId: p.id, summary: `${kind} ${r.outcome}` });
    });
  }
  return problems;
}

/** POST refresh: asks DUO now for every fact of DUO_FACT_KINDS, then answers the block. */
export async function refreshDuoFile(deps: Deps, link: DuoLinkService | undefined, ctx: RequestContext, id: string): Promise<DuoFile> {
  const p = await deps.db.transaction(async (tx) => {
    const found = await findDuoParticipant(tx, ctx, id);
    if (!found) await auditDenied(tx, deps.crypto, ctx, 'duo.read', 'participant', id);
    return found;
  });
  if (!p) throw notFound();
  const c = link ? connectionFor(deps, link, p.municipalityCode) : undefined;
  const problems = c ? await fetchDuoFacts(deps, ctx, c, p, DUO_FACT_KINDS) : DUO_FACT_KINDS.map((kind) => ({ kind, reason: 'Koers is niet met DUO verbonden.' }));
  return { ...(await getDuoFile(deps, link, ctx, id)), problems };
}
