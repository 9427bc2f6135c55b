import { resolve } from 'node:path';
import type { LogLevel } from '@nestjs/common';
import * as z from 'zod';
import { DEFAULT_DATABASE_URL } from '@smart-sync/server-db';
import { DEMO_PASSWORD } from '@smart-sync/shared-types';

/** Nest's log levels, most severe first: `LOG_LEVEL=debug` enables `debug` and everything above it. */
const LOG_LEVELS = [
  'fatal',
  'error',
  'warn',
  'log',
  'debug',
  'verbose',
] as const satisfies LogLevel[];

const booleanSchema = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => ['true', '1', 'yes'].includes(value));

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a port number')
    .min(0, 'must be a port number')
    .max(65_535, 'must be a port number')
    .default(3000),
  DATABASE_URL: z.string().min(1, 'must not be empty').default(DEFAULT_DATABASE_URL),
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:4200')
    .transform((list) =>
      list
        .split(',')
        .map((origin) => origin.trim().replace(/\/+$/, ''))
        .filter(Boolean),
    ),
  SEED: booleanSchema.default(true),
  SEED_SCALE: z.coerce
    .number({ error: 'must be a number' })
    .nonnegative('must be 0 or more')
    .default(1),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
    .default('log'),
  LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'must be json or pretty' }).default('json'),
  CLIENT_DIR: z.string().min(1).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/./, 'must be a redis:// or rediss:// URL')
    .optional(),
  REDIS_KEY_PREFIX: z.string().min(1).default('socket.io'),
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a number of milliseconds' })
    .int('must be a number of milliseconds')
    .positive('must be a number of milliseconds')
    .default(10_000),
  DEMO_USERS: z
    .enum(['on', 'off'], { error: 'must be on or off' })
    .default('on')
    .transform((value) => value === 'on'),
  DEMO_PASSWORD: z.string().default(DEMO_PASSWORD),
  SESSION_TTL_HOURS: z.coerce
    .number({ error: 'must be a number of hours' })
    .positive('must be a number of hours')
    .default(12),
});

export interface AppConfig {
  port: number;
  databaseUrl: string;
  /** Browser origins allowed besides the server's own (HTTP CORS and the socket.io handshake). */
  corsOrigins: string[];
  seed: boolean;
  seedScale: number;
  /** The enabled Nest log levels. */
  logLevels: LogLevel[];
  /** One JSON object per line (for machines), or coloured lines for a developer's terminal. */
  logFormat: 'json' | 'pretty';
  /** The built client served at `/` when the folder exists. */
  clientDir: string;
  /** Redis for the socket.io adapter (broadcasts across instances); none: in-memory. */
  redisUrl: string | undefined;
  /** The prefix of the Redis channels the instances talk on: apps that share a Redis differ. */
  redisKeyPrefix: string;
  /** How long a SIGTERM/SIGINT shutdown may take before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** The password of the demo users the seed creates, or false: no demo users (DEMO_USERS=off). */
  demoPassword: string | false;
  /** How long a session lasts after sign-in. */
  sessionTtlMs: number;
}

/** Injection token of the {@link AppConfig}. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * The built client sits beside the built server (dist/apps/client/browser next to
 * dist/apps/server/main.js), so the default does not depend on the working directory.
 */
export function defaultClientDir(): string {
  return resolve(__dirname, '..', 'client', 'browser');
}

/** Reads the configuration from environment variables; throws naming every invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty variables count as unset, as in most shells' `VAR= cmd`.
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(defined);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  return {
    port: vars.PORT,
    databaseUrl: vars.DATABASE_URL,
    corsOrigins: vars.CORS_ORIGINS,
    seed: vars.SEED,
    seedScale: vars.SEED_SCALE,
    logLevels: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(vars.LOG_LEVEL) + 1),
    logFormat: vars.LOG_FORMAT,
    clientDir: vars.CLIENT_DIR ? resolve(vars.CLIENT_DIR) : defaultClientDir(),
    redisUrl: vars.REDIS_URL,
    redisKeyPrefix: vars.REDIS_KEY_PREFIX,
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS,
    demoPassword: vars.DEMO_USERS ? vars.DEMO_PASSWORD : false,
    sessionTtlMs: Math.round(vars.SESSION_TTL_HOURS * 3_600_000),
  };
}
