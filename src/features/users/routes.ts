// Issue #17: /api/v1/users — staff accounts for the administrator (all) and a provider's coordinator
// (its own provider's teachers). Listed with the shared list features and exported (R-EXC-3).
// Account times (made, ended) are real time like sessions and audit lines (realNow), not the business clock.
import type { z } from 'zod';
import { realNow } from '../../platform/clock.js';
import { amsterdamDateTime, EXPORT_BATCH, pagedSource, sendExport, XLSX_TYPE, type ExportColumn } from '../../platform/http/export.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import { IdParam } from '../../platform/http/input.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { ROLE_LABELS } from '../demo/accounts.js';
import { NewUser, OrganisationChoices, UserChange, UserExportQuery, UserItem, UserListQuery, UserPage } from './schemas.js';
import { changeUser, choicesFor, createUser, endUser, exportUserBatch, listUserPage, resetSecondFactor } from './service.js';

const columns: readonly ExportColumn<UserItem>[] = [
  { header: 'Naam', value: (u) => u.name, width: 28 },
  { header: 'E-mailadres', value: (u) => u.email, width: 32 },
  { header: 'Rol', value: (u) => ROLE_LABELS[u.role], width: 22 },
  { header: 'Organisatie', value: (u) => u.organisation?.name ?? null, width: 28 },
  { header: 'Tweede factor', value: (u) => (u.secondFactor ? 'ja' : 'nee'), width: 14 },
  { header: 'Laatst ingelogd', value: (u) => amsterdamDateTime(u.lastLoginAt === null ? null : new Date(u.lastLoginAt)), width: 18 },
  { header: 'Aangemaakt', value: (u) => amsterdamDateTime(new Date(u.createdAt)), width: 18 },
  { header: 'Beëindigd', value: (u) => amsterdamDateTime(u.endedAt === null ? null : new Date(u.endedAt)), width: 18 },
];

export const registerUserRoutes: RouteRegistrar = (app, deps) => {
  const filterOf = (q: z.infer<typeof UserListQuery> | z.infer<typeof UserExportQuery>) => ({ q: q.q, role: q.role, status: q.status, sort: q.sort });

  app.get(
    '/api/v1/users',
    { config: { permission: 'user.manage' }, schema: { tags: ['users'], summary: 'Staff accounts in the actor\'s room: searched, filtered, sorted, paged', querystring: UserListQuery, response: { 200: UserPage } } },
    (req) => listUserPage(deps, ctxOf(req), filterOf(req.query), req.query.page, req.query.pageSize),
  );

  app.get(
    '/api/v1/users/export',
    { config: { permission: 'user.manage' }, schema: { tags: ['users'], summary: 'The filtered accounts as XLSX or CSV (R-EXC-3)', querystring: UserExportQuery, produces: [XLSX_TYPE, 'text/csv'] } },
    (req, reply) => {
      const ctx = ctxOf(req);
      return sendExport(reply, {
        format: req.query.format,
        fileStem: 'gebruikers',
        today: deps.clock.today(),
        sheetName: 'Gebruikers',
        columns,
        next: pagedSource(EXPORT_BATCH, (page, size) => exportUserBatch(deps, ctx, filterOf(req.query), page, size)),
      });
    },
  );

  app.get(
    '/api/v1/users/choices',
    { config: { permission: 'user.manage' }, schema: { tags: ['users'], summary: 'The organisations and roles the actor can give a new account', response: { 200: OrganisationChoices } } },
    (req) => choicesFor(deps, ctxOf(req)),
  );

  app.post(
    '/api/v1/users',
    { config: { permission: 'user.manage' }, schema: { tags: ['users'], summary: 'Make a staff account; a single-use link to choose the password is mailed (7 days)', body: NewUser, response: { 201: UserItem } } },
    async (req, reply) => reply.status(201).send(await createUser(deps, ctxOf(req), req.body, realNow())),
  );

  app.patch(
    '/api/v1/users/:id',
    { config: { permission: 'user.manage' }, schema: { tags: ['users'], summary: 'Change the name or e-mail address (a new address ends its sessions)', params: IdParam, body: UserChange, response: { 200: UserItem } } },
    (req) => changeUser(deps, ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/users/:id/end',
    { config: { permission: 'user.manage' }, schema: { tags: ['users'], summary: 'End the account: no login, its sessions ended and the API keys it made revoked, at once', params: IdParam, response: { 200: UserItem } } },
    (req) => endUser(deps, ctxOf(req), req.params.id, realNow()),
  );

  app.post(
    '/api/v1/users/:id/reset-second-factor',
    { config: { permission: 'user.manage' }, schema: { tags: ['users'], summary: 'Remove the second factor: the user enrols a new one at the next login; its sessions end', params: IdParam, response: { 200: UserItem } } },
    (req) => resetSecondFactor(deps, ctxOf(req), req.params.id),
  );
};
