import { Logger } from '@nestjs/common';
import type { RequestHandler } from 'express';

const logger = new Logger('HTTP');

/** One debug line per request, once answered: method, URL, status, time. */
export function logRequests(): RequestHandler {
  return (request, response, next) => {
    const started = performance.now();
    response.on('finish', () => {
      const ms = (performance.now() - started).toFixed(1);
      logger.debug(`${request.method} ${request.originalUrl} ${response.statusCode} ${ms} ms`);
    });
    next();
  };
}
