import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  httpProbe,
  startHealthyProcess,
  stopProcess,
  type HealthyProcess,
  type ProcessExit,
} from './healthy-process';
import { serverEnv, type ServerSettings } from './server-env';
import { SERVER_MAIN, WORKSPACE_ROOT } from './workspace';

export interface DevServerOptions extends Omit<ServerSettings, 'databaseUrl'> {
  /**
   * Defaults to a new SQLite file in a temp folder made on first use, which dispose() removes. A
   * given database (SQLite or PostgreSQL) is left as it is.
   */
  databaseUrl?: string;
  /** Another server bundle than dist/apps/server/main.js. */
  serverMain?: string;
  readyTimeoutMs?: number;
  /**
   * What start() waits for: `/api/health` (liveness, the default) or `/api/health/ready`
   * (readiness: the database and Redis answer).
   */
  healthPath?: '/api/health' | '/api/health/ready';
  /** Runs the server in a process group of its own (see ProcessSpec.detached). */
  detached?: boolean;
  /** Called with each spawned server process, e.g. to kill it on Ctrl-C. */
  onSpawn?: (child: ChildProcess) => void;
}

/**
 * The built server (dist/apps/server/main.js, which also serves the production client build) as
 * a child process on its own port and database, run from the workspace root. Its environment is
 * PATH, HOME and {@link serverEnv} only, so the caller's shell cannot change what is measured or
 * tested. Build it first (`nx build server`).
 */
export class DevServer {
  readonly port: number;
  readonly baseURL: string;
  /** How long the last start() took until the server answered its health check, ms. */
  startupMs = 0;
  private tempDir?: string;
  private running?: HealthyProcess;

  /** Starts nothing and makes no folder yet: test runners construct it just to list tests. */
  constructor(private readonly options: DevServerOptions) {
    this.port = options.port;
    this.baseURL = `http://localhost:${options.port}`;
  }

  get databaseUrl(): string {
    if (this.options.databaseUrl) return this.options.databaseUrl;
    this.tempDir ??= mkdtempSync(join(tmpdir(), 'smart-sync-server-'));
    return `file:${join(this.tempDir, 'app.db')}`;
  }

  /** The server process while it runs. */
  get child(): ChildProcess | undefined {
    return this.running?.child;
  }

  async start(): Promise<void> {
    if (this.running) throw new Error(`The server on port ${this.port} is already running`);
    const main = this.options.serverMain ?? SERVER_MAIN;
    const started = performance.now();
    this.running = await startHealthyProcess({
      name: `The server (${relative(WORKSPACE_ROOT, main)})`,
      command: process.execPath,
      args: [main],
      port: this.port,
      cwd: WORKSPACE_ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        ...serverEnv({ ...this.options, databaseUrl: this.databaseUrl }),
      },
      readyTimeoutMs: this.options.readyTimeoutMs,
      probe: httpProbe(this.port, this.options.healthPath),
      detached: this.options.detached,
      onSpawn: this.options.onSpawn,
    });
    this.startupMs = performance.now() - started;
  }

  /**
   * Stops the process (SIGTERM, then SIGKILL after `graceMs`, default 5 s) and says how it ended
   * (undefined when it was not running); the database stays for the next start().
   */
  async stop(graceMs?: number): Promise<ProcessExit | undefined> {
    const running = this.running;
    this.running = undefined;
    return running && stopProcess(running.child, graceMs);
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Stops the server and removes the temp database folder it made, if any. */
  async dispose(): Promise<void> {
    await this.stop();
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
    this.tempDir = undefined;
  }
}
