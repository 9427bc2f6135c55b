import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route of the client app's files and pages: counted and logged as unmatched. */
    clientApp?: boolean;
  }
}

/** What requests that matched no route (client files, 404s) are counted and logged as. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The template of the API route a request matched (`/api/:table`), never its URL: one label
 * value per route, whatever the ids and queries. The client app's files and pages, and requests
 * that matched nothing, are {@link UNMATCHED_ROUTE}.
 */
export function routeOf(request: Pick<FastifyRequest, 'routeOptions'>): string {
  const { url, config } = request.routeOptions;
  return typeof url === 'string' && !config?.clientApp ? url : UNMATCHED_ROUTE;
}
