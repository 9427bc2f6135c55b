import { Logger } from '@nestjs/common';
import type { onRequestHookHandler } from 'fastify';

/**
 * Which browser origins may use the API and the socket: the configured ones, and the server's own
 * (an Origin whose host is the request's Host, as when the server serves the client itself).
 * Requests without an Origin (curl, server-side clients, same-origin navigations) are not browser
 * cross-origin requests and pass.
 */
export class OriginPolicy {
  private readonly allowed: Set<string>;

  constructor(origins: readonly string[]) {
    this.allowed = new Set(origins);
  }

  allows(origin: string | undefined, host: string | undefined): boolean {
    if (origin === undefined) return true;
    if (this.allowed.has(origin)) return true;
    try {
      return host !== undefined && new URL(origin).host === host;
    } catch {
      return false; // `null` or anything else that is not a URL
    }
  }
}

const logger = new Logger('CORS');

/** Answers 403 to a request from an origin the policy refuses, before anything else runs. */
export function refuseForeignOrigins(policy: OriginPolicy): onRequestHookHandler {
  return (request, reply, done) => {
    const origin = request.headers.origin;
    if (policy.allows(origin, request.headers.host)) return done();
    logger.warn(`${request.method} ${request.url} → 403: origin ${origin} is not allowed`);
    void reply.code(403).send({ statusCode: 403, message: `origin ${origin} is not allowed` });
  };
}
