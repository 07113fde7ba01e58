// Issue #17 (R-SEC-2): a resident asks who processed their data (AVG art. 15); the municipality's privacy
// officer answers from the audit log: by participant (BSN through the keyed hash, or client number), by
// user, by period and by operation. The search itself is an audit line, in the same transaction.
import { auditSearchMunicipality, type RequestContext } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Db, Queryable } from '../../platform/db.js';
import { notFound, unprocessable, type AppError } from '../../platform/errors.js';
import type { AuditLine, AuditSearchCriteria } from './schemas.js';
import { clientNumbersOf, countAuditLines, findSubject, findUserIdByEmail, searchAuditLines, type AuditSearchFilter, type AuditSearchRow, type FoundParticipant } from './store.js';

interface Deps {
  db: Db;
  crypto: Crypto;
}

type Resolved = { filter: AuditSearchFilter; subject: FoundParticipant | undefined } | { refused: AppError };

/** The criteria as a filter on the log; an unknown participant or user is a refusal on its field. */
async function resolve(tx: Queryable, crypto: Crypto, municipalityId: string, c: AuditSearchCriteria): Promise<Resolved> {
  let subject: FoundParticipant | undefined;
  if (c.bsn !== undefined || c.clientNumber !== undefined) {
    subject = await findSubject(tx, municipalityId, c.bsn !== undefined ? { bsnHash: crypto.keyedHash('bsn', c.bsn) } : { clientNumber: c.clientNumber ?? '' });
    if (subject === undefined) {
      const field = c.bsn !== undefined ? 'criteria.bsn' : 'criteria.clientNumber';
      // Only this municipality's participants are looked up: the answer says nothing of another's.
      return { refused: unprocessable(field, 'unknownParticipant', c.bsn !== undefined ? 'Er is geen inburgeraar met dit BSN bij uw gemeente.' : 'Er is geen inburgeraar met dit cliëntnummer bij uw gemeente.') };
    }
  }
  let actorUserId: string | undefined;
  if (c.userEmail !== undefined) {
    actorUserId = await findUserIdByEmail(tx, c.userEmail);
    if (actorUserId === undefined) return { refused: unprocessable('criteria.userEmail', 'unknownUser', 'Er is geen gebruiker met dit e-mailadres.') };
  }
  const filter: AuditSearchFilter = {
    municipalityId,
    ...(subject !== undefined ? { subjectRef: crypto.keyedHash('subject', subject.id) } : {}),
    ...(actorUserId !== undefined ? { actorUserId } : {}),
    ...(c.from !== undefined ? { from: c.from } : {}),
    ...(c.to !== undefined ? { to: c.to } : {}),
    ...(c.operation !== undefined ? { operation: c.operation } : {}),
    ...(c.status !== undefined ? { status: c.status } : {}),
  };
  return { filter, subject };
}

/** What the criteria were, for the search's own audit line: never the BSN, the e-mail address or a name. */
function describe(c: AuditSearchCriteria): string {
  const by = [c.bsn !== undefined ? 'bsn' : undefined, c.clientNumber !== undefined ? 'clientNumber' : undefined, c.userEmail !== undefined ? 'user' : undefined].filter((s) => s !== undefined);
  return [`by ${by.join('+') || 'operation'}`, c.operation, c.status, c.from !== undefined || c.to !== undefined ? `${c.from ?? '…'}..${c.to ?? '…'}` : undefined].filter((s) => s !== undefined).join(', ');
}

function toLine(r: AuditSearchRow, numbers: Map<string, string | null>): AuditLine {
  return {
    id: r.id,
    startedAt: r.startedAt.toISOString(),
    operation: r.operation,
    status: r.status,
    actorName: r.actorName,
    actorEmail: r.actorEmail,
    actorRole: r.actorRole,
    organisationName: r.organisationName,
    clientNumber: r.subjectEncrypted === null ? null : (numbers.get(r.subjectEncrypted) ?? null),
    objectType: r.objectType,
    traceId: r.traceId,
    processingActivity: r.processingActivity,
  };
}

function officerMunicipality(ctx: RequestContext): string {
  const municipalityId = auditSearchMunicipality(ctx);
  // access.ts grants audit.search to the privacy officer alone; anyone else is not in this room.
  if (municipalityId === undefined) throw notFound();
  return municipalityId;
}

/** One batch of lines with the search's audit line, in one transaction; a refusal is audited and thrown after the commit. */
async function searchBatch(deps: Deps, ctx: RequestContext, criteria: AuditSearchCriteria, window: { limit: number; offset: number }, withTotal: boolean, note: string) {
  const municipalityId = officerMunicipality(ctx);
  const result = await deps.db.transaction(async (tx) => {
    const resolved = await resolve(tx, deps.crypto, municipalityId, criteria);
    if ('refused' in resolved) {
      await recordAudit(tx, deps.crypto, ctx, { name: 'audit.search', status: 'error', subjects: [], objectType: 'auditLog', summary: `${describe(criteria)}: ${resolved.refused.invalidParams[0]?.code ?? 'refused'}` });
      return resolved;
    }
    const rows = await searchAuditLines(tx, resolved.filter, window);
    const total = withTotal ? await countAuditLines(tx, resolved.filter) : rows.length;
    const numbers = await clientNumbersOf(tx, deps.crypto, municipalityId, rows);
    const s = resolved.subject;
    await recordAudit(tx, deps.crypto, ctx, {
      name: 'audit.search',
      status: 'ok',
      subjects: s === undefined ? [] : [{ participantId: s.id, municipalityId: s.municipalityId }],
      objectType: 'auditLog',
      summary: `${describe(criteria)}${note}: ${rows.length} of ${total} lines`,
    });
    return { lines: rows.map((r) => toLine(r, numbers)), total, subject: s };
  });
  if ('refused' in result) throw result.refused;
  return result;
}

export async function searchAuditLog(deps: Deps, ctx: RequestContext, criteria: AuditSearchCriteria, page: number, pageSize: number) {
  const r = await searchBatch(deps, ctx, criteria, { limit: pageSize, offset: (page - 1) * pageSize }, true, '');
  return { items: r.lines, total: r.total, page, pageSize, participant: r.subject === undefined ? null : { clientNumber: r.subject.clientNumber, name: r.subject.name } };
}

/** One batch of the export (R-EXC-3), audited like the search. */
export async function exportAuditBatch(deps: Deps, ctx: RequestContext, criteria: AuditSearchCriteria, page: number, size: number): Promise<AuditLine[]> {
  return (await searchBatch(deps, ctx, criteria, { limit: size, offset: (page - 1) * size }, false, ` (export batch ${page})`)).lines;
}
