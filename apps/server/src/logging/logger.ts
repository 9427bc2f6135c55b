import type { LogLevel } from '@nestjs/common';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import type { AppConfig } from '../config/app-config';

/** Injection token of the app's pino {@link Logger} (one per app instance). */
export const APP_LOGGER = Symbol('APP_LOGGER');

/**
 * Injection token of where the JSON lines go: null for stdout. Tests override it to read the
 * lines (`startTestApp(env, { logs })`).
 */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/** Nest's levels as pino names them. */
const PINO_LEVELS: Record<LogLevel, Level> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/**
 * What never reaches a log line: the session cookie (sent and set), credentials in headers, and
 * any `password` or `token` field up to three levels deep (a login body, should anything log one).
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  ...['password', 'token', 'cookie'].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/** The app's logger: `LOG_LEVEL`'s level, JSON lines (or pino-pretty's with `LOG_FORMAT=pretty`). */
export function createLogger(config: AppConfig, destination: DestinationStream | null): Logger {
  const options = {
    level: PINO_LEVELS[config.logLevels.at(-1) ?? 'log'],
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (config.logFormat === 'pretty' && !destination) {
    // pino-pretty is a development dependency: LOG_FORMAT=pretty is for a developer's terminal.
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: {
          // A request's line keeps its method, URL, status, route, user and time.
          ignore: 'pid,hostname,req.headers,req.query,req.params,req.remoteAddress,req.remotePort',
          translateTime: 'SYS:HH:MM:ss.l',
          singleLine: true,
        },
      },
    });
  }
  return pino(options, destination ?? undefined);
}
