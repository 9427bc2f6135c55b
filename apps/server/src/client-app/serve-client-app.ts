import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { METRICS_PATH } from '../metrics/metrics.service';

/** Paths the client app never shadows. */
const SERVER_PATHS = new RegExp(`^/(api|socket\\.io|${METRICS_PATH})(/|$)`);
/** A path naming a file (`/main.js`) rather than an app route (`/locations/3`). */
const FILE_PATH = /\.[^/]*$/;
/** A build file whose name carries its content hash (`main-SZSULD6F.js`): it never changes. */
const HASHED_FILE = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
/** A precompressed sibling the build wrote (`main-SZSULD6F.js.br`), named after its file. */
const PRECOMPRESSED = /\.(br|gz)$/;

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Anything else (index.html, favicon): revalidated every time, cheap with its ETag. */
const REVALIDATE = 'no-cache';

/**
 * Serves the built Angular client at `/` when its folder holds an index.html: its files, and
 * index.html for any other GET of an app route (SPA fallback). `/api`, `/socket.io` and `/metrics`
 * stay the server's. Hashed files are cached for a year, everything else revalidated. Returns whether it
 * serves the client.
 *
 * A file with a precompressed sibling (`<file>.br`, `<file>.gz`, written at build time by
 * tools/precompress-client) is answered with that sibling when the browser accepts its encoding,
 * brotli first, with Content-Encoding, Vary: Accept-Encoding and the file's own Content-Type: the
 * compression middleware leaves a response that is encoded already alone. A file without one is
 * sent as it is, and the middleware compresses it per request as before. The siblings are looked
 * up once, when the server starts.
 */
export function serveClientApp(app: NestExpressApplication, dir: string): boolean {
  const logger = new Logger('Client');
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.log(`No client build at ${dir}: serving the API only`);
    return false;
  }
  const files = expressStaticGzip(dir, {
    index: false,
    enableBrotli: true,
    orderPreference: ['br', 'gzip'],
    serveStatic: {
      index: false,
      // `path` is the file sent: a sibling's cache rule is its file's.
      setHeaders: (response, path) =>
        response.setHeader(
          'Cache-Control',
          HASHED_FILE.test(basename(path).replace(PRECOMPRESSED, '')) ? IMMUTABLE : REVALIDATE,
        ),
    },
  });
  const handler: RequestHandler = (request, response, next) => {
    if (SERVER_PATHS.test(request.path)) return next();
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    files(request, response, () => {
      // A sibling that has gone since the start: what follows must not claim its encoding.
      response.removeHeader('Content-Encoding');
      response.removeHeader('Content-Type');
      if (FILE_PATH.test(request.path)) return next();
      response.setHeader('Cache-Control', REVALIDATE);
      response.sendFile(index);
    });
  };
  app.use(handler);
  logger.log(`Serving the client from ${dir}`);
  return true;
}
