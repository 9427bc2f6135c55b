import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The header a request's id comes in (from a proxy or a client) and goes back out in. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

/** An incoming id is kept when it is a plain token (a UUID, a trace id); anything else is replaced. */
const SANE_ID = /^[A-Za-z0-9._:=+/@-]{1,128}$/;

const ids = new WeakMap<IncomingMessage, string>();

/**
 * The request's id, chosen on the first call: the incoming `X-Request-Id` when it is a sane
 * token, else a new UUID; it is echoed in the response's `X-Request-Id`. The request logger calls
 * this first thing.
 */
export function assignRequestId(request: IncomingMessage, response: ServerResponse): string {
  const known = ids.get(request);
  if (known) return known;
  const incoming = request.headers[REQUEST_ID_HEADER.toLowerCase()];
  const id = typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
  ids.set(request, id);
  response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** The id {@link assignRequestId} gave the request, if it ran. */
export function requestIdOf(request: IncomingMessage): string | undefined {
  return ids.get(request);
}
