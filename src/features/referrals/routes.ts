import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { IdParam } from '../../platform/http/input.js';
import { sendExport, XLSX_TYPE } from '../../platform/http/export.js';
import { referralColumns } from './export.js';
import { getReferralDetail, recordReferralEvent } from './lifecycle.js';
import { Referral, ReferralCreate, ReferralDetail, ReferralEventInput, ReferralExportQuery, ReferralListQuery, ReferralOptions, ReferralPage } from './schemas.js';
import { acknowledgeReferral, createReferral, listReferrals, referralExportSource, referralOptions } from './service.js';

export const registerReferralRoutes: RouteRegistrar = (app, deps) => {
  app.get(
    '/api/v1/referral-options',
    { config: { permission: 'referral.options' }, schema: { tags: ['referrals'], summary: 'Providers and products the municipality can refer to today', response: { 200: ReferralOptions } } },
    (req) => referralOptions(deps, ctxOf(req)),
  );

  app.post(
    '/api/v1/referrals',
    {
      config: { permission: 'referral.create' },
      schema: { tags: ['referrals'], summary: 'Refer a participant to a contracted provider (R-REF-1)', body: ReferralCreate, response: { 201: Referral } },
    },
    async (req, reply) => reply.status(201).send(await createReferral(deps, ctxOf(req), req.body)),
  );

  app.get(
    '/api/v1/referrals',
    {
      config: { permission: 'referral.list' },
      schema: { tags: ['referrals'], summary: 'Referrals in the actor\'s room: filter, search, sort, page', querystring: ReferralListQuery, response: { 200: ReferralPage } },
    },
    (req) => listReferrals(deps, ctxOf(req), req.query),
  );

  // R-EXC-3: the whole filtered list of GET /referrals (same permission, scope and filter), streamed.
  app.get(
    '/api/v1/referrals/export',
    {
      config: { permission: 'referral.list' },
      schema: { tags: ['referrals'], summary: 'The filtered referral list as XLSX or CSV, every row (R-EXC-3)', querystring: ReferralExportQuery, produces: [XLSX_TYPE, 'text/csv'] },
    },
    (req, reply) =>
      sendExport(reply, {
        format: req.query.format,
        fileStem: 'aanmeldingen',
        today: deps.clock.today(),
        sheetName: 'Aanmeldingen',
        columns: referralColumns,
        next: referralExportSource(deps, ctxOf(req), req.query),
      }),
  );

  app.post(
    '/api/v1/referrals/:id/acknowledgement',
    {
      config: { permission: 'referral.acknowledge' },
      schema: { tags: ['referrals'], summary: 'The provider acknowledges a referral (R-REF-2)', params: IdParam, response: { 200: Referral } },
    },
    (req) => acknowledgeReferral(deps, ctxOf(req), req.params.id),
  );

  app.get(
    '/api/v1/referrals/:id',
    {
      config: { permission: 'referral.read' },
      schema: { tags: ['referrals'], summary: 'A referral with its timeline, pending steps and learning plans (R-REF-2)', params: IdParam, response: { 200: ReferralDetail } },
    },
    (req) => getReferralDetail(deps, ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/referrals/:id/events',
    {
      config: { permission: 'referral.progress' },
      schema: {
        tags: ['referrals'],
        summary: 'Take a lifecycle step (R-REF-2, R-REF-3, R-REF-4, R-REF-5, R-REF-6); lockVersion guards against concurrent changes (409)',
        params: IdParam,
        body: ReferralEventInput,
        response: { 200: ReferralDetail },
      },
    },
    (req) => recordReferralEvent(deps, ctxOf(req), req.params.id, req.body),
  );
};
