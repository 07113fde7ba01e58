// The portfolio (issue #12, R-MAP-3): items with their files, the 001 Bijlage 3 part with its
// completeness, and the whole portfolio as one PDF. Who may write is decided in the service (see its
// file comment); the permissions are the participation ones (src/platform/access.ts): the portfolio
// is part of the participation provider's work.
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { cleanFileName, contentDisposition } from '../documents/files.js';
import { uploadErrorHandler } from '../documents/routes.js';
import { MAX_DOCUMENT_BYTES } from '../documents/schemas.js';
import type { FileOut } from '../documents/service.js';
import { IdParam } from '../participants/schemas.js';
import { PortfolioAnnex, PortfolioAnnexWrite, PortfolioFile, PortfolioFileHeaders, PortfolioItem, PortfolioItemCreate, PortfolioItemList } from './schemas.js';
import { addFile, addItem, downloadFile, getAnnex, listItems, portfolioPdf, writeAnnex } from './service.js';

const DEFAULT_FILE_NAME = 'portfolio-bestand.pdf';

function sendFile(reply: FastifyReply, file: FileOut): FastifyReply {
  // Personal data: no shared or browser cache keeps a copy (R-SEC-2 counts every download).
  return reply.header('Content-Type', file.contentType).header('Content-Disposition', contentDisposition(file.fileName)).header('Cache-Control', 'no-store').send(file.content);
}

export const registerPortfolioRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['portfolio'];
  app.get(
    '/api/v1/participants/:id/portfolio-items',
    { config: { permission: 'participation.read' }, schema: { tags, summary: "The participant's portfolio items (evidence, reflections, assignments) with their files, every provider's (R-MAP-3)", params: IdParam, response: { 200: PortfolioItemList } } },
    (req) => listItems(deps, ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/participants/:id/portfolio-items',
    {
      config: { permission: 'participation.write' },
      schema: { tags, summary: 'Add an item under a participation or MAP referral to the own provider (R-MAP-3); 403 for a provider that serves the participant for another product', params: IdParam, body: PortfolioItemCreate, response: { 201: PortfolioItem } },
    },
    async (req, reply) => reply.status(201).send(await addItem(deps, ctxOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/participants/:id/portfolio-annex',
    { config: { permission: 'participation.read' }, schema: { tags, summary: 'The 001 Bijlage 3 part (client profile, per MAP theme what was learned and practised) with its completeness (R-MAP-3)', params: IdParam, response: { 200: PortfolioAnnex } } },
    (req) => getAnnex(deps, ctxOf(req), req.params.id),
  );

  app.put(
    '/api/v1/participants/:id/portfolio-annex',
    {
      config: { permission: 'participation.write' },
      schema: { tags, summary: 'Save the Bijlage 3 part as a new version (earlier versions kept); under a MAP or B1-route participation referral; 409 when the version read is not the current one', params: IdParam, body: PortfolioAnnexWrite, response: { 200: PortfolioAnnex } },
    },
    (req) => writeAnnex(deps, ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/participants/:id/portfolio.pdf',
    { config: { permission: 'participation.read' }, schema: { tags, summary: 'The whole portfolio as one PDF, for the hand-over to the municipality at the end conversation (001 Bijlage 3)', params: IdParam, produces: ['application/pdf'] } },
    async (req, reply) => sendFile(reply, await portfolioPdf(deps, ctxOf(req), req.params.id)),
  );

  app.get(
    '/api/v1/portfolio-files/:id',
    { config: { permission: 'participation.read' }, schema: { tags, summary: "A file of a portfolio item; for everyone who sees the participant", params: IdParam, produces: ['application/pdf'] } },
    async (req, reply) => sendFile(reply, await downloadFile(deps, ctxOf(req), req.params.id)),
  );

  // Encapsulated, as the signed learning plan's upload: only this route reads application/pdf bodies.
  void app.register((scoped, _opts, done) => {
    scoped.addContentTypeParser('application/pdf', { parseAs: 'buffer' }, (_req, body, parsed) => parsed(null, body));
    scoped.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/portfolio-items/:id/files',
      {
        config: { permission: 'participation.write' },
        bodyLimit: MAX_DOCUMENT_BYTES,
        errorHandler: uploadErrorHandler,
        schema: {
          tags,
          summary: 'Add a file to an item (raw application/pdf body, at most 5 MB, checked by its content; X-File-Name URI-encoded, a BSN in it masked); by the provider that added the item',
          consumes: ['application/pdf'],
          params: IdParam,
          headers: PortfolioFileHeaders,
          response: { 201: PortfolioFile },
        },
      },
      async (req, reply) => reply.status(201).send(await addFile(deps, ctxOf(req), req.params.id, { fileName: cleanFileName(req.headers['x-file-name'], DEFAULT_FILE_NAME), content: req.body })),
    );
    done();
  });
};
