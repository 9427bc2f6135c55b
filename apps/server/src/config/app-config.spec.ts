import { resolve } from 'node:path';
import { defaultClientDir, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has a default for every variable', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      databaseUrl: 'file:./data/app.db',
      corsOrigins: ['http://localhost:4200'],
      seed: true,
      seedScale: 1,
      logLevels: ['fatal', 'error', 'warn', 'log'],
      logFormat: 'json',
      clientDir: defaultClientDir(),
      redisUrl: undefined,
      redisKeyPrefix: 'socket.io',
      shutdownTimeoutMs: 10_000,
      demoPassword: 'demo',
      sessionTtlMs: 12 * 3_600_000,
    });
  });

  it('reads every variable', () => {
    expect(
      loadConfig({
        PORT: '3123',
        DATABASE_URL: 'file:/tmp/x.db',
        CORS_ORIGINS: ' http://a.example , https://b.example/ ,',
        SEED: 'false',
        SEED_SCALE: '0.25',
        LOG_LEVEL: 'debug',
        LOG_FORMAT: 'pretty',
        CLIENT_DIR: 'some/dir',
        REDIS_URL: 'redis://127.0.0.1:6390',
        REDIS_KEY_PREFIX: 'app-b',
        SHUTDOWN_TIMEOUT_MS: '5000',
        DEMO_PASSWORD: 'secret',
        SESSION_TTL_HOURS: '0.5',
      }),
    ).toEqual({
      port: 3123,
      databaseUrl: 'file:/tmp/x.db',
      corsOrigins: ['http://a.example', 'https://b.example'],
      seed: false,
      seedScale: 0.25,
      logLevels: ['fatal', 'error', 'warn', 'log', 'debug'],
      logFormat: 'pretty',
      clientDir: resolve('some/dir'),
      redisUrl: 'redis://127.0.0.1:6390',
      redisKeyPrefix: 'app-b',
      shutdownTimeoutMs: 5000,
      demoPassword: 'secret',
      sessionTtlMs: 1_800_000,
    });
  });

  it('turns the demo users off', () => {
    expect(loadConfig({ DEMO_USERS: 'off', DEMO_PASSWORD: 'x' }).demoPassword).toBe(false);
    expect(() => loadConfig({ DEMO_USERS: 'no', SESSION_TTL_HOURS: '0' })).toThrow(
      /DEMO_USERS must be on or off; SESSION_TTL_HOURS must be a number of hours/,
    );
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', SEED: '' })).toMatchObject({ port: 3000, seed: true });
  });

  it('names every invalid variable', () => {
    expect(() =>
      loadConfig({ PORT: 'abc', SEED: 'maybe', SEED_SCALE: '-1', LOG_LEVEL: 'loud' }),
    ).toThrow(
      /PORT must be a port number; SEED must be true or false; SEED_SCALE must be 0 or more; LOG_LEVEL must be one of/,
    );
    expect(() => loadConfig({ REDIS_URL: 'localhost:6379', SHUTDOWN_TIMEOUT_MS: '0' })).toThrow(
      /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL; SHUTDOWN_TIMEOUT_MS must be a number of milliseconds/,
    );
  });
});
