// The invoicing API (issue #11): the provider's earned list and run, its invoices through pro-forma and
// send (the PDF mailed through the outbox), the municipality's check per line with the evidence, credit
// notes, and the amounts for the contract manager. Access: src/platform/access.ts (invoice.*); the
// scope is in the SQL of service.ts (a provider its own, a municipality its own once proForma or sent).
import type { FastifyReply } from 'fastify';
import { ctxOf } from '../../platform/http/access-hook.js';
import { sendExport, XLSX_TYPE } from '../../platform/http/export.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { contentDisposition } from '../documents/files.js';
import { earnedColumns, invoiceColumns } from './export.js';
import { earnedExportSource, listEarned } from './earned.js';
import { invoiceEvidence } from './evidence.js';
import {
  CentreList,
  CheckInput,
  CreditInput,
  EarnedExportQuery,
  EarnedListQuery,
  EarnedPage,
  Evidence,
  InvoiceDetail,
  InvoiceExportQuery,
  InvoiceListQuery,
  InvoicePage,
  InvoiceParams,
  InvoiceLineOut,
  InvoiceSummary,
  LineParams,
  RoundInput,
  RoundResult,
  RunInput,
  RunResult,
  Totals,
  TotalsQuery,
} from './schemas.js';
import { advance, checkInvoiceLine, creditInvoiceLines, getInvoice, invoiceExportSource, invoiceFile, listInvoicePage, startRun } from './service.js';
import { listCentres, startRound } from './rounds.js';
import { invoicingTotals } from './totals-route.js';

function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; content: Buffer | string }): FastifyReply {
  // Personal data (client numbers): no shared or browser cache keeps a copy.
  return reply.header('Content-Type', file.contentType).header('Content-Disposition', contentDisposition(file.fileName)).header('Cache-Control', 'no-store').send(file.content);
}

export const registerInvoicingRoutes: RouteRegistrar = (app, deps) => {
  app.get(
    '/api/v1/invoicing/earned',
    {
      config: { permission: 'invoice.prepare' },
      schema: { tags: ['invoicing'], summary: 'Billable events earned and on no live invoice line yet: what the next run invoices (R-INV-1)', querystring: EarnedListQuery, response: { 200: EarnedPage } },
    },
    (req) => listEarned(deps, ctxOf(req), req.query),
  );

  app.get(
    '/api/v1/invoicing/earned/export',
    {
      config: { permission: 'invoice.prepare' },
      schema: { tags: ['invoicing'], summary: 'The earned list as XLSX or CSV, every row (R-EXC-3)', querystring: EarnedExportQuery, produces: [XLSX_TYPE, 'text/csv'] },
    },
    (req, reply) =>
      sendExport(reply, { format: req.query.format, fileStem: 'te-declareren', today: deps.clock.today(), sheetName: 'Te declareren', columns: earnedColumns, next: earnedExportSource(deps, ctxOf(req), req.query) }),
  );

  app.post(
    '/api/v1/invoicing/runs',
    {
      config: { permission: 'invoice.prepare' },
      schema: { tags: ['invoicing'], summary: 'The invoicing run for one municipality: record what the facts earn, prepare the collective invoice (R-INV-1, R-INV-4)', body: RunInput, response: { 201: RunResult } },
    },
    async (req, reply) => reply.status(201).send(await startRun(deps, ctxOf(req), req.body)),
  );

  app.get(
    '/api/v1/invoicing/centres',
    {
      config: { permission: 'invoice.prepare' },
      schema: { tags: ['invoicing'], summary: "The provider's centre municipalities of half-year contracts and the ended half years, for the round (002 eis 12)", response: { 200: CentreList } },
    },
    (req) => listCentres(deps, ctxOf(req)),
  );

  app.post(
    '/api/v1/invoicing/rounds',
    {
      config: { permission: 'invoice.prepare' },
      schema: {
        tags: ['invoicing'],
        summary: "The half-year round through a centre municipality: a pro-forma invoice per municipality of the centre, their PDFs mailed to the centre's address (002 eis 12-13)",
        body: RoundInput,
        response: { 201: RoundResult },
      },
    },
    async (req, reply) => reply.status(201).send(await startRound(deps, ctxOf(req), req.body)),
  );

  app.get(
    '/api/v1/invoicing/totals',
    {
      config: { permission: 'invoice.totals' },
      schema: { tags: ['invoicing'], summary: 'Amounts invoiced and credited per provider, municipality and product in the room; never persons (R-INV-6)', querystring: TotalsQuery, response: { 200: Totals } },
    },
    (req) => invoicingTotals(deps, ctxOf(req), req.query),
  );

  app.get(
    '/api/v1/invoices',
    {
      config: { permission: 'invoice.read' },
      schema: { tags: ['invoicing'], summary: 'Invoices and credit notes in the room: filter, search, sort, page (R-INV-4)', querystring: InvoiceListQuery, response: { 200: InvoicePage } },
    },
    (req) => listInvoicePage(deps, ctxOf(req), req.query),
  );

  app.get(
    '/api/v1/invoices/export',
    {
      config: { permission: 'invoice.read' },
      schema: { tags: ['invoicing'], summary: 'The filtered invoice list as XLSX or CSV, every row (R-EXC-3)', querystring: InvoiceExportQuery, produces: [XLSX_TYPE, 'text/csv'] },
    },
    (req, reply) =>
      sendExport(reply, { format: req.query.format, fileStem: 'facturen', today: deps.clock.today(), sheetName: 'Facturen', columns: invoiceColumns, next: invoiceExportSource(deps, ctxOf(req), req.query) }),
  );

  app.get(
    '/api/v1/invoices/:invoiceId',
    {
      config: { permission: 'invoice.read' },
      schema: { tags: ['invoicing'], summary: 'An invoice or credit note with its lines per participant (R-INV-4)', params: InvoiceParams, response: { 200: InvoiceDetail } },
    },
    (req) => getInvoice(deps, ctxOf(req), req.params.invoiceId),
  );

  app.get(
    '/api/v1/invoices/:invoiceId/pdf',
    { config: { permission: 'invoice.read' }, schema: { tags: ['invoicing'], summary: 'The invoice or credit note as PDF (R-INV-5)', params: InvoiceParams, produces: ['application/pdf'] } },
    async (req, reply) => sendFile(reply, await invoiceFile(deps, ctxOf(req), req.params.invoiceId, 'pdf')),
  );

  app.get(
    '/api/v1/invoices/:invoiceId/ubl',
    { config: { permission: 'invoice.read' }, schema: { tags: ['invoicing'], summary: 'The invoice or credit note as UBL 2.1 following SI-UBL 2.0 (R-INV-5)', params: InvoiceParams, produces: ['application/xml'] } },
    async (req, reply) => sendFile(reply, await invoiceFile(deps, ctxOf(req), req.params.invoiceId, 'ubl')),
  );

  app.post(
    '/api/v1/invoices/:invoiceId/pro-forma',
    {
      config: { permission: 'invoice.prepare' },
      schema: { tags: ['invoicing'], summary: 'Show the prepared invoice to the municipality as pro-forma (002 eis 12)', params: InvoiceParams, response: { 200: InvoiceSummary } },
    },
    (req) => advance(deps, ctxOf(req), req.params.invoiceId, 'proForma'),
  );

  app.post(
    '/api/v1/invoices/:invoiceId/send',
    {
      config: { permission: 'invoice.prepare' },
      schema: { tags: ['invoicing'], summary: "Send the invoice: its PDF goes to the municipality's invoice address through the outbox (001 Bijlage 4)", params: InvoiceParams, response: { 200: InvoiceSummary } },
    },
    (req) => advance(deps, ctxOf(req), req.params.invoiceId, 'sent'),
  );

  app.post(
    '/api/v1/invoices/:invoiceId/lines/:lineId/check',
    {
      config: { permission: 'invoice.check' },
      schema: { tags: ['invoicing'], summary: 'The municipality approves a line or disputes it with a reason (R-INV-6)', params: LineParams, body: CheckInput, response: { 200: InvoiceLineOut } },
    },
    (req) => checkInvoiceLine(deps, ctxOf(req), req.params, req.body),
  );

  app.get(
    '/api/v1/invoices/:invoiceId/lines/:lineId/evidence',
    {
      config: { permission: 'invoice.read' },
      schema: { tags: ['invoicing'], summary: 'The registered facts that earned the line, and its history (R-INV-6)', params: LineParams, response: { 200: Evidence } },
    },
    (req) => invoiceEvidence(deps, ctxOf(req), req.params),
  );

  app.post(
    '/api/v1/invoices/:invoiceId/credit',
    {
      config: { permission: 'invoice.prepare' },
      schema: { tags: ['invoicing'], summary: 'A credit note reversing lines of the invoice; their events can then be invoiced again (R-INV-6)', params: InvoiceParams, body: CreditInput, response: { 201: InvoiceSummary } },
    },
    async (req, reply) => reply.status(201).send(await creditInvoiceLines(deps, ctxOf(req), req.params.invoiceId, req.body)),
  );
};
