// Participation activities, hours per kind and the participation ladder (issue #12: R-MAP-1, R-MAP-2,
// R-MAP-4, R-HRS-1, R-HRS-2). Who may write is decided in the service (see its file comment).
import type { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import { MAX_IMPORT_BYTES, tooLarge } from '../imports/readers.js';
import { sendExport, XLSX_TYPE as EXPORT_XLSX } from '../../platform/http/export.js';
import { importActivities } from './import.js';
import { listParticipation, participationColumns, participationExportSource } from './list.js';
import { ParticipationExportQuery, ParticipationListQuery, ParticipationPage } from './list-schemas.js';
import { getMapProgress, setMapTheme } from './map-themes.js';
import { IdParam } from '../participants/schemas.js';
import { Activity, ActivityCorrection, ActivityCreate, ActivityImportResult, ActivityList, Ladder, LadderCreate, MapProgress, MapThemeParams, MapThemeUpdate, ParticipationSummary } from './schemas.js';
import { correctActivity, getLadder, listActivities, participationSummary, recordLadderStep, registerActivity } from './service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_TYPES = ['text/csv', 'application/csv'];

export const registerParticipationRoutes: RouteRegistrar = (app, deps) => {
  const tags = ['participation'];
  app.get(
    '/api/v1/participation/participants',
    {
      config: { permission: 'participation.read' },
      schema: {
        tags,
        summary: "The participation provider's day: participants in the room with a participation or MAP referral, hours per kind, the MAP practical part, the next 200-hour meeting, the ladder step now; searched, sorted, paged",
        querystring: ParticipationListQuery,
        response: { 200: ParticipationPage },
      },
    },
    (req) => listParticipation(deps, ctxOf(req), req.query),
  );
  // R-EXC-3: the whole filtered list of GET /participation/participants, streamed.
  app.get(
    '/api/v1/participation/participants/export',
    { config: { permission: 'participation.read' }, schema: { tags, summary: 'The participation list as XLSX or CSV, every row (R-EXC-3)', querystring: ParticipationExportQuery, produces: [EXPORT_XLSX, 'text/csv'] } },
    (req, reply) =>
      sendExport(reply, { format: req.query.format, fileStem: 'deelname', today: deps.clock.today(), sheetName: 'Deelname', columns: participationColumns, next: participationExportSource(deps, ctxOf(req), req.query) }),
  );

  app.get(
    '/api/v1/participants/:id/participation-activities',
    { config: { permission: 'participation.read' }, schema: { tags, summary: 'The participant\'s participation activities, every provider\'s, current versions (R-MAP-2)', params: IdParam, response: { 200: ActivityList } } },
    (req) => listActivities(deps, ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/participants/:id/participation-activities',
    {
      config: { permission: 'participation.write' },
      schema: {
        tags,
        summary: 'Register an activity under a participation or MAP referral to the own provider (R-MAP-2); 403 for a provider that serves the participant for another product',
        params: IdParam,
        body: ActivityCreate,
        response: { 201: Activity },
      },
    },
    async (req, reply) => reply.status(201).send(await registerActivity(deps, ctxOf(req), req.params.id, req.body)),
  );

  app.put(
    '/api/v1/participation-activities/:id',
    {
      config: { permission: 'participation.write' },
      schema: { tags, summary: 'Correct an activity: a new version, the old one kept; 409 when the version read is not the current one', params: IdParam, body: ActivityCorrection, response: { 200: Activity } },
    },
    (req) => correctActivity(deps, ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/participants/:id/participation-summary',
    {
      config: { permission: 'participation.read' },
      schema: { tags, summary: 'Hours per activity kind and hour kind, the MAP practical part against 40 hours, the 200-hour meetings due (R-HRS-1, R-MAP-1, R-HRS-2)', params: IdParam, response: { 200: ParticipationSummary } },
    },
    (req) => participationSummary(deps, ctxOf(req), req.params.id),
  );

  app.get(
    '/api/v1/participants/:id/participation-ladder',
    { config: { permission: 'participation.read' }, schema: { tags, summary: 'The participation ladder: every record and the step per moment (R-MAP-4)', params: IdParam, response: { 200: Ladder } } },
    (req) => getLadder(deps, ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/participants/:id/participation-ladder',
    {
      config: { permission: 'participation.write' },
      schema: { tags, summary: 'Record a ladder step 1–6 at referral, during or at the end (R-MAP-4); earlier records stay', params: IdParam, body: LadderCreate, response: { 201: Ladder } },
    },
    async (req, reply) => reply.status(201).send(await recordLadderStep(deps, ctxOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/v1/participants/:id/map-themes',
    { config: { permission: 'participation.read' }, schema: { tags, summary: 'The eight MAP themes with their status, the practical part, and whether the MAP is ready for the end conversation (R-MAP-1)', params: IdParam, response: { 200: MapProgress } } },
    (req) => getMapProgress(deps, ctxOf(req), req.params.id),
  );

  app.put(
    '/api/v1/participants/:id/map-themes/:theme',
    { config: { permission: 'participation.write' }, schema: { tags, summary: 'Set the status of one MAP theme (R-MAP-1); the participation or MAP provider only', params: MapThemeParams, body: MapThemeUpdate, response: { 200: MapProgress } } },
    (req) => setMapTheme(deps, ctxOf(req), req.params.id, req.params.theme, req.body),
  );

  // Encapsulated, as the attendance import: only this route takes CSV/XLSX, as a stream.
  void app.register((scoped, _opts, done) => {
    const passStream = (_req: unknown, payload: unknown, parsed: (err: Error | null, body?: unknown) => void) => parsed(null, payload);
    scoped.addContentTypeParser([...CSV_TYPES, XLSX], passStream);
    scoped.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/imports/participation-activities',
      {
        config: { permission: 'participation.write' },
        schema: {
          tags,
          summary: 'Import participation activities (text/csv or XLSX, at most 20 MB): all rows or none, 422 names each bad row and field; each row\'s eigen-id is the activity, so the same file twice changes nothing',
          consumes: [...CSV_TYPES, XLSX],
          response: { 201: ActivityImportResult },
        },
      },
      async (req, reply) => {
        const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        const kind = type === XLSX ? 'xlsx' : CSV_TYPES.includes(type) ? 'csv' : undefined;
        if (kind === undefined) throw new AppError('unsupportedMediaType', 'Lever een CSV- of Excel-bestand (.xlsx) aan.', [{ name: 'file', code: 'notASheet', reason: 'Alleen text/csv of .xlsx.' }]);
        if (Number(req.headers['content-length'] ?? 0) > MAX_IMPORT_BYTES) throw tooLarge();
        return reply.status(201).send(await importActivities(deps, ctxOf(req), req.body as Readable, kind));
      },
    );
    done();
  });
};
