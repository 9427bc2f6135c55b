import type { NestApplicationOptions } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { SocketIoAdapter } from './adapters/socket-io.adapter';
import { serveClientApp } from './client-app/serve-client-app';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { compressResponses } from './common/compress-responses';
import { InFlightRequests } from './common/in-flight-requests';
import { jsonBody } from './common/json-body.middleware';
import { OriginPolicy, refuseForeignOrigins } from './common/origin-policy';
import { withRequestContext } from './common/request-context';
import { securityHeaders } from './common/security-headers';
import type { AppConfig } from './config/app-config';
import { logHttpRequests } from './logging/http-logger';
import { APP_LOGGER } from './logging/logger';
import { METRICS_PATH, MetricsService } from './metrics/metrics.service';
import { RedisConnection } from './redis/redis-connection';

export const API_PREFIX = 'api';

/** Options to create the Nest app with (main.ts and the integration tests alike). */
export function appOptions(config: AppConfig): NestApplicationOptions {
  // The body parser is jsonBody() below: Express's would answer its errors with a stack trace.
  // Nest's own lines wait for pino (configureApp), filtered by LOG_LEVEL until then.
  return { bodyParser: false, logger: config.logLevels, bufferLogs: true };
}

/** What a graceful shutdown needs of a configured app. */
export interface ConfiguredApp {
  requests: InFlightRequests;
  sockets: SocketIoAdapter;
}

/** Everything between creating the app and listening, shared by main.ts and the tests. */
export function configureApp(app: NestExpressApplication, config: AppConfig): ConfiguredApp {
  const policy = new OriginPolicy(config.corsOrigins);
  const requests = new InFlightRequests();
  const sockets = new SocketIoAdapter(app, config.corsOrigins, policy, app.get(RedisConnection));
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.use(requests.middleware);
  // Before anything that may answer: refused requests are timed and logged too.
  app.use(app.get(MetricsService).measureRequests());
  app.use(logHttpRequests(app.get(APP_LOGGER)));
  app.use(securityHeaders());
  app.use(compressResponses());
  app.setGlobalPrefix(API_PREFIX, { exclude: [METRICS_PATH] });
  app.use(refuseForeignOrigins(policy));
  app.enableCors({ origin: [...config.corsOrigins] });
  app.use(jsonBody());
  // After the body parser: its callback would run outside the context.
  app.use(withRequestContext());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.useWebSocketAdapter(sockets);
  serveClientApp(app, config.clientDir);
  return { requests, sockets };
}
