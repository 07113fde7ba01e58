import type { RouteRegistrar } from '../../platform/http/server.js';

// Mail outbox for admins — being built; see src/platform/outbox.ts.
export const registerOutboxRoutes: RouteRegistrar = () => undefined;
