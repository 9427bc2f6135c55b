import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
const SERVER_MAIN = join(WORKSPACE_ROOT, 'dist/apps/server/main.js');

/** Small enough to seed in well under a second, big enough to have many rows per department. */
export const E2E_SEED_SCALE = '0.01';

export interface ServerOptions {
  port: number;
  /** Defaults to a new SQLite file in a new temp folder, removed by stop(). */
  databaseUrl?: string;
}

/**
 * The built server (dist/apps/server/main.js, serving the production client build) as a child
 * process, on its own port and database. Specs that must restart the server use this directly.
 */
export class ServerProcess {
  private child?: ChildProcess;
  private output = '';
  private readonly tempDir?: string;
  readonly databaseUrl: string;
  readonly baseURL: string;

  constructor(private readonly options: ServerOptions) {
    if (!options.databaseUrl) this.tempDir = mkdtempSync(join(tmpdir(), 'smart-sync-e2e-'));
    this.databaseUrl = options.databaseUrl ?? `file:${join(this.tempDir as string, 'e2e.db')}`;
    this.baseURL = `http://localhost:${options.port}`;
  }

  async start(): Promise<void> {
    this.output = '';
    const child = spawn(process.execPath, [SERVER_MAIN], {
      cwd: WORKSPACE_ROOT,
      env: {
        ...process.env,
        PORT: String(this.options.port),
        DATABASE_URL: this.databaseUrl,
        SEED_SCALE: E2E_SEED_SCALE,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    await this.waitUntilHealthy(child);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    await exited;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
  }

  private async waitUntilHealthy(child: ChildProcess, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new Error(`Server exited with code ${child.exitCode}:\n${this.output}`);
      }
      const healthy = await fetch(`${this.baseURL}/api/health`)
        .then((response) => response.ok)
        .catch(() => false);
      if (healthy) return;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`Server not healthy after ${timeoutMs} ms:\n${this.output}`);
  }
}
