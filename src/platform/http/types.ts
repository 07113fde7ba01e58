import type { RequestContext, RoutePermission } from '../access.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares its permission (STYLE 4); the server refuses to start on one without. */
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    ctx?: RequestContext;
  }
}
export {};
