// Issue #17 (R-CON-10): /api/v1/contract-versions for the administrator.
import { ctxOf } from '../../platform/http/access-hook.js';
import { realNow } from '../../platform/clock.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { CheckedVersion, ContractVersionList, VersionUpload } from './schemas.js';
import { activateVersion, checkVersion, listVersions } from './service.js';

export const registerContractVersionRoutes: RouteRegistrar = (app, deps) => {
  app.get(
    '/api/v1/contract-versions',
    { config: { permission: 'contract.manage' }, schema: { tags: ['contracts'], summary: 'Every contract with its versions, from the files and activated in Koers', response: { 200: ContractVersionList } } },
    () => listVersions(deps),
  );

  app.post(
    '/api/v1/contract-versions/check',
    {
      config: { permission: 'contract.manage' },
      schema: { tags: ['contracts'], summary: 'Check a new version (YAML or JSON) from a date: its errors by path, or what it changes against the version it follows; changes nothing', body: VersionUpload, response: { 200: CheckedVersion } },
    },
    (req) => checkVersion(deps, req.body, deps.clock.today()),
  );

  app.post(
    '/api/v1/contract-versions',
    {
      config: { permission: 'contract.manage' },
      schema: { tags: ['contracts'], summary: 'Activate a new version from a date: the version before it ends the day before (R-CON-10)', body: VersionUpload, response: { 201: CheckedVersion } },
    },
    async (req, reply) => reply.status(201).send(await activateVersion(deps, ctxOf(req), req.body, deps.clock.today(), realNow())),
  );
};
