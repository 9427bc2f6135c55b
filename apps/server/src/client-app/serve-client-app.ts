import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type RequestHandler } from 'express';
import { METRICS_PATH } from '../metrics/metrics.service';

/** Paths the client app never shadows. */
const SERVER_PATHS = new RegExp(`^/(api|socket\\.io|${METRICS_PATH})(/|$)`);
/** A path naming a file (`/main.js`) rather than an app route (`/locations/3`). */
const FILE_PATH = /\.[^/]*$/;
/** A build file whose name carries its content hash (`main-SZSULD6F.js`): it never changes. */
const HASHED_FILE = /-[A-Z0-9]{8}\.[a-z0-9]+$/;

const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Anything else (index.html, favicon): revalidated every time, cheap with its ETag. */
const REVALIDATE = 'no-cache';

/**
 * Serves the built Angular client at `/` when its folder holds an index.html: its files, and
 * index.html for any other GET of an app route (SPA fallback). `/api`, `/socket.io` and `/metrics`
 * stay the server's. Hashed files are cached for a year, everything else revalidated. Returns whether it
 * serves the client.
 */
export function serveClientApp(app: NestExpressApplication, dir: string): boolean {
  const logger = new Logger('Client');
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.log(`No client build at ${dir}: serving the API only`);
    return false;
  }
  const files = express.static(dir, {
    index: false,
    setHeaders: (response, path) =>
      response.setHeader(
        'Cache-Control',
        HASHED_FILE.test(basename(path)) ? IMMUTABLE : REVALIDATE,
      ),
  });
  const handler: RequestHandler = (request, response, next) => {
    if (SERVER_PATHS.test(request.path)) return next();
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    files(request, response, () => {
      if (FILE_PATH.test(request.path)) return next();
      response.setHeader('Cache-Control', REVALIDATE);
      response.sendFile(index);
    });
  };
  app.use(handler);
  logger.log(`Serving the client from ${dir}`);
  return true;
}
