// Issue #17: /api/v1/organisations for the administrator.
import { z } from 'zod';
import { realNow } from '../../platform/clock.js';
import { ctxOf } from '../../platform/http/access-hook.js';
import { str } from '../../platform/http/input.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { changeIdentifier, listOrganisations } from './service.js';

const Organisation = z.object({
  kind: z.enum(['region', 'municipality', 'provider']),
  code: z.string(),
  name: z.string(),
  oin: z.string().nullable(),
  kvkNumber: z.string().nullable(),
  contracts: z.array(z.string()),
  changedInKoers: z.boolean(),
});

const MunicipalityChange = z.object({ oin: str().trim().regex(/^\d{20}$/, 'Een OIN heeft 20 cijfers.') });
const ProviderChange = z.object({ kvkNumber: str().trim().regex(/^\d{8}$/, 'Een KvK-nummer heeft 8 cijfers.') });
const CodeParam = z.object({ code: str().min(1).max(100) });

export const registerOrganisationAdminRoutes: RouteRegistrar = (app, deps) => {
  app.get(
    '/api/v1/organisations',
    { config: { permission: 'organisation.manage' }, schema: { tags: ['organisations'], summary: 'Every region, municipality and provider with its identifiers and contracts', response: { 200: z.object({ items: z.array(Organisation) }) } } },
    () => listOrganisations(deps),
  );
  app.patch(
    '/api/v1/organisations/municipalities/:code',
    { config: { permission: 'organisation.manage' }, schema: { tags: ['organisations'], summary: "Change a municipality's OIN (the e-invoice's buyer id, DUO's source OIN)", params: CodeParam, body: MunicipalityChange, response: { 200: Organisation } } },
    (req) => changeIdentifier(deps, ctxOf(req), { kind: 'municipality', code: req.params.code, oin: req.body.oin }, realNow()),
  );
  app.patch(
    '/api/v1/organisations/providers/:code',
    { config: { permission: 'organisation.manage' }, schema: { tags: ['organisations'], summary: "Change a provider's KvK number (on the provider and its invoices)", params: CodeParam, body: ProviderChange, response: { 200: Organisation } } },
    (req) => changeIdentifier(deps, ctxOf(req), { kind: 'provider', code: req.params.code, kvkNumber: req.body.kvkNumber }, realNow()),
  );
};
