import compress, { type FastifyCompressOptions } from '@fastify/compress';
import { bodyRefused } from './json-body';
import { constants } from 'node:zlib';

/**
 * Compresses responses of 1 kB and more — JSON, and the client's files that have no precompressed
 * sibling — with brotli when the browser accepts it, else gzip. Brotli quality 4, since it runs per
 * response: on this app's JSON and first-screen page (uuids, 300 kB) it is 2.4 times as fast as
 * quality 5 and its output 2 % smaller (bench/README.md, "Brotli quality 4"). A response that
 * carries a Content-Encoding already (a client file's `.br` or `.gz`, compressed at build time by
 * tools/precompress-client) is left as it is. Request bodies sent with gzip, deflate or brotli are
 * inflated; another Content-Encoding is refused with 415.
 */
export function compressResponses(): [typeof compress, FastifyCompressOptions] {
  return [
    compress,
    {
      threshold: 1024,
      encodings: ['br', 'gzip'],
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
      onUnsupportedRequestEncoding: (encoding) =>
        bodyRefused(415, `unsupported content encoding "${encoding}"`),
      onInvalidRequestPayload: (encoding) => bodyRefused(400, `body is not valid ${encoding} data`),
    },
  ];
}
