import type { RouteRegistrar } from '../../platform/http/server.js';

// Documents (R-REF-7) — being built; see src/features/documents/.
export const registerDocumentRoutes: RouteRegistrar = () => undefined;
