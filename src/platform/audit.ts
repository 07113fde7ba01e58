// Audit (R-SEC-2, ARCHITECTURE §2.7, STYLE 8): a typed union of operations, written with the same
// transaction handle as the read or change it records, one line per data subject (Logboek
// Dataverwerkingen: no sampling). No raw personal data: the data subject is the participant id,
// encrypted, plus a keyed hash so the controller can find the lines of one person.
import { randomBytes } from 'node:crypto';
import type { RequestContext } from './access.js';
import type { Crypto } from './crypto.js';
import type { Queryable, Tx } from './db.js';

export type AuditOperation =
  | 'participant.list'
  | 'participant.read'
  | 'participant.create'
  | 'participant.searchByBsn'
  | 'participant.auditRead'
  | 'referral.create'
  | 'referral.list'
  | 'referral.acknowledge'
  | 'referral.read'
  | 'referral.event'
  | 'signal.list'
  | 'signal.acknowledge'
  | 'document.list'
  | 'document.upload'
  | 'document.download'
  | 'mail.enqueue'
  | 'group.read'
  | 'group.member'
  | 'lesson.read'
  | 'attendance.record'
  | 'attendance.read'
  | 'attendance.classify'
  | 'hours.record'
  | 'hours.read'
  | 'progress.read'
  | 'progress.record'
  | 'report.read'
  | 'report.download'
  | 'report.write'
  | 'scaling.request'
  | 'scaling.decide'
  | 'route.event'
  | 'access.denied'
  // Issue #9: a login through an OpenID Connect identity provider (staff or DigiD), or its refusal.
  | 'session.oidcLogin'
  // Issue #9 hole 9: logins, the second factor and passwords (no data subject), API keys, the outbox, imports.
  | 'login.succeeded'
  | 'login.failed'
  | 'login.throttled'
  | 'secondFactor.enrolled'
  | 'secondFactor.verified'
  | 'secondFactor.failed'
  | 'password.changed'
  | 'password.resetRequested'
  | 'password.reset'
  | 'apiKey.create'
  | 'apiKey.revoke'
  | 'outbox.list'
  | 'import.read'
  // Issue #11: billable events recorded, an invoice prepared, a line checked, lines credited (R-INV-6).
  | 'billable.record'
  | 'invoice.prepare'
  | 'invoice.check'
  | 'invoice.status'
  | 'invoice.credit'
  // Issue #11, the invoicing API: the earned list, an invoice (detail, line, PDF, UBL) read, a line's evidence.
  | 'billable.list'
  | 'invoice.read'
  | 'invoice.evidence'
  // Issue #12: participation activities and ladder steps read and recorded (R-MAP-2, R-MAP-4).
  | 'participation.read'
  | 'participation.record'
  // Issue #12: the portfolio read, added to, and downloaded as one PDF (R-MAP-3).
  | 'portfolio.read'
  | 'portfolio.record'
  // Issue #13: a report's figures read (counts only: a line without data subjects, R-MI-1).
  | 'managementInformation.read'
  // Issue #13: a periodic report's draft saved or submitted (frozen) by the provider (R-MI-6).
  | 'managementInformation.submit'
  // Issue #14: the provider quality register read or changed (providers and their teachers, no participant).
  | 'quality.read'
  | 'quality.record'
  // Issue #14: contract meetings, their agenda, minutes and actions, and the contract-level ladder changed (R-CM-1, R-ESC-2).
  | 'contractManagement.record'
  // Issue #14 (R-CM-3): the complaints register read or changed (a participant's complaint names its data subject).
  | 'complaint.read'
  | 'complaint.record'
  // Issue #14 (R-ESC-1): a participant-level escalation case read or changed.
  | 'participantEscalation.read'
  | 'participantEscalation.record'
  // Issue #17: a backup taken (BIO2 8.13), the retention purge run or its log read (R-SEC-4).
  | 'system.backup'
  | 'retention.purge'
  | 'retention.read'
  // Issue #15 (R-EXC-4): an exchange with DUO — a delivery sent, a query answered, a notification received.
  | 'duo.deliver'
  | 'duo.read'
  | 'duo.notification'
  // Issue #17 (R-SEC-2): the privacy officer's search of the audit log.
  | 'audit.search'
  // Issue #17: staff accounts listed, made, changed, ended or their second factor reset.
  | 'user.list'
  | 'user.record'
  // Issue #17 (R-CON-10): a contract version activated.
  | 'contract.record'
  // Issue #17: an organisation's identifier changed.
  | 'organisation.record';

// The processing activities (verwerkingsactiviteiten) of the register the log lines point to.
const processingActivity: Record<AuditOperation, string> = {
  'participant.list': 'koers:verwerking/registratie-inburgeraar',
  'participant.read': 'koers:verwerking/registratie-inburgeraar',
  'participant.create': 'koers:verwerking/registratie-inburgeraar',
  'participant.searchByBsn': 'koers:verwerking/registratie-inburgeraar',
  'participant.auditRead': 'koers:verwerking/verantwoording',
  'audit.search': 'koers:verwerking/verantwoording',
  'user.list': 'koers:verwerking/toegangsbeveiliging',
  'user.record': 'koers:verwerking/toegangsbeveiliging',
  'contract.record': 'koers:verwerking/contractbeheer',
  'organisation.record': 'koers:verwerking/contractbeheer',
  'referral.create': 'koers:verwerking/aanmelding-aanbieder',
  'referral.list': 'koers:verwerking/aanmelding-aanbieder',
  'referral.acknowledge': 'koers:verwerking/aanmelding-aanbieder',
  'referral.read': 'koers:verwerking/aanmelding-aanbieder',
  'referral.event': 'koers:verwerking/aanmelding-aanbieder',
  'signal.list': 'koers:verwerking/signalering',
  'signal.acknowledge': 'koers:verwerking/signalering',
  'document.list': 'koers:verwerking/dossier',
  'document.upload': 'koers:verwerking/dossier',
  'document.download': 'koers:verwerking/dossier',
  'mail.enqueue': 'koers:verwerking/signalering',
  'group.read': 'koers:verwerking/lesgroepen',
  'group.member': 'koers:verwerking/lesgroepen',
  'lesson.read': 'koers:verwerking/aanwezigheid',
  'attendance.record': 'koers:verwerking/aanwezigheid',
  'attendance.read': 'koers:verwerking/aanwezigheid',
  'attendance.classify': 'koers:verwerking/verzuim',
  'hours.record': 'koers:verwerking/uren',
  'hours.read': 'koers:verwerking/uren',
  'progress.read': 'koers:verwerking/voortgang',
  'progress.record': 'koers:verwerking/voortgang',
  'report.read': 'koers:verwerking/voortgang',
  'report.download': 'koers:verwerking/voortgang',
  'report.write': 'koers:verwerking/voortgang',
  'scaling.request': 'koers:verwerking/schaling',
  'scaling.decide': 'koers:verwerking/schaling',
  'route.event': 'koers:verwerking/leerroute',
  'access.denied': 'koers:verwerking/toegangsbeveiliging',
  'session.oidcLogin': 'koers:verwerking/toegangsbeveiliging',
  'login.succeeded': 'koers:verwerking/toegangsbeveiliging',
  'login.failed': 'koers:verwerking/toegangsbeveiliging',
  'login.throttled': 'koers:verwerking/toegangsbeveiliging',
  'secondFactor.enrolled': 'koers:verwerking/toegangsbeveiliging',
  'secondFactor.verified': 'koers:verwerking/toegangsbeveiliging',
  'secondFactor.failed': 'koers:verwerking/toegangsbeveiliging',
  'password.changed': 'koers:verwerking/toegangsbeveiliging',
  'password.resetRequested': 'koers:verwerking/toegangsbeveiliging',
  'password.reset': 'koers:verwerking/toegangsbeveiliging',
  'apiKey.create': 'koers:verwerking/toegangsbeveiliging',
  'apiKey.revoke': 'koers:verwerking/toegangsbeveiliging',
  'outbox.list': 'koers:verwerking/signalering',
  'import.read': 'koers:verwerking/aanwezigheid',
  'billable.record': 'koers:verwerking/facturatie',
  'invoice.prepare': 'koers:verwerking/facturatie',
  'invoice.check': 'koers:verwerking/facturatie',
  'invoice.status': 'koers:verwerking/facturatie',
  'invoice.credit': 'koers:verwerking/facturatie',
  'billable.list': 'koers:verwerking/facturatie',
  'invoice.read': 'koers:verwerking/facturatie',
  'invoice.evidence': 'koers:verwerking/facturatie',
  'participation.read': 'koers:verwerking/participatie',
  'participation.record': 'koers:verwerking/participatie',
  'portfolio.read': 'koers:verwerking/participatie',
  'portfolio.record': 'koers:verwerking/participatie',
  'managementInformation.read': 'koers:verwerking/managementinformatie',
  'managementInformation.submit': 'koers:verwerking/managementinformatie',
  'contractManagement.record': 'koers:verwerking/managementinformatie',
  'quality.read': 'koers:verwerking/kwaliteitsregister',
  'quality.record': 'koers:verwerking/kwaliteitsregister',
  'complaint.read': 'koers:verwerking/klachtenregister',
  'complaint.record': 'koers:verwerking/klachtenregister',
  'participantEscalation.read': 'koers:verwerking/escalatie',
  'participantEscalation.record': 'koers:verwerking/escalatie',
  'system.backup': 'koers:verwerking/beheer',
  'retention.purge': 'koers:verwerking/bewaartermijnen',
  'retention.read': 'koers:verwerking/bewaartermijnen',
  'duo.deliver': 'koers:verwerking/duo',
  'duo.read': 'koers:verwerking/duo',
  'duo.notification': 'koers:verwerking/duo',
};

export interface AuditSubject {
  participantId: string;
  municipalityId: string | null;
}

export interface AuditEntry {
  name: AuditOperation;
  status: 'ok' | 'error';
  /** The data subjects concerned; an empty list writes one line without a data subject. */
  subjects: readonly AuditSubject[];
  objectType?: string;
  objectId?: string;
  /** Curated, never personal data. */
  summary?: string;
}

/** The context an audit line needs: a request context, or the bare trace for anonymous/system work. */
export type AuditActor = Pick<RequestContext, 'trace'> & Partial<Pick<RequestContext, 'actor' | 'organisation'>>;

export function newOperationId(): string {
  return randomBytes(8).toString('hex');
}

export function newTraceId(): string {
  return randomBytes(16).toString('hex');
}

/** Writes the audit lines of one processing. Pass the transaction that does the read or change. */
export async function recordAudit(tx: Tx | Queryable, crypto: Crypto, who: AuditActor, entry: AuditEntry, endedAt = new Date()): Promise<void> {
  await insertAudit(tx, crypto, who, entry, endedAt, false);
}

/**
 * Issue #16: the audit lines of a read as the last statement of its transaction — on PostgreSQL COMMIT
 * goes out with the INSERT (QueryOptions.commitBehind), one round trip for both. The transaction then
 * takes no further statement, and it commits once the INSERT has run: call it when the read is done and
 * only shaping the answer is left.
 */
export async function recordReadAudit(tx: Tx, crypto: Crypto, who: AuditActor, entry: AuditEntry): Promise<void> {
  await insertAudit(tx, crypto, who, entry, new Date(), true);
}

async function insertAudit(tx: Tx | Queryable, crypto: Crypto, who: AuditActor, entry: AuditEntry, endedAt: Date, commitBehind: boolean): Promise<void> {
  const subjects: (AuditSubject | null)[] = entry.subjects.length > 0 ? [...entry.subjects] : [null];
  const values = subjects.map((s) => (s === null ? null : subjectValues(crypto, s.participantId)));
  // One INSERT for any number of lines: what the lines share goes as one parameter each, what differs per
  // line (its own operation id and the data subject) as arrays unnested in SQL. A list of 50 participants
  // and an invoicing run naming 10,000 both take one round trip and 21 parameters; one VALUES tuple per
  // line took 21 parameters a line, failed beyond PostgreSQL's 65,535 per statement (3,120 lines) and
  // spent most of a large invoicing run on binding them (docs/benchmarks.md, invoicing run).
  await tx.query(
    `INSERT INTO audit_event (trace_id, operation_id, parent_operation_id, foreign_trace_id, foreign_operation_id, name, status, started_at, ended_at,
       processing_activity_id, actor_user_id, actor_role, organisation_kind, organisation_id, origin, object_type, object_id,
       data_subject_id_encrypted, data_subject_ref, municipality_id, summary)
     SELECT $1, u.operation_id, $2, $3, $4, $5, $6, $7::timestamptz, $8::timestamptz, $9, $10::uuid, $11, $12, $13::uuid, $14, $15, $16,
       u.encrypted, u.ref, u.municipality_id, $17
     FROM unnest($18::text[], $19::text[], $20::text[], $21::uuid[]) WITH ORDINALITY AS u(operation_id, encrypted, ref, municipality_id, n)
     ORDER BY u.n`,
    [
      who.trace.traceId,
      who.trace.operationId, // the request's operation is the parent of each line's own
      who.trace.foreign?.traceId ?? null,
      who.trace.foreign?.operationId ?? null,
      entry.name,
      entry.status,
      who.trace.startedAt,
      endedAt,
      processingActivity[entry.name],
      who.actor?.userId ?? null,
      who.actor?.role ?? null,
      who.organisation?.kind ?? null,
      who.organisation?.kind === 'operator' ? null : (who.organisation?.id ?? null),
      who.trace.origin,
      entry.objectType ?? null,
      entry.objectId ?? null,
      entry.summary ?? null,
      operationIds(subjects.length),
      values.map((v) => v?.encrypted ?? null),
      values.map((v) => v?.ref ?? null),
      subjects.map((s) => s?.municipalityId ?? null),
    ],
    // Issue #16: one text for every audit line of every processing, prepared once per connection.
    { prepare: true, commitBehind },
  );
}

/** `n` operation ids (as newOperationId) from one draw of random bytes. */
function operationIds(n: number): string[] {
  const hex = randomBytes(8 * n).toString('hex');
  return Array.from({ length: n }, (_, i) => hex.slice(16 * i, 16 * (i + 1)));
}

// Issue #16: a data subject's encrypted id and keyed hash, kept for the subjects this process named
// lately (a teacher's class is audited on every visit of its lesson page; encrypting each line cost about
// 30 µs). The same subject then carries the same ciphertext on several lines, which tells nothing the
// keyed hash beside it does not already tell: the lines of one person are meant to be found together.
// Per Crypto, so another secret never sees this one's values; the oldest entry goes first when full.
const SUBJECT_CACHE_SIZE = 20_000;
const subjectCache = new WeakMap<Crypto, Map<string, { encrypted: string; ref: string }>>();

function subjectValues(crypto: Crypto, participantId: string): { encrypted: string; ref: string } {
  let cache = subjectCache.get(crypto);
  if (cache === undefined) {
    cache = new Map();
    subjectCache.set(crypto, cache);
  }
  const hit = cache.get(participantId);
  if (hit !== undefined) return hit;
  const made = { encrypted: crypto.encrypt(participantId), ref: subjectRef(crypto, participantId) };
  if (cache.size >= SUBJECT_CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(participantId, made);
  return made;
}

/** One audit subject per participant, whatever number of rows name it. */
export function uniqueSubjects(rows: readonly { participantId: string; municipalityId: string }[]) {
  const seen = new Map<string, string>();
  rows.forEach((r) => seen.set(r.participantId, r.municipalityId));
  return [...seen].map(([participantId, municipalityId]) => ({ participantId, municipalityId }));
}

export function subjectRef(crypto: Crypto, participantId: string): string {
  return crypto.keyedHash('subject', participantId);
}
