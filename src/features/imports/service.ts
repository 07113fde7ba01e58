// Use cases of attendance imports (R-EXC-2, R-ATT-7) and pushes (R-EXC-1): stage every row in one
// transaction, refuse the whole lot when any row is bad, otherwise apply — so a file is stored whole or
// not at all, also when the process dies halfway (the transaction never commits). The same file twice,
// or the same Idempotency-Key twice, changes nothing. A file is read to its end before that transaction
// opens (spool.ts): the client's speed never decides how long the database is held (issue #9 hole 7).
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { RequestContext } from '../../platform/access.js';
import type { Tx } from '../../platform/db.js';
import { AppError, notFound, unprocessable } from '../../platform/errors.js';
import type { AppDeps } from '../../platform/http/server.js';
import { applyStaged } from './apply.js';
import { hashingCounter, readCsv, readXlsx } from './readers.js';
import { headerMap, parseSheetRow, type Field } from './rows.js';
import type { BatchBody, ImportResult } from './schemas.js';
import { Spool } from './spool.js';
import { MAX_ERRORS, Stager } from './stage.js';
import { findFileImport, findImport, findPush } from './store.js';

type Deps = Pick<AppDeps, 'db' | 'crypto' | 'clock' | 'contracts' | 'importRules'>;

/** Only a provider imports, and only into its own groups (the scope does the rest). */
function providerOf(ctx: RequestContext): string {
  if (ctx.scope.kind !== 'provider') throw notFound();
  return ctx.scope.providerId;
}

function refuse(stager: Stager): AppError {
  const more = stager.errorCount > MAX_ERRORS ? ` De eerste ${MAX_ERRORS} staan hieronder.` : '';
  return new AppError('unprocessable', `Er is niets opgeslagen: ${stager.errorCount} ${stager.errorCount === 1 ? 'fout' : 'fouten'} in ${stager.rows} regels.${more} Verbeter ze en lever het bestand opnieuw aan.`, stager.errors);
}

export type FileOutcome = { status: 201; body: ImportResult } | { status: 200; body: ImportResult & { duplicateOf: string; detail: string } };

/**
 * Reads the whole upload outside any transaction (issue #9 hole 7): bytes are hashed and counted
 * against the limit, the sheet is parsed, the header and each row checked on their own, and the rows
 * spooled to disk. A malformed file is refused here, without touching the database.
 */
async function readUpload(input: Readable, kind: 'csv' | 'xlsx'): Promise<{ spool: Spool; sha256: string }> {
  const spool = await Spool.create();
  try {
    const counter = hashingCounter();
    let positions: Map<Field, number> | undefined;
    const onRow = async (rowNo: number, values: string[]) => {
      if (positions === undefined) {
        const header = headerMap(values);
        if (header.problems.length > 0) throw new AppError('unprocessable', 'De kopregel van het bestand klopt niet: gebruik het sjabloon.', header.problems);
        positions = header.positions;
        return;
      }
      const parsed = parseSheetRow(values, positions, `row ${rowNo}`);
      await spool.write(parsed.row === undefined ? { rowNo, problems: parsed.problems } : { rowNo, row: parsed.row });
    };
    // The reader pulls from the counter, which pulls from the request: back-pressure all the way to the disk.
    const feeding = pipeline(input, counter.stream);
    await Promise.all([feeding, kind === 'csv' ? readCsv(counter.stream, onRow) : readXlsx(counter.stream, onRow)]);
    await spool.finish();
    return { spool, sha256: counter.digest() };
  } catch (err) {
    await spool.remove();
    throw err;
  }
}

export async function importFile(deps: Deps, ctx: RequestContext, input: Readable, kind: 'csv' | 'xlsx'): Promise<FileOutcome> {
  const providerId = providerOf(ctx);
  const today = deps.clock.today();
  const { spool, sha256 } = await readUpload(input, kind);
  try {
    // The spool is on local disk: the transaction lasts as long as the database work, not the upload.
    const outcome = await deps.db.transaction(async (tx): Promise<FileOutcome> => {
      const earlier = await findFileImport(tx, ctx.scope, sha256);
      if (earlier !== undefined) {
        return {
          status: 200,
          body: { duplicateOf: earlier.id, importId: earlier.id, rows: earlier.rows, created: 0, changed: 0, unchanged: earlier.rows, detail: 'Dit bestand is al eerder ingelezen; er is niets gewijzigd.' },
        };
      }
      if (spool.rows === 0) throw unprocessable('file', 'empty', 'Het bestand bevat geen regels onder de kopregel.');
      const stager = await Stager.open(tx, ctx.scope, today);
      // Row by row in file order, so the errors are listed as before: the sheet's own first.
      for await (const entry of spool.read()) {
        if ('problems' in entry) {
          await stager.refused(entry.problems);
        } else {
          await stager.add(entry.rowNo, `row ${entry.rowNo}`, entry.row);
        }
      }
      await stager.flush();
      if (stager.errorCount > 0) throw refuse(stager);
      return { status: 201, body: await applyStaged(tx, deps, ctx, { providerId, source: kind, sha256, idempotencyKey: null }) };
    });
    // Committed: the rules of R-ATT-4, R-HRS-2 and R-HRS-3 next (pending-rules.ts, issue #16).
    if (outcome.status === 201) deps.importRules?.after(outcome.body.importId);
    return outcome;
  } finally {
    await spool.remove();
  }
}

export type PushOutcome = { replayed: boolean; body: ImportResult };

/** R-EXC-1: a batch from a provider's own system; the Idempotency-Key makes a retry safe. */
export async function pushBatch(deps: Deps, ctx: RequestContext, key: string, batch: BatchBody): Promise<PushOutcome> {
  const providerId = providerOf(ctx);
  const today = deps.clock.today();
  const sha256 = createHash('sha256').update(JSON.stringify(batch.items)).digest('hex');
  const outcome = await deps.db.transaction(async (tx: Tx): Promise<PushOutcome> => {
    const earlier = await findPush(tx, ctx.scope, key);
    if (earlier !== undefined) {
      // The same key with another body is a mistake of the sender, not a retry.
      if (earlier.sha256 !== sha256) throw unprocessable('Idempotency-Key', 'keyReused', 'Deze Idempotency-Key is al gebruikt voor een andere batch.');
      return { replayed: true, body: earlier.response as ImportResult };
    }
    const stager = await Stager.open(tx, ctx.scope, today);
    for (const [i, item] of batch.items.entries()) {
      await stager.add(i, `items[${i}]`, { ...item, minutesAttended: item.minutesAttended, reason: item.reason ?? null });
    }
    await stager.flush();
    if (stager.errorCount > 0) throw refuse(stager);
    return { replayed: false, body: await applyStaged(tx, deps, ctx, { providerId, source: 'push', sha256, idempotencyKey: key }) };
  });
  if (!outcome.replayed) deps.importRules?.after(outcome.body.importId);
  return outcome;
}

export async function getImport(deps: Deps, ctx: RequestContext, id: string) {
  providerOf(ctx);
  const row = await findImport(deps.db, ctx.scope, id);
  if (row === undefined) throw notFound();
  return {
    importId: row.id,
    source: row.source,
    status: 'applied' as const,
    rows: row.rows,
    created: row.created,
    changed: row.changed,
    unchanged: row.unchanged,
    errors: 0,
    sha256: row.sha256,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
