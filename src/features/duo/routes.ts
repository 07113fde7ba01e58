// R-EXC-4 (issue #15): the DUO routes — the DUO block of a participant's file and its refresh (consultant,
// own municipality), the delivery queue and its export (functional administrator), Koers' Notificatie API
// (DUO, no session: POST /api/v1/duo/notificaties, answered as DUO's document says), and in demo mode a
// button that has the simulated DUO register an exam result and notify it (SS199).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import { EXPORT_BATCH, ExportFormat, pagedSource, sendExport, XLSX_TYPE } from '../../platform/http/export.js';
import { IdParam, queryInt } from '../../platform/http/input.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { notFound } from '../../platform/errors.js';
import { municipalityOin } from './deliveries.js';
import { DUO_FACT_KINDS, getDuoFile, findDuoParticipant, refreshDuoFile } from './file.js';
import { DELIVERY_NL, DeliveryKinds } from './melding.js';
import { linkOf, NOTIFICATION_BASE } from './link.js';
import { receiveNotification } from './notifications.js';
import { duoDocument } from './openapi.js';
import { duoEventText } from '../../domain/duo/events.js';
import { countQueue, DeliveryStatuses, listQueueRows, queueColumns } from './queue.js';

const tags = ['duo'];
const DeliveryStatus = z.enum(DeliveryStatuses);
const Fact = z.object({ kind: z.enum(DUO_FACT_KINDS), data: z.unknown(), fetchedAt: z.string() });
export const DuoFileSchema = z.object({
  linked: z.boolean(),
  simulator: z.boolean(),
  deliveries: z.array(
    z.object({
      id: z.uuid(),
      api: z.enum(DeliveryKinds),
      label: z.string().describe('The delivery in Dutch'),
      provider: z.string().nullable().describe('The provider whose data it carries (002 eis 26), else null'),
      status: DeliveryStatus,
      createdAt: z.string(),
      sentAt: z.string().nullable(),
      attempts: z.number().int(),
      reasons: z.array(z.string()),
      pip: z.object({ dagtekeningPip: z.string().optional(), leerroute: z.string().optional(), niveau: z.string().optional() }).nullable(),
      body: z.record(z.string(), z.unknown()).nullable().describe("What was delivered, in DUO's field names"),
    }),
  ),
  facts: z.array(Fact),
  notifications: z.array(z.object({ eventCode: z.string(), receivedAt: z.string() })),
  problems: z.array(z.object({ kind: Fact.shape.kind, reason: z.string() })),
});

const QueueFilterQuery = z.object({ status: DeliveryStatus.optional() });
const QueueQuery = QueueFilterQuery.extend({ page: queryInt().min(1).default(1), pageSize: queryInt().min(1).max(100).default(25) });
const QueueItem = z.object({
  id: z.uuid(),
  municipality: z.string(),
  api: z.enum(DeliveryKinds),
  label: z.string().describe('The delivery in Dutch'),
  provider: z.string().nullable().describe('The provider whose data it carries (002 eis 26), else null'),
  berichtId: z.string(),
  status: DeliveryStatus,
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  reasons: z.array(z.string()),
});
const UnknownQuery = z.object({ page: queryInt().min(1).default(1), pageSize: queryInt().min(1).max(100).default(25) });
const UnknownPage = z.object({
  items: z.array(z.object({ berichtId: z.string(), eventCode: z.string(), text: z.string().describe("DUO's event in DUO's words"), municipality: z.string().nullable(), receivedAt: z.string() })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
const QueuePage = z.object({ items: z.array(QueueItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
const ExamResult = z.object({
  onderdeel: z.enum(['KNM', 'LE', 'LU', 'SC', 'SP'], 'Kies een examenonderdeel.'),
  resultaat: z.enum(['Geslaagd', 'Gezakt'], 'Kies geslaagd of gezakt.'),
  niveau: z.enum(['A2', 'B1', 'B2'], 'Kies een niveau.').optional(),
});

export const registerDuoRoutes: RouteRegistrar = (app, deps) => {
  app.get(
    '/api/v1/participants/:id/duo',
    { config: { permission: 'duo.read' }, schema: { tags, summary: 'What was delivered to DUO and what DUO says (duty, term, exams), as last fetched (R-EXC-4)', params: IdParam, response: { 200: DuoFileSchema } } },
    (req) => getDuoFile(deps, linkOf(deps.db), ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/participants/:id/duo/refresh',
    { config: { permission: 'duo.refresh' }, schema: { tags, summary: 'Asks DUO now for the duty, the term, the exam results, the learnability test, exemptions, dispensations and the current PIP (raadpleging, R-EXC-4)', params: IdParam, response: { 200: DuoFileSchema } } },
    (req) => refreshDuoFile(deps, linkOf(deps.db), ctxOf(req), req.params.id),
  );

  // Demo mode: the simulated DUO registers an exam result and notifies it (SS199); Koers then fetches it.
  app.post(
    '/api/v1/participants/:id/duo/demo-exam',
    { config: { permission: 'duo.refresh' }, schema: { tags, summary: 'Demo only: the DUO simulator registers an exam result and notifies Koers (SS199)', params: IdParam, body: ExamResult, response: { 200: DuoFileSchema } } },
    async (req) => {
      const link = linkOf(deps.db);
      const ctx = ctxOf(req);
      const p = await findDuoParticipant(deps.db, ctx, req.params.id);
      if (!link?.simulator || !p) throw notFound();
      const bsn = deps.crypto.decrypt(p.bsnEncrypted);
      const before = link.simulator.person(bsn)?.examenresultaten ?? [];
      const result = { examendatum: deps.clock.today(), resultaat: req.body.resultaat, onderdeel: req.body.onderdeel, ...(req.body.niveau ? { niveau: req.body.niveau } : {}) };
      link.simulator.updatePerson(bsn, { examenresultaten: [...before, result] }, municipalityOin(deps.contracts, p.municipalityCode));
      await link.simulator.notify(bsn, 'SS199');
      return getDuoFile(deps, link, ctx, req.params.id);
    },
  );

  app.get(
    '/api/v1/duo/deliveries',
    { config: { permission: 'duo.queue' }, schema: { tags, summary: 'The DUO delivery queue (admin): waiting, sent, refused; newest first, paged (R-EXC-4)', querystring: QueueQuery, response: { 200: QueuePage } } },
    async (req) => {
      const filter = { status: req.query.status };
      const { rows, total } = await deps.db.transaction(async (tx) => {
        const found = await listQueueRows(tx, filter, { limit: req.query.pageSize, offset: (req.query.page - 1) * req.query.pageSize });
        const n = await countQueue(tx, filter);
        await recordAudit(tx, deps.crypto, ctxOf(req), { name: 'duo.read', status: 'ok', subjects: [], objectType: 'duo_delivery', summary: `queue: ${found.length} of ${n}` });
        return { rows: found, total: n };
      });
      return {
        items: rows.map((r) => ({ ...r, label: DELIVERY_NL[r.api], createdAt: r.createdAt.toISOString(), sentAt: r.sentAt?.toISOString() ?? null })),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/api/v1/duo/deliveries/export',
    { config: { permission: 'duo.queue' }, schema: { tags, summary: 'The filtered DUO delivery queue as XLSX or CSV, every row (R-EXC-3, R-EXC-4)', querystring: QueueFilterQuery.extend({ format: ExportFormat }), produces: [XLSX_TYPE, 'text/csv'] } },
    (req, reply) => {
      const ctx = ctxOf(req);
      const filter = { status: req.query.status };
      return sendExport(reply, {
        format: req.query.format,
        fileStem: 'duo-berichten',
        today: deps.clock.today(),
        sheetName: 'DUO-berichten',
        columns: queueColumns,
        next: pagedSource(EXPORT_BATCH, (page, size) =>
          deps.db.transaction(async (tx) => {
            const rows = await listQueueRows(tx, filter, { limit: size, offset: (page - 1) * size });
            if (page === 1 || rows.length > 0) await recordAudit(tx, deps.crypto, ctx, { name: 'duo.read', status: 'ok', subjects: [], objectType: 'duo_delivery', summary: `export ${req.query.format} batch ${page}: ${rows.length}` });
            return rows;
          }),
        ),
      });
    },
  );

  // Notifications about a person Koers does not know (not the doel municipality's participant): the
  // administrator sees the event and the municipality; DUO's berichtId tells DUO which one. No BSN is kept.
  app.get(
    '/api/v1/duo/notifications/unknown',
    { config: { permission: 'duo.queue' }, schema: { tags, summary: 'DUO notifications about a person Koers does not know (admin), newest first, paged (R-EXC-4)', querystring: UnknownQuery, response: { 200: UnknownPage } } },
    async (req) => {
      const { rows, total } = await deps.db.transaction(async (tx) => {
        const found = await tx.query<{ berichtId: string; eventCode: string; municipality: string | null; receivedAt: Date }>(
          `SELECT n.notification_id AS "berichtId", n.event_code AS "eventCode", m.name AS municipality, n.received_at AS "receivedAt"
           FROM duo_notification n LEFT JOIN municipality m ON m.id = n.municipality_id WHERE n.participant_id IS NULL
           ORDER BY n.received_at DESC, n.notification_id LIMIT $1 OFFSET $2`,
          [req.query.pageSize, (req.query.page - 1) * req.query.pageSize],
        );
        const [n] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM duo_notification WHERE participant_id IS NULL`);
        await recordAudit(tx, deps.crypto, ctxOf(req), { name: 'duo.read', status: 'ok', subjects: [], objectType: 'duo_notification', summary: `unknown persons: ${found.length} of ${n?.n ?? 0}` });
        return { rows: found, total: n?.n ?? 0 };
      });
      return { items: rows.map((r) => ({ ...r, text: duoEventText(r.eventCode), receivedAt: r.receivedAt.toISOString() })), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  // DUO's Notificatie API, answered as its document says: 201, 400, 403 and 500, none with a body; every
  // answer with API-Version and the request's berichtId. (Not problem+json: DUO's contract rules here.)
  app.post(
    `${NOTIFICATION_BASE}/notificaties`,
    {
      config: { permission: 'public' },
      schema: { tags, summary: "DUO's Notificatie API (notificering): DUO tells the municipality an event happened; Koers fetches the data (R-EXC-4)", body: z.unknown() },
    },
    async (req, reply) => {
      // Without a link with DUO there is no Notificatie API to speak of.
      const link = linkOf(deps.db);
      if (!link) throw notFound();
      const headers = { bron: one(req.headers.bron), doel: one(req.headers.doel), berichtid: one(req.headers.berichtid) };
      const answer = await receiveNotification(deps, link, headers, req.body);
      void reply.header('API-Version', duoDocument('Notificatie').version).header('berichtId', headers.berichtid ?? randomUUID());
      // The document gives none of these answers a body (only 503 has Foutmelding); the reason stays in the log.
      if (answer.status === 403 || answer.status === 500) req.log.warn({ status: answer.status }, answer.fouttekst);
      return reply.code(answer.status).send();
    },
  );
};

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
