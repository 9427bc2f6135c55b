import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { OutputTail } from './output-tail';

/** How to tell that a started process is ready, e.g. `GET /api/health` answering 200. */
export interface ReadinessProbe {
  /** Names the check in errors: "did not answer <what> in time". */
  what: string;
  answers(): Promise<boolean>;
}

/** A server to run as a child process; by default it is ready once `GET /api/health` answers 200. */
export interface ProcessSpec {
  /** Names the process in errors, e.g. "The server (dist/apps/server/main.js)". */
  name: string;
  command: string;
  args: readonly string[];
  port: number;
  env: NodeJS.ProcessEnv;
  cwd?: string;
  readyTimeoutMs?: number;
  /** Another readiness check than `GET /api/health` on `port`. */
  probe?: ReadinessProbe;
  /**
   * Runs the child in a process group of its own, so a terminal's Ctrl-C reaches only the caller,
   * which then stops its children in its own order.
   */
  detached?: boolean;
  /** Called with the child as soon as it is spawned, e.g. to kill it on Ctrl-C. */
  onSpawn?: (child: ChildProcess) => void;
}

/** How a process ended, and how long it took from the stop signal. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From the SIGTERM to the exit, ms (0 when it had already ended). */
  ms: number;
}

export interface HealthyProcess {
  name: string;
  child: ChildProcess;
  port: number;
  /** The last lines it wrote; its output is collected here, never echoed. */
  output: OutputTail;
  /** SIGTERM, then SIGKILL after `graceMs` (default 5 s); resolves once it is gone. */
  stop(graceMs?: number): Promise<void>;
}

/** One `GET path` on 127.0.0.1 without keep-alive: true when it answers 200. */
export function answers200(port: number, path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(
      { host: '127.0.0.1', port, path, agent: false, timeout: 2_000 },
      (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

/** Ready once `GET path` on 127.0.0.1:port answers 200. */
export function httpProbe(port: number, path = '/api/health'): ReadinessProbe {
  return { what: `GET ${path}`, answers: () => answers200(port, path) };
}

/**
 * Spawns the process and polls its readiness probe until it answers. When the process exits
 * first, cannot be spawned, or the time runs out, stops it and throws with its last output lines.
 */
export async function startHealthyProcess(spec: ProcessSpec): Promise<HealthyProcess> {
  const { name, port } = spec;
  const probe = spec.probe ?? httpProbe(port);
  const output = new OutputTail();
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    detached: spec.detached,
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
    if (!failure && (await probe.answers())) break;
    if (!failure && Date.now() > deadline) failure = `did not answer ${probe.what} in time`;
    if (failure) {
      await stopProcess(child);
      throw new Error(`${name} ${failure}. Its last output:\n${output.text()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return {
    name,
    child,
    port,
    output,
    stop: async (graceMs) => void (await stopProcess(child, graceMs)),
  };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves with how the process ended once it is gone. */
export function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<ProcessExit> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode, ms: 0 });
  }
  const started = performance.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - started });
    });
    child.kill('SIGTERM');
  });
}
