import type { FastifyInstance } from 'fastify';

/** The largest request body accepted: 1 MB. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The charset a Content-Type names, lower-cased, or undefined. */
function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
}

/**
 * A body refused before the route runs: an error with a 4xx `statusCode`, which the exception
 * filter answers `{ statusCode, message }`. Its fields are own and enumerable, so that a plugin
 * can copy them onto an error of its own (the compression plugin does).
 */
export function bodyRefused(statusCode: number, message: string): Error {
  return Object.assign(new Error(), { statusCode, message });
}

const tooLarge = () => bodyRefused(413, `body is larger than ${BODY_LIMIT_BYTES / 1024 / 1024} MB`);

/**
 * Parses JSON bodies up to {@link BODY_LIMIT_BYTES}; gzip, deflate and brotli bodies are inflated
 * first (the compression plugin). A body of any other type is read and left out: the route's
 * validation answers for what is missing. Refused: 413 for an oversized body (by its declared
 * length before it is read; Fastify's `bodyLimit` stops one sent without), 400 for malformed JSON,
 * 415 for a JSON body in another charset than UTF-8 (RFC 8259 §8.1; decoding bytes the sender
 * meant as UTF-8 as UTF-7 or UTF-16 would store other text than was typed).
 */
export function jsonBodies(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const declared = Number(request.headers['content-length']);
    if (declared > BODY_LIMIT_BYTES) return done(tooLarge(), payload);
    done(null, payload);
  });
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    // As bytes: decoded here, a bad byte becomes U+FFFD (Fastify's own decoding would count the
    // decoded text's bytes against Content-Length and refuse the body).
    { parseAs: 'buffer' },
    (request, bytes: Buffer, done) => {
      const charset = charsetOf(request.headers['content-type']);
      if (charset && charset !== 'utf-8' && charset !== 'utf8') {
        done(bodyRefused(415, `a JSON body must be UTF-8, not "${charset}"`), undefined);
        return;
      }
      const body = bytes.toString('utf8');
      if (body.length === 0) return done(null, {});
      try {
        done(null, JSON.parse(body));
      } catch {
        done(bodyRefused(400, 'body is not valid JSON'), undefined);
      }
    },
  );
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _bytes, done) =>
    done(null, undefined),
  );
}
