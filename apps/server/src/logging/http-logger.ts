import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { contextOf } from '../common/request-context';
import { assignRequestId } from '../common/request-id';
import { routeOf } from '../common/route-template';

/** What a request's line says of it (pino's request serializer's fields). */
function requestFields(request: Request, id: string): object {
  return {
    id,
    method: request.method,
    url: request.originalUrl || request.url,
    query: request.query,
    params: request.params,
    headers: request.headers,
    remoteAddress: request.socket.remoteAddress,
    remotePort: request.socket.remotePort,
  };
}

/**
 * One line per request once answered (or aborted): its id (`reqId`, see request-id.ts), method,
 * URL and headers (the cookie redacted by the logger), route template, status, `responseTime` in
 * ms, and the signed-in user; `error` with `err` for a 5xx. Code that logs through Nest's Logger
 * while the request runs gets the `reqId` too (nestjs-pino binds `req.log`). First in the
 * middleware chain, so refused requests log too.
 *
 * The lines are pino-http's, written directly: pino-http builds two child loggers per request,
 * one serializing and redacting the whole request up front, ~0.12 ms a request on this machine
 * (bench/README.md "Write path"); this writes the one line when the response is done.
 */
export function logHttpRequests(logger: Logger): RequestHandler {
  return (request, response, next) => {
    const reqId = assignRequestId(request, response);
    const startedAt = Date.now();
    (request as Request & { log: Logger }).log = logger.child({ reqId });
    const done = (): void => {
      response.off('close', done);
      response.off('finish', done);
      logAnswered(logger, request, response, reqId, Date.now() - startedAt);
    };
    response.on('close', done);
    response.on('finish', done);
    next();
  };
}

function logAnswered(
  logger: Logger,
  request: Request,
  response: Response,
  reqId: string,
  responseTime: number,
): void {
  const fields = {
    reqId,
    req: requestFields(request, reqId),
    res: { statusCode: response.statusCode },
    responseTime,
    route: routeOf(request),
    user: contextOf(request)?.user?.username,
  };
  if (response.statusCode >= 500) {
    const err = new Error(`failed with status code ${response.statusCode}`);
    logger.error({ ...fields, err }, 'request errored');
    return;
  }
  const completed = !request.readableAborted && response.writableEnded;
  logger.info(fields, completed ? 'request completed' : 'request aborted');
}
