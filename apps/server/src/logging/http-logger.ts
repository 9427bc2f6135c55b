import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { contextOf } from '../common/request-context';
import { assignRequestId } from '../common/request-id';
import { routeOf } from '../common/route-template';

/** What the line of an answered request adds to pino-http's: the route template and the user. */
function answered(request: Request, fields: object): object {
  return { ...fields, route: routeOf(request), user: contextOf(request)?.user?.username };
}

/**
 * One line per request once answered (or aborted): its id (`reqId`, see request-id.ts), method,
 * URL and headers (the cookie redacted), route template, status, `responseTime` in ms, and the
 * signed-in user. Code that logs through Nest's Logger while the request runs gets the `reqId`
 * too (nestjs-pino binds `req.log`). First in the middleware chain, so refused requests log too.
 */
export function logHttpRequests(logger: Logger): RequestHandler {
  return pinoHttp<Request, Response>({
    logger,
    genReqId: assignRequestId,
    quietReqLogger: true,
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : 'info',
    customSuccessObject: (request, _response, fields: object) => answered(request, fields),
    customErrorObject: (request, _response, _error, fields: object) => answered(request, fields),
    // Only the status: the response's headers are the same security headers every time.
    serializers: {
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  });
}
