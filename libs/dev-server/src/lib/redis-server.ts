import type { ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { startHealthyProcess, type HealthyProcess } from './healthy-process';
import { findExecutable, missingExecutable } from './executables';

/** Where a `redis://` URL points: host and port (defaults: 127.0.0.1:6379). */
export function redisAddress(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || 6379) };
}

/**
 * True when a Redis answers a PING on host:port (`+PONG`, or an error such as `-NOAUTH`: a
 * Redis is there either way). One connection, closed after the answer.
 */
export function redisAnswers(host: string, port: number, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk: Buffer) => done(/^[+-]/.test(chunk.toString())));
  });
}

export interface RedisServer extends HealthyProcess {
  /** `redis://127.0.0.1:<port>`. */
  url: string;
}

/**
 * A redis-server of its own on 127.0.0.1:port that keeps nothing on disk (no RDB snapshots, no
 * append-only file), as a child process; ready once it answers PING. Stop and start it again on
 * the same port to play a Redis outage without touching the machine's Redis.
 */
export async function startRedisServer(options: {
  port: number;
  onSpawn?: (child: ChildProcess) => void;
}): Promise<RedisServer> {
  const { port } = options;
  const command = findExecutable('redis-server', 'REDIS_SERVER_BIN');
  if (!command) throw new Error(missingExecutable('redis-server', 'REDIS_SERVER_BIN'));
  const running = await startHealthyProcess({
    name: `redis-server on port ${port}`,
    command,
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    port,
    env: { PATH: process.env['PATH'] ?? '' },
    probe: { what: 'PING', answers: () => redisAnswers('127.0.0.1', port) },
    readyTimeoutMs: 10_000,
    onSpawn: options.onSpawn,
  });
  return { ...running, url: `redis://127.0.0.1:${port}` };
}
