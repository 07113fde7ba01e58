// Documents (R-REF-7): the referral's document list, the generated referral and learning-plan PDFs,
// the upload of the signed learning plan, and the download of a stored document.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, toProblem } from '../../platform/errors.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { IdParam } from '../participants/schemas.js';
import { DocumentList, DocumentMeta, MAX_DOCUMENT_BYTES, SignedPlanHeaders, SignedPlanQuery } from './schemas.js';
import { cleanFileName, contentDisposition } from './files.js';
import { downloadDocument, learningPlanPdf, listDocuments, referralPdf, uploadSignedLearningPlan, type FileOut } from './service.js';

function sendFile(reply: FastifyReply, file: FileOut): FastifyReply {
  // Personal data: no shared or browser cache keeps a copy (R-SEC-2 counts every download).
  return reply
    .header('Content-Type', file.contentType)
    .header('Content-Disposition', contentDisposition(file.fileName))
    .header('Cache-Control', 'no-store')
    .send(file.content);
}

/**
 * The upload's body errors come from Fastify's body reader, before any handler runs; the generic
 * handler would call them 400 "could not be read". Here they get their own status and a Dutch reason
 * on the field `file`.
 */
export function uploadErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const refuse = (code: 'payloadTooLarge' | 'unsupportedMediaType', fieldCode: string, reason: string): void => {
    const e = new AppError(code, reason, [{ name: 'file', code: fieldCode, reason }]);
    void reply.status(e.status).type('application/problem+json').send(toProblem(e, req.routeOptions.url));
  };
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return refuse('payloadTooLarge', 'tooLarge', 'Het bestand is groter dan 5 MB. Lever een kleiner pdf-bestand aan.');
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return refuse('unsupportedMediaType', 'notPdf', 'Alleen een pdf-bestand kan worden aangeleverd (Content-Type: application/pdf).');
  // Everything else goes to the server's one error handler (problem+json, STYLE 9).
  throw err;
}

export const registerDocumentRoutes: RouteRegistrar = (app, deps) => {
  app.get(
    '/api/v1/referrals/:id/documents',
    {
      config: { permission: 'document.list' },
      schema: { tags: ['documents'], summary: 'Documents exchanged about this referral (R-REF-7); the generated PDFs are linked separately', params: IdParam, response: { 200: DocumentList } },
    },
    async (req) => ({ items: await listDocuments(deps, ctxOf(req), req.params.id) }),
  );

  app.get(
    '/api/v1/referrals/:id/pdf',
    {
      config: { permission: 'document.download' },
      schema: { tags: ['documents'], summary: 'The referral as a PDF (R-REF-7)', params: IdParam, produces: ['application/pdf'] },
    },
    async (req, reply) => sendFile(reply, await referralPdf(deps, ctxOf(req), req.params.id)),
  );

  app.get(
    '/api/v1/learning-plans/:id/pdf',
    {
      config: { permission: 'document.download' },
      schema: { tags: ['documents'], summary: 'One learning-plan version with its decision as a PDF (R-REF-6, R-REF-7)', params: IdParam, produces: ['application/pdf'] },
    },
    async (req, reply) => sendFile(reply, await learningPlanPdf(deps, ctxOf(req), req.params.id)),
  );

  app.get(
    '/api/v1/documents/:id',
    {
      config: { permission: 'document.download' },
      schema: { tags: ['documents'], summary: 'A stored document (R-REF-7)', params: IdParam },
    },
    async (req, reply) => sendFile(reply, await downloadDocument(deps, ctxOf(req), req.params.id)),
  );

  // Encapsulated: only this route reads application/pdf bodies; every other route stays JSON-only.
  void app.register((scoped, _opts, done) => {
    scoped.addContentTypeParser('application/pdf', { parseAs: 'buffer' }, (_req, body, parsed) => parsed(null, body));
    scoped.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/referrals/:id/signed-learning-plan',
      {
        config: { permission: 'document.upload' },
        bodyLimit: MAX_DOCUMENT_BYTES,
        errorHandler: uploadErrorHandler,
        schema: {
          tags: ['documents'],
          summary: 'Upload the learning plan signed by the participant (raw application/pdf body, at most 5 MB); takes the step planSigned (R-REF-6, R-REF-7)',
          consumes: ['application/pdf'],
          params: IdParam,
          querystring: SignedPlanQuery,
          headers: SignedPlanHeaders,
          response: { 201: DocumentMeta },
        },
      },
      async (req, reply) => {
        const fileName = cleanFileName(req.headers['x-file-name']);
        const created = await uploadSignedLearningPlan(deps, ctxOf(req), req.params.id, { lockVersion: req.query.lockVersion, fileName, content: req.body });
        return reply.status(201).send(created);
      },
    );
    done();
  });
};
