// Attendance imports (R-EXC-2, R-ATT-7) and the push API for providers' own systems (R-EXC-1).
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import { TIMEOUTS } from '../../platform/http/headers.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { IdParam } from '../participants/schemas.js';
import { MAX_IMPORT_BYTES, tooLarge } from './readers.js';
import { BatchBody, BatchHeaders, DuplicateResult, ImportDetail, ImportResult, TemplateQuery } from './schemas.js';
import { getImport, importFile, pushBatch } from './service.js';
import { templateRows, toCsv, toXlsx } from './template.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPES = ['text/csv', 'application/csv'];

function sendSheet(reply: FastifyReply, contentType: string, fileName: string, content: string | Buffer): FastifyReply {
  // Names and attendance: no shared or browser cache keeps a copy.
  return reply.header('Content-Type', contentType).header('Content-Disposition', `attachment; filename="${fileName}"`).header('Cache-Control', 'no-store').send(content);
}

export const registerImportRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['imports'];
  /** How long an import may work without a byte on the wire: the largest file allowed, checked and applied on a loaded server. */
  const IMPORT_WORK_MS = 15 * 60_000;
  const fileName = (month: string, ext: string) => `aanwezigheid-${month}.${ext}`;

  app.get(
    '/api/v1/imports/attendance/template.csv',
    { config: { permission: 'attendance.import' }, schema: { tags, summary: 'CSV template of a month of attendance for one group: lessons held × members (R-EXC-2, R-ATT-7)', querystring: TemplateQuery, produces: ['text/csv'] } },
    async (req, reply) => {
      const t = await templateRows(deps, ctxOf(req), req.query.groupId, req.query.month);
      return sendSheet(reply, 'text/csv; charset=utf-8', fileName(req.query.month, 'csv'), toCsv(t.rows));
    },
  );

  app.get(
    '/api/v1/imports/attendance/template.xlsx',
    { config: { permission: 'attendance.import' }, schema: { tags, summary: 'XLSX template of a month of attendance for one group (R-EXC-2, R-ATT-7)', querystring: TemplateQuery, produces: [XLSX] } },
    async (req, reply) => {
      const t = await templateRows(deps, ctxOf(req), req.query.groupId, req.query.month);
      return sendSheet(reply, XLSX, fileName(req.query.month, 'xlsx'), await toXlsx(t.rows));
    },
  );

  app.get(
    '/api/v1/imports/:id',
    { config: { permission: 'attendance.import' }, schema: { tags, summary: 'An applied import or push batch with its counts', params: IdParam, response: { 200: ImportDetail } } },
    // Issue #9: reading an import is audited, a refused one too (counts only: the line has no data subject).
    async (req) => {
      const ctx = ctxOf(req);
      const entry = { name: 'import.read', subjects: [], objectType: 'attendanceImport', objectId: req.params.id } as const;
      try {
        const detail = await getImport(deps, ctx, req.params.id);
        await recordAudit(deps.db, deps.crypto, ctx, { ...entry, status: 'ok' });
        return detail;
      } catch (err) {
        if (err instanceof AppError && err.code === 'notFound') await recordAudit(deps.db, deps.crypto, ctx, { ...entry, status: 'error' });
        throw err;
      }
    },
  );

  app.post(
    '/api/v1/attendance-batches',
    {
      config: { permission: 'attendance.import' },
      schema: {
        tags,
        summary: 'Push attendance from a provider\'s own system: all items or none, idempotent by Idempotency-Key (R-EXC-1); 422 names each bad item as items[i].field',
        headers: BatchHeaders,
        body: BatchBody,
        response: { 201: ImportResult, 200: ImportResult },
      },
    },
    async (req, reply) => {
      const out = await pushBatch(deps, ctxOf(req), req.headers['idempotency-key'], req.body);
      // A replay answers as the first time did; the header tells a careful client it was a replay.
      if (out.replayed) void reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(out.body);
    },
  );

  // Encapsulated: only this route takes CSV/XLSX, and it takes them as a stream (never buffered whole).
  void app.register((scoped, _opts, done) => {
    const passStream = (_req: unknown, payload: unknown, parsed: (err: Error | null, body?: unknown) => void) => parsed(null, payload);
    scoped.addContentTypeParser([...CSV_TYPES, XLSX], passStream);
    scoped.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/imports/attendance',
      {
        config: { permission: 'attendance.import' },
        schema: {
          tags,
          summary: 'Import a month of attendance (raw text/csv or XLSX body, at most 20 MB, streamed): all rows or none; 422 lists the rows in error; the same file again answers 200 duplicateOf (R-EXC-2, R-ATT-7)',
          consumes: [...CSV_TYPES, XLSX],
          response: { 201: ImportResult, 200: DuplicateResult },
        },
      },
      async (req, reply) => {
        const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        const kind = type === XLSX ? 'xlsx' : CSV_TYPES.includes(type) ? 'csv' : undefined;
        if (kind === undefined) throw new AppError('unsupportedMediaType', 'Lever een CSV- of Excel-bestand (.xlsx) aan.', [{ name: 'file', code: 'notASheet', reason: 'Alleen text/csv of .xlsx.' }]);
        if (Number(req.headers['content-length'] ?? 0) > MAX_IMPORT_BYTES) throw tooLarge();
        // The socket's idle limit (TIMEOUTS.connectionTimeout, 120 s) is for a client that sends nothing; while
        // the rows are checked and applied it is the server that is silent, and a 100,000-row file on a busy
        // machine took longer (the connection was cut at 165 s in a loaded test run; the import went on
        // without anyone to answer). The upload itself stays bounded by requestTimeout.
        req.raw.socket.setTimeout(IMPORT_WORK_MS);
        try {
          const out = await importFile(deps, ctxOf(req), req.body as Readable, kind);
          return await reply.status(out.status).send(out.body);
        } finally {
          req.raw.socket.setTimeout(TIMEOUTS.connectionTimeout);
        }
      },
    );
    done();
  });
};
