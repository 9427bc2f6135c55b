import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Logger } from 'pino';
import { contextOf } from '../common/request-context';
import { assignRequestId } from '../common/request-id';
import { routeOf } from '../common/route-template';

/** Who sent a request, read when it arrives (its socket may be gone once it is answered). */
interface Peer {
  remoteAddress: string | undefined;
  remotePort: number | undefined;
}

/** What a request's line says of it (pino's request serializer's fields). */
function requestFields(request: FastifyRequest, id: string, peer: Peer): object {
  return {
    id,
    method: request.method,
    url: request.url,
    query: request.query,
    params: request.params,
    headers: request.headers,
    ...peer,
  };
}

/**
 * One line per request once answered (or aborted): its id (`reqId`, see request-id.ts), method,
 * URL and headers (the cookie redacted by the logger), route template, status, `responseTime` in
 * ms, and the signed-in user; `error` with `err` for a 5xx. Code that logs through Nest's Logger
 * while the request runs gets the `reqId` too (nestjs-pino binds `req.log`). Among the first
 * hooks, so refused requests log too.
 *
 * The lines are pino-http's, written directly: pino-http builds two child loggers per request,
 * one serializing and redacting the whole request up front, ~0.12 ms a request on this machine
 * (bench/README.md "Write path"); this writes the one line when the response is done.
 */
export function logHttpRequests(logger: Logger): onRequestHookHandler {
  return (request, reply, done) => {
    const { raw } = request;
    const response = reply.raw;
    const reqId = assignRequestId(raw, response);
    const startedAt = Date.now();
    const { remoteAddress, remotePort } = raw.socket;
    // nestjs-pino binds the request's logger, which Fastify's middleware engine takes from here.
    request.log = logger.child({ reqId });
    const answered = (): void => {
      response.off('close', answered);
      response.off('finish', answered);
      const peer = { remoteAddress, remotePort };
      const responseTime = Date.now() - startedAt;
      // A turn of the event loop later: the notifications of the request's writes, scheduled
      // when they committed, go out before its line is built (~0.2 ms of a cold request).
      setImmediate(() => logAnswered(logger, request, reply, { reqId, peer, responseTime }));
    };
    response.on('close', answered);
    response.on('finish', answered);
    done();
  };
}

function logAnswered(
  logger: Logger,
  request: FastifyRequest,
  reply: FastifyReply,
  { reqId, peer, responseTime }: { reqId: string; peer: Peer; responseTime: number },
): void {
  const { statusCode } = reply.raw;
  const fields = {
    reqId,
    req: requestFields(request, reqId, peer),
    res: { statusCode },
    responseTime,
    route: routeOf(request),
    user: contextOf(request.raw)?.user?.username,
  };
  if (statusCode >= 500) {
    const err = new Error(`failed with status code ${statusCode}`);
    logger.error({ ...fields, err }, 'request errored');
    return;
  }
  const completed = !request.raw.readableAborted && reply.raw.writableEnded;
  logger.info(fields, completed ? 'request completed' : 'request aborted');
}
