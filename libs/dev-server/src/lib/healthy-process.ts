import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { OutputTail } from './output-tail';

/** A server to run as a child process; it is ready once `GET /api/health` on `port` answers 200. */
export interface ProcessSpec {
  /** Names the process in errors, e.g. "The server (dist/apps/server/main.js)". */
  name: string;
  command: string;
  args: readonly string[];
  port: number;
  env: NodeJS.ProcessEnv;
  cwd?: string;
  readyTimeoutMs?: number;
  /** Called with the child as soon as it is spawned, e.g. to kill it on Ctrl-C. */
  onSpawn?: (child: ChildProcess) => void;
}

export interface HealthyProcess {
  name: string;
  child: ChildProcess;
  port: number;
  /** The last lines it wrote; its output is collected here, never echoed. */
  output: OutputTail;
  stop(): Promise<void>;
}

/** One `GET /api/health` on 127.0.0.1 without keep-alive: true when it answers 200. */
function isHealthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: '/api/health', agent: false, timeout: 2_000 },
      (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

/**
 * Spawns the process and polls its health endpoint until it answers. When the process exits
 * first, cannot be spawned, or the time runs out, stops it and throws with its last output lines.
 */
export async function startHealthyProcess(spec: ProcessSpec): Promise<HealthyProcess> {
  const { name, port } = spec;
  const output = new OutputTail();
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spec.onSpawn?.(child);
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk, 'out'));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk, 'err'));
  let failure: string | undefined;
  child.once('error', (error) => (failure ??= `could not be started: ${error.message}`));
  child.once('exit', (code, signal) => {
    failure ??= `exited (${signal ? `signal ${signal}` : `code ${code}`}) before it was ready`;
  });

  const deadline = Date.now() + (spec.readyTimeoutMs ?? 90_000);
  for (;;) {
    if (!failure && (await isHealthy(port))) break;
    if (!failure && Date.now() > deadline) failure = 'did not answer GET /api/health in time';
    if (failure) {
      await stopProcess(child);
      throw new Error(`${name} ${failure}. Its last output:\n${output.text()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return { name, child, port, output, stop: () => stopProcess(child) };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
export function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
