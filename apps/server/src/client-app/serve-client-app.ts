import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { withinTime } from '../common/within-time';
import { METRICS_PATH } from '../metrics/metrics.service';
import { FirstScreenReader } from './first-screen-reader';
import { indexWithFirstScreen } from './index-page';
import { modulePreloads, screenChunks } from './screen-chunks';

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
/** index.html with a user's first screen in it: theirs alone, revalidated every time. */
const PERSONAL = 'private, no-cache';
/**
 * How long a page waits for its first screen to be read: past it, the page goes without (the
 * client then loads the rows itself) rather than keep the browser from fetching the app's files.
 */
export const FIRST_SCREEN_READ_MS = 300;

/**
 * Serves the built Angular client at `/` when its folder holds an index.html: its files, and
 * index.html for any other GET of an app route (SPA fallback). `/api`, `/socket.io` and
 * `/metrics` stay the server's. Hashed files are cached for a year, everything else revalidated.
 * Returns whether it serves the client.
 *
 * A file with a precompressed sibling (`<file>.br`, `<file>.gz`, written at build time by
 * tools/precompress-client) is answered with that sibling when the browser accepts its encoding,
 * brotli first, with Content-Encoding, Vary: Accept-Encoding and the file's own Content-Type: the
 * compression plugin leaves a response that is encoded already alone. A file without one is
 * sent as it is, and the compression plugin compresses it per request. A sibling is looked up
 * for each request, like the file itself.
 *
 * The page of a request with a valid session cookie carries that user's first screen
 * ({@link FirstScreenReader}, {@link indexWithFirstScreen}) and preloads the lazily loaded
 * chunks of the app's screens ({@link screenChunks}): the client shows the tree without waiting
 * for a request or a chunk it would only find out about later. Without a session, or when
 * reading it fails or takes too long, the page is index.html as built.
 */
export async function serveClientApp(app: NestFastifyApplication, dir: string): Promise<boolean> {
  const logger = new Logger('Client');
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.log(`No client build at ${dir}: serving the API only`);
    return false;
  }
  await app.register(fastifyStatic, {
    root: dir,
    serve: false,
    index: false,
    preCompressed: true,
    cacheControl: false,
    // `path` is the file sent: a sibling's cache rule is its file's.
    setHeaders: (reply, path) =>
      void reply.header(
        'Cache-Control',
        HASHED_FILE.test(basename(path).replace(PRECOMPRESSED, '')) ? IMMUTABLE : REVALIDATE,
      ),
  });
  const indexHtml = readFileSync(index, 'utf8');
  const preloads = modulePreloads(screenChunks(dir, indexHtml));
  const firstScreens = app.get(FirstScreenReader, { strict: false });
  const sendIndex = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const firstScreen = request.headers.cookie
      ? await withinTime(firstScreens.read(request.headers.cookie), FIRST_SCREEN_READ_MS).catch(
          (error: unknown) => {
            logger.warn(`The first screen could not be read: ${String(error)}`);
            return undefined;
          },
        )
      : undefined;
    void reply.header('Vary', 'Cookie');
    if (!firstScreen) return reply.sendFile('index.html');
    return reply
      .header('Cache-Control', PERSONAL)
      .type('text/html; charset=utf-8')
      .send(indexWithFirstScreen(indexHtml, firstScreen, preloads));
  };
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', { config: { clientApp: true } }, async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (SERVER_PATHS.test(path)) return reply.callNotFound();
      if (FILE_PATH.test(path)) return reply.sendFile(path);
      return sendIndex(request, reply);
    });
  logger.log(`Serving the client from ${dir}`);
  return true;
}
