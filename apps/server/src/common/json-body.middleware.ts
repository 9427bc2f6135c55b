import { Logger } from '@nestjs/common';
import { json, type RequestHandler } from 'express';

/** The largest request body accepted: 1 MB. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const logger = new Logger('HTTP');

/** The charset a Content-Type names, lower-cased, or undefined. */
function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
}

/**
 * Parses JSON bodies up to {@link BODY_LIMIT_BYTES}. Express's own error page would carry a stack
 * trace, so parse errors are answered here: 413 for an oversized body, 400 for malformed JSON,
 * 415 for a JSON body in another charset than UTF-8 (RFC 8259 §8.1; decoding bytes the sender
 * meant as UTF-8 as UTF-7 or UTF-16 would store other text than was typed).
 */
export function jsonBody(limit = BODY_LIMIT_BYTES): RequestHandler {
  const parse = json({ limit });
  return (request, response, next) => {
    const charset = charsetOf(request.headers['content-type']);
    if (charset && charset !== 'utf-8' && charset !== 'utf8' && request.is('application/json')) {
      const message = `a JSON body must be UTF-8, not "${charset}"`;
      logger.warn(`${request.method} ${request.originalUrl} → 415: ${message}`);
      response.status(415).json({ statusCode: 415, message });
      return;
    }
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
  };
}
