import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { sleep } from './clock';
import { trackChild } from './cleanup';
import { keepAliveAgent, requestJson } from './http';

/** Keeps the last lines a child wrote, so a failure can show them. */
export class OutputTail {
  private readonly lines: string[] = [];
  constructor(private readonly keep = 60) {}
  push(chunk: Buffer | string, stream: string): void {
    // eslint-disable-next-line no-control-regex
    for (const line of chunk
      .toString()
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n')) {
      if (!line.trim()) continue;
      this.lines.push(`${stream}| ${line}`);
      if (this.lines.length > this.keep) this.lines.shift();
    }
  }
  text(): string {
    return this.lines.join('\n') || '(no output)';
  }
}

export interface StartedProcess {
  name: string;
  child: ChildProcess;
  port: number;
  output: OutputTail;
  stop(): Promise<void>;
}

/**
 * Spawns a server process (tracked for cleanup; its output drained into a tail, never echoed),
 * then polls `GET /api/health` on 127.0.0.1:port until it answers 200. If the process exits or
 * the time runs out, throws an error carrying its last output lines.
 */
export async function startServerProcess(
  name: string,
  command: string,
  args: string[],
  port: number,
  options: SpawnOptions & { readyTimeoutMs?: number },
): Promise<StartedProcess> {
  const output = new OutputTail();
  const child = trackChild(spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] }));
  child.stdout?.on('data', (chunk) => output.push(chunk, 'out'));
  child.stderr?.on('data', (chunk) => output.push(chunk, 'err'));
  let exited: string | null = null;
  let spawnError: Error | null = null;
  child.once('error', (error) => (spawnError = error));
  child.once('exit', (code, signal) => (exited = signal ? `signal ${signal}` : `code ${code}`));

  const agent = keepAliveAgent(1);
  const deadline = Date.now() + (options.readyTimeoutMs ?? 90_000);
  try {
    for (;;) {
      if (spawnError)
        throw new Error(`${name} could not be started: ${(spawnError as Error).message}`);
      if (exited) {
        throw new Error(
          `${name} exited (${exited}) before it was ready. Its last output:\n${output.text()}`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${name} did not answer GET /api/health in time. Its last output:\n${output.text()}`,
        );
      }
      try {
        const res = await requestJson(port, 'GET', '/api/health', undefined, agent, 2_000);
        if (res.status === 200) break;
      } catch {
        /* not listening yet */
      }
      await sleep(150);
    }
  } catch (error) {
    await stopChild(child);
    throw error;
  } finally {
    agent.destroy();
  }

  return { name, child, port, output, stop: () => stopChild(child) };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        child.kill('SIGKILL');
      } catch {
        /* gone */
      }
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
