import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type RequestHandler } from 'express';

/** Paths the client app never shadows. */
const SERVER_PATHS = /^\/(api|socket\.io)(\/|$)/;
/** A path naming a file (`/main.js`) rather than an app route (`/locations/3`). */
const FILE_PATH = /\.[^/]*$/;

/**
 * Serves the built Angular client at `/` when its folder holds an index.html: its files, and
 * index.html for any other GET of an app route (SPA fallback). `/api` and `/socket.io` stay the
 * server's. Returns whether it serves the client.
 */
export function serveClientApp(app: NestExpressApplication, dir: string): boolean {
  const logger = new Logger('Client');
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.log(`No client build at ${dir}: serving the API only`);
    return false;
  }
  const files = express.static(dir, { index: false, maxAge: '1h' });
  const handler: RequestHandler = (request, response, next) => {
    if (SERVER_PATHS.test(request.path)) return next();
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    files(request, response, () => {
      if (FILE_PATH.test(request.path)) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
    });
  };
  app.use(handler);
  logger.log(`Serving the client from ${dir}`);
  return true;
}
