import type { Request } from 'express';

/** What requests that matched no route (client files, 404s) are counted and logged as. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The template of the route a request matched (`/api/:table`), never its URL: one label value
 * per route, whatever the ids and queries. Known once the router has matched it.
 */
export function routeOf(request: Request): string {
  const path: unknown = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : UNMATCHED_ROUTE;
}
