import { networkInterfaces } from 'node:os';
import type { NestApplicationOptions } from '@nestjs/common';
import cors from '@fastify/cors';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { SocketIoAdapter } from './adapters/socket-io.adapter';
import { serveClientApp } from './client-app/serve-client-app';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { compressResponses } from './common/compress-responses';
import { InFlightRequests } from './common/in-flight-requests';
import { answerMalformedRequest } from './common/malformed-requests';
import { BODY_LIMIT_BYTES, jsonBodies } from './common/json-body';
import { OriginPolicy, refuseForeignOrigins } from './common/origin-policy';
import { withRequestContext } from './common/request-context';
import { securityHeaders } from './common/security-headers';
import type { AppConfig } from './config/app-config';
import { logHttpRequests } from './logging/http-logger';
import { APP_LOGGER } from './logging/logger';
import { METRICS_PATH, MetricsService } from './metrics/metrics.service';
import { RedisConnection } from './redis/redis-connection';

export const API_PREFIX = 'api';

/**
 * Every interface, as Node picks it for a server given no host: `::` (IPv6 and IPv4) where the
 * machine has IPv6, else `0.0.0.0`. (Fastify's own default is localhost only.)
 */
export function listenHost(interfaces = networkInterfaces()): string {
  const ipv6 = Object.values(interfaces).some((addresses) =>
    addresses?.some(({ family }) => family === 'IPv6'),
  );
  return ipv6 ? '::' : '0.0.0.0';
}

/**
 * The HTTP layer: Nest on Fastify (bench/README.md, "Nest on Fastify"). Paths match whatever their
 * case and with or without a trailing slash, as they did on Express.
 */
export function httpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    clientErrorHandler: answerMalformedRequest,
    // A path parameter as long as the request line allows (Node's 16 kB of headers), not 100
    // characters: an id too long is the route's to refuse (400), not the router's.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 16 * 1024 },
  });
}

/** Options to create the Nest app with (main.ts and the integration tests alike). */
export function appOptions(config: AppConfig): NestApplicationOptions {
  // The JSON body parser is jsonBodies() below. Nest's own lines wait for pino (configureApp),
  // filtered by LOG_LEVEL until then.
  return { bodyParser: false, logger: config.logLevels, bufferLogs: true };
}

/** What a graceful shutdown needs of a configured app. */
export interface ConfiguredApp {
  requests: InFlightRequests;
  sockets: SocketIoAdapter;
}

/** Everything between creating the app and listening, shared by main.ts and the tests. */
export async function configureApp(
  app: NestFastifyApplication,
  config: AppConfig,
): Promise<ConfiguredApp> {
  const policy = new OriginPolicy(config.corsOrigins);
  const requests = new InFlightRequests();
  const sockets = new SocketIoAdapter(app, config.corsOrigins, policy, app.get(RedisConnection));
  const fastify = app.getHttpAdapter().getInstance();
  app.useLogger(app.get(Logger));
  // In this order for every request, before anything that may answer: refused requests are
  // counted, timed and logged too.
  fastify.addHook('onRequest', requests.onRequest);
  fastify.addHook('onRequest', app.get(MetricsService).measureRequests());
  fastify.addHook('onRequest', logHttpRequests(app.get(APP_LOGGER)));
  fastify.addHook('onRequest', withRequestContext());
  await app.register(...securityHeaders());
  await app.register(...compressResponses());
  fastify.addHook('onRequest', refuseForeignOrigins(policy));
  await app.register(cors, {
    origin: [...config.corsOrigins],
    methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],
  });
  jsonBodies(fastify);
  app.setGlobalPrefix(API_PREFIX, { exclude: [METRICS_PATH] });
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useWebSocketAdapter(sockets);
  await serveClientApp(app, config.clientDir);
  return { requests, sockets };
}
