// Issue #13: GET /api/v1/reports/contracts — the contracts whose reports reach the actor (its report
// room, src/features/reports/room.ts), for the choosers of the management information page and the
// dashboard: the contract, the municipalities in the room and the products, and whether the actor sees
// personal or suppressed aggregate figures. No figures and no personal data, so no audit line.
import { z } from 'zod';
import { ctxOf } from '../../platform/http/access-hook.js';
import type { RouteRegistrar } from '../../platform/http/server.js';
import { reportRoomOf } from './room.js';

const Named = z.object({ code: z.string(), name: z.string() });
export const ReportContractsResponse = z.object({
  contracts: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      region: Named,
      audience: z.enum(['personal', 'aggregate']).describe("'aggregate': the contract manager or policy officer, counts suppressed (R-MI-6)"),
      municipalities: z.array(Named).describe("The contract's municipalities in the actor's room, in contract order"),
      products: z.array(Named),
    }),
  ),
});

export const registerReportContractsRoute: RouteRegistrar = (app, deps) => {
  app.get(
    '/api/v1/reports/contracts',
    {
      config: { permission: 'report.read' },
      schema: { tags: ['reports'], summary: "The contracts in the actor's report room, with its municipalities and the contract's products (R-SEC-1)", response: { 200: ReportContractsResponse } },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const contracts = [];
      for (const contract of deps.contracts.contracts) {
        const room = await reportRoomOf(deps.db, ctx, contract);
        if (room === undefined) continue;
        contracts.push({
          id: contract.id,
          name: contract.name,
          region: contract.region,
          audience: room.audience,
          municipalities: room.municipalities.map((m) => ({ code: m.code, name: m.name })),
          products: contract.products.map((p) => ({ code: p.code, name: p.name })),
        });
      }
      return { contracts };
    },
  );
};
