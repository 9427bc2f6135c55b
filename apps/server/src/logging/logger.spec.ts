import { loadConfig } from '../config/app-config';
import { createLogger } from './logger';

function capture(env: Record<string, string> = {}) {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger(loadConfig(env), {
    write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
  });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes JSON lines at LOG_LEVEL (Nest’s `log` is pino’s info)', () => {
    const { logger, lines } = capture({ LOG_LEVEL: 'warn' });
    logger.info('hidden');
    logger.warn('shown');
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'shown' })]);
    expect(capture().logger.level).toBe('info');
    expect(capture({ LOG_LEVEL: 'verbose' }).logger.level).toBe('trace');
  });

  it('redacts cookies, credentials, passwords and tokens', () => {
    const { logger, lines } = capture();
    logger.info({
      req: { headers: { cookie: 'sid=abc', authorization: 'Bearer abc', accept: 'json' } },
      res: { headers: { 'set-cookie': 'sid=abc' } },
      body: { username: 'alice', password: 'abc' },
      token: 'abc',
      nested: { deeper: { token: 'abc' } },
    });
    expect(JSON.stringify(lines)).not.toContain('abc');
    expect(lines[0]).toMatchObject({
      req: { headers: { cookie: '[redacted]', authorization: '[redacted]', accept: 'json' } },
      body: { username: 'alice', password: '[redacted]' },
    });
  });
});
