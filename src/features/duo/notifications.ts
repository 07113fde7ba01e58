// R-EXC-4 (issue #15): Koers' Notificatie API (duo-m2m/API/Notificatie, POST /notificaties below
// /api/v1/duo). Notificering (Interactiepatronen.md): DUO tells the municipality that something happened
// (an event of Gebeurtenissen.md, e.g. SS101 "Persoon is inburgeringsplichtig", SS199 "Uitslag examen
// bekend"); Koers then fetches the data the event points to from DUO itself and records it on the file, and
// a signal on the consultant's work list. The notification carries no facts, only the pointer: a forged one
// can at most make Koers ask DUO, over mTLS, what DUO says. The same notification (DUO's berichtId) twice
// changes nothing. The request is checked against DUO's document: what it does not allow is 400.
import type { Crypto } from '../../platform/crypto.js';
import type { ContractRegistry } from '../../platform/contracts.js';
import type { Clock } from '../../platform/clock.js';
import type { Db, Queryable } from '../../platform/db.js';
import { newOperationId, newTraceId, recordAudit } from '../../platform/audit.js';
import { realNow } from '../../platform/clock.js';
import { addCalendarDays } from '../../domain/calendar.js';
import { DUO_ATTENTION_SIGNALS } from '../../domain/duo/events.js';
import { raiseSignals } from '../signals/store.js';
import { municipalityOin } from './deliveries.js';
import { connectionFor, fetchDuoFacts, type DuoFactKind, type ScopedParticipant } from './file.js';
import type { DuoLinkService } from './link.js';
import { duoDocument } from './openapi.js';

/**
 * Gebeurtenissen.md: the data each event points to (the column "Op te vragen gegevens"); others: the duty.
 * Attentiesignalen.md names no data: Assumption, what the signal is about (the PIP for the learning-route
 * signals, the dispensations for SS140, the duty for the rest).
 */
const FETCH: Record<string, readonly DuoFactKind[]> = {
  SS101: ['inburgeringsplicht', 'examenresultaten'],
  SS128: ['inburgeringsplicht', 'examenresultaten'],
  SS139: ['inburgeringsplicht', 'examenresultaten'],
  SS120: ['inburgeringsplicht', 'examenresultaten'],
  SS121: ['inburgeringsplicht', 'inburgeringstermijn', 'examenresultaten'],
  SS129: ['inburgeringsplicht', 'examenresultaten', 'vrijstellingen'],
  SS130: ['inburgeringsplicht', 'inburgeringstermijn', 'pip', 'examenresultaten', 'vrijstellingen'],
  SS102: ['inburgeringstermijn'],
  SS103: ['inburgeringstermijn'],
  SS104: ['inburgeringstermijn'],
  SS107: ['inburgeringsplicht', 'vrijstellingen'],
  SS109: ['inburgeringsplicht', 'vrijstellingen'],
  SS114: ['vrijstellingen'],
  SS115: ['vrijstellingen'],
  SS116: ['vrijstellingen'],
  SS117: ['vrijstellingen', 'examenresultaten'],
  // "Beoordeling aanvraag verlenging (SDI013)": SDI013 is the Ontheffing API (README's table).
  SS118: ['ontheffingen'],
  SS119: ['ontheffingen', 'examenresultaten'],
  SS131: ['leerbaarheidstoets'],
  SS137: ['leerbaarheidstoets'],
  SS199: ['examenresultaten'],
  SS126: ['inburgeringsplicht', 'pip'],
  SS127: ['pip'],
  SS132: ['pip'],
  SS133: ['pip'],
  SS135: ['pip'],
  SS136: ['pip'],
  SS142: ['pip'],
  SS140: ['ontheffingen'],
};
const kindsOf = (event: string): readonly DuoFactKind[] => FETCH[event] ?? ['inburgeringsplicht'];

/**
 * Which events ask the consultant to act, and the term: SS139 starts the 10 weeks to fix the learning route
 * (Gebeurtenissen.md); Assumption: the others two weeks, the attention signals (Attentiesignalen.md, each an
 * "aansporing") included. Events only informing (e.g. SS102) raise none.
 */
const ACTION_DAYS: Record<string, number> = {
  SS101: 14,
  SS139: 70,
  SS120: 14,
  SS121: 14,
  SS128: 14,
  SS129: 14,
  SS130: 14,
  SS110: 14,
  SS111: 14,
  SS106: 14,
  SS107: 14,
  SS108: 14,
  SS199: 14,
  ...Object.fromEntries(DUO_ATTENTION_SIGNALS.map((code) => [code, 14])),
};

export type NotificationAnswer = { status: 201 } | { status: 400 } | { status: 403; fouttekst: string } | { status: 500; fouttekst: string };

interface Deps {
  db: Db;
  crypto: Crypto;
  contracts: ContractRegistry;
  clock: Clock;
}

async function municipalityIdOf(tx: Queryable, code: string): Promise<string | null> {
  const [m] = await tx.query<{ id: string }>(`SELECT id FROM municipality WHERE code = $1`, [code]);
  return m?.id ?? null;
}

export async function receiveNotification(deps: Deps, link: DuoLinkService | undefined, headers: Record<string, string | undefined>, body: unknown): Promise<NotificationAnswer> {
  const h = { bron: headers.bron, doel: headers.doel, berichtId: headers.berichtid };
  if (duoDocument('Notificatie').validateRequest('post', '/notificaties', { path: {}, headers: h, body }).length > 0) return { status: 400 };
  const n = body as { gebeurtenisId: string; bsn?: string };
  if (!link || h.bron !== link.duoOin) return { status: 403, fouttekst: 'Het bron OIN is niet dat van DUO.' };
  const municipalityCode = deps.contracts.contracts.flatMap((c) => c.municipalities).find((m) => municipalityOin(deps.contracts, m.code) === h.doel)?.code;
  if (!municipalityCode) return { status: 403, fouttekst: 'Het doel OIN is geen gemeente van Koers.' };
  const berichtId = h.berichtId!;
  const trace = { traceId: newTraceId(), operationId: newOperationId(), origin: 'duo-notification', startedAt: realNow(), foreign: { traceId: berichtId.replaceAll('-', ''), operationId: berichtId } };
  const seen = await deps.db.query(`SELECT 1 FROM duo_notification WHERE notification_id = $1`, [berichtId]);
  if (seen.length > 0) return { status: 201 };
  // A person Koers does not know (no BSN, or not this municipality's participant) is recorded with the
  // municipality it was sent to, for the functional administrator (DUO-berichten); no BSN is kept.
  const [p] = n.bsn
    ? await deps.db.query<ScopedParticipant>(
        `SELECT p.id, p.municipality_id AS "municipalityId", m.code AS "municipalityCode", p.bsn_encrypted AS "bsnEncrypted"
         FROM participant p JOIN municipality m ON m.id = p.municipality_id WHERE p.bsn_hash = $1 AND m.code = $2`,
        [deps.crypto.keyedHash('bsn', n.bsn), municipalityCode],
      )
    : [];
  if (p) {
    const c = connectionFor(deps, link, municipalityCode);
    const problems = c ? await fetchDuoFacts(deps, { trace }, c, p, kindsOf(n.gebeurtenisId)) : [{ reason: 'no connection' }];
    // Not recorded as received: DUO may send it again, and then Koers fetches again.
    if (problems.length > 0) return { status: 500, fouttekst: 'De gegevens bij DUO konden niet worden opgehaald.' };
  }
  await deps.db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO duo_notification (notification_id, event_code, participant_id, municipality_id, received_at) VALUES ($1, $2, $3, $4, now()) ON CONFLICT DO NOTHING RETURNING 1`,
      [berichtId, n.gebeurtenisId, p?.id ?? null, p?.municipalityId ?? (await municipalityIdOf(tx, municipalityCode))],
    );
    if (inserted.length === 0) return;
    if (!p) {
      await recordAudit(tx, deps.crypto, { trace }, { name: 'duo.notification', status: 'ok', subjects: [], objectType: 'duo_notification', objectId: berichtId, summary: `${n.gebeurtenisId} unknown person` });
      return;
    }
    const days = ACTION_DAYS[n.gebeurtenisId];
    const today = deps.clock.today();
    if (days !== undefined) {
      await raiseSignals(
        tx,
        [{ cause: 'duo.event', subject: { type: 'participant', id: p.id }, period: `${n.gebeurtenisId}:${berichtId}`, addressee: 'municipality', dueDate: addCalendarDays(today, days), municipalityId: p.municipalityId, providerId: null, participantId: p.id, productCode: null }],
        today,
      );
    }
    await recordAudit(tx, deps.crypto, { trace }, { name: 'duo.notification', status: 'ok', subjects: [{ participantId: p.id, municipalityId: p.municipalityId }], objectType: 'participant', objectId: p.id, summary: n.gebeurtenisId });
  });
  return { status: 201 };
}
