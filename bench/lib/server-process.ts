import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { removeTempDir, trackTempDir } from './cleanup';
import { BENCH_ORIGIN, freePort } from './http';
import { startServerProcess, type StartedProcess } from './processes';

export const REPO_ROOT = resolve(__dirname, '../..');
export const SERVER_MAIN = join(REPO_ROOT, 'dist/apps/server/main.js');
/** BENCH_SERVER_MAIN points the benchmarks at another server bundle (e.g. a stand-in while developing). */
const serverMain = () => process.env.BENCH_SERVER_MAIN || SERVER_MAIN;

/**
 * Experiment knob (BENCH_SQLITE_WAL=1): an empty database file already in WAL journal mode, which
 * SQLite keeps for the file, so the unchanged server runs on WAL. Not used by default.
 */
function createWalDatabase(path: string): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.close();
}

export interface RealServer extends StartedProcess {
  databaseUrl: string;
  startupMs: number;
}

/**
 * The real built server (dist/apps/server/main.js) on a fresh temporary SQLite file, which it
 * migrates and seeds itself on start-up. Listens on a free port; only 127.0.0.1 is ever targeted.
 */
export async function startRealServer(extraEnv: Record<string, string> = {}): Promise<RealServer> {
  const dir = trackTempDir(mkdtempSync(join(tmpdir(), 'smart-sync-bench-')));
  const databaseUrl = `file:${join(dir, 'bench.db')}`;
  if (process.env.BENCH_SQLITE_WAL === '1') createWalDatabase(join(dir, 'bench.db'));
  const port = await freePort();
  const started = performance.now();
  try {
    const server = await startServerProcess(
      `The server (${serverMain()})`,
      process.execPath,
      [serverMain()],
      port,
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          NODE_ENV: 'production',
          PORT: String(port),
          DATABASE_URL: databaseUrl,
          SEED: 'true',
          CORS_ORIGINS: BENCH_ORIGIN,
          ...extraEnv,
        },
      },
    );
    const startupMs = performance.now() - started;
    return {
      ...server,
      databaseUrl,
      startupMs,
      async stop() {
        await server.stop();
        removeTempDir(dir);
      },
    };
  } catch (error) {
    removeTempDir(dir);
    throw error;
  }
}
