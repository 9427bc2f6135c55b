// Benchmark 4 — seed: 40,033 rows into an empty (migrated) SQLite database, in a fresh process
// each run, through the server's own seedDatabase().
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputTail, WORKSPACE_ROOT } from '@smart-sync/dev-server';
import { benchmarkMain } from './lib/child-main';
import { removeTempDir, trackChild, trackTempDir } from './lib/cleanup';
import { rounded, summarize, type Summary } from './lib/stats';

export interface SeedBenchResult {
  runs: number;
  rows: number;
  /** seedDatabase() inside the process, ms. */
  seed: Summary;
  /** Spawn → exit of the fresh process (start-up, module load, seed, disconnect), ms. */
  process: Summary;
}

/** Runs a tsx script in a fresh process; resolves with its stdout, rejects with its output tail. */
function runScript(
  script: string,
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const output = new OutputTail();
    let stdout = '';
    const child = trackChild(
      spawn(process.execPath, ['--import', 'tsx', script], {
        cwd: WORKSPACE_ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk;
      output.push(chunk, 'out');
    });
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk, 'err'));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`${script} failed (${signal ?? `code ${code}`}):\n${output.text()}`));
    });
  });
}

benchmarkMain('seed', async (config, log) => {
  const seedTimes: number[] = [];
  const processTimes: number[] = [];
  let rows = 0;
  for (let run = 1; run <= config.seed.runs; run++) {
    const dir = trackTempDir(mkdtempSync(join(tmpdir(), 'smart-sync-bench-seed-')));
    try {
      const env = { DATABASE_URL: `file:${join(dir, 'seed.db')}` };
      await runScript('prisma/migrate.ts', env);
      const started = performance.now();
      const stdout = await runScript(join(__dirname, 'lib/seed-child.ts'), env);
      processTimes.push(performance.now() - started);
      const result = JSON.parse(stdout.trim().split('\n').at(-1) as string) as {
        rows: number;
        milliseconds: number;
      };
      rows = result.rows;
      seedTimes.push(result.milliseconds);
      log(
        `run ${run}/${config.seed.runs}: ${rows} rows in ${result.milliseconds.toFixed(0)} ms (process ${processTimes.at(-1)?.toFixed(0)} ms)`,
      );
    } finally {
      removeTempDir(dir);
    }
  }
  return {
    runs: config.seed.runs,
    rows,
    seed: rounded(summarize(seedTimes), 0),
    process: rounded(summarize(processTimes), 0),
  } satisfies SeedBenchResult;
});
