import { serverEnv } from './server-env';

describe('serverEnv', () => {
  it('spells every setting as the variable the server reads', () => {
    expect(
      serverEnv({
        port: 3100,
        databaseUrl: 'file:/tmp/x/e2e.db',
        seedScale: 0.01,
        corsOrigins: ['http://127.0.0.1:4200', 'http://localhost:4200'],
      }),
    ).toEqual({
      NODE_ENV: 'production',
      PORT: '3100',
      DATABASE_URL: 'file:/tmp/x/e2e.db',
      SEED: 'true',
      SEED_SCALE: '0.01',
      CORS_ORIGINS: 'http://127.0.0.1:4200,http://localhost:4200',
    });
  });

  it("seeds the full data set and leaves the server's other defaults alone unless told", () => {
    const env = serverEnv({ port: 3000, databaseUrl: 'file:/tmp/a.db' });
    expect(env['SEED_SCALE']).toBe('1');
    for (const name of ['CORS_ORIGINS', 'REDIS_URL', 'SHUTDOWN_TIMEOUT_MS', 'LOG_LEVEL']) {
      expect(env).not.toHaveProperty(name);
    }
  });

  it('names Redis, the shutdown time and the log level for a cluster instance', () => {
    expect(
      serverEnv({
        port: 3001,
        databaseUrl: 'postgresql://postgres@127.0.0.1:5432/smart_sync',
        redisUrl: 'redis://127.0.0.1:6379',
        shutdownTimeoutMs: 8000,
        logLevel: 'warn',
      }),
    ).toMatchObject({
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/smart_sync',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SHUTDOWN_TIMEOUT_MS: '8000',
      LOG_LEVEL: 'warn',
    });
  });
});
