import { Logger } from '@nestjs/common';
import { json, type RequestHandler } from 'express';

/** The largest request body accepted: 1 MB. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const logger = new Logger('HTTP');

/**
 * Parses JSON bodies up to {@link BODY_LIMIT_BYTES}. Express's own error page would carry a stack
 * trace, so parse errors are answered here: 413 for an oversized body, 400 for malformed JSON.
 */
export function jsonBody(limit = BODY_LIMIT_BYTES): RequestHandler {
  const parse = json({ limit });
  return (request, response, next) =>
    parse(request, response, (error?: unknown) => {
      if (!error) return next();
      const failure = error as { status?: number; type?: string; message?: string };
      const tooLarge = failure.type === 'entity.too.large';
      const statusCode = tooLarge
        ? 413
        : (failure.status ?? 400) < 500
          ? (failure.status ?? 400)
          : 400;
      const message = tooLarge
        ? `body is larger than ${limit / 1024 / 1024} MB`
        : failure.type === 'entity.parse.failed'
          ? 'body is not valid JSON'
          : (failure.message ?? 'body could not be read');
      logger.warn(`${request.method} ${request.originalUrl} → ${statusCode}: ${failure.message}`);
      response.status(statusCode).json({ statusCode, message });
    });
}
