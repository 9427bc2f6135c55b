import compression from 'compression';
import type { RequestHandler } from 'express';
import { constants } from 'node:zlib';

/**
 * Compresses responses of 1 kB and more — JSON, and the client's files that have no precompressed
 * sibling — with brotli when the browser accepts it, else gzip. Brotli quality 5: most of quality
 * 11's gain on JavaScript at a fraction of its time, since it runs per response. A response that
 * carries a Content-Encoding already (a client file's `.br` or `.gz`, compressed at build time by
 * tools/precompress-client) is left as it is.
 */
export function compressResponses(): RequestHandler {
  return compression({
    threshold: 1024,
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
}
