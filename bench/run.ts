// `npm run bench` — runs every benchmark, each in a fresh process (with its own fresh server and
// client workers), prints one table and writes it as JSON to bench/results/.
//   npm run bench                      all seven, full size (≈ 8–10 min on 2 cores)
//   npm run bench -- fan-out seed      only some (cluster-fan-out needs PostgreSQL and redis-server)
//   npm run bench:quick                small N, few rounds: for development
import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { stopProcess, WORKSPACE_ROOT } from '@smart-sync/dev-server';
import { ensureServerBuilt } from './lib/build';
import type { ResultMessage } from './lib/child-main';
import { installCleanup, isStopping, trackChild } from './lib/cleanup';
import { measureInitialBundle } from './lib/initial-bundle';
import { formatDuration, machine, renderReport, type Report } from './lib/report';

/** Where `nx build client` puts the production build the server serves. */
const CLIENT_BROWSER_DIR = 'dist/apps/client/browser';

const BENCHMARKS = [
  { name: 'fan-out', key: 'fanOut', timeoutMs: 420_000 },
  { name: 'herd', key: 'herd', timeoutMs: 120_000 },
  { name: 'throughput', key: 'throughput', timeoutMs: 90_000 },
  { name: 'seed', key: 'seed', timeoutMs: 90_000 },
  { name: 'cluster-fan-out', key: 'clusterFanOut', timeoutMs: 480_000 },
  { name: 'targeted-fan-out', key: 'targetedFanOut', timeoutMs: 600_000 },
  { name: 'memory', key: 'memory', timeoutMs: 900_000 },
] as const;

/** A benchmark process that must stop gets this long for its servers, workers and database. */
const BENCHMARK_GRACE_MS = 12_000;

const log = (line: string) => console.log(`[bench] ${line}`);

/** Runs bench/<name>.ts in a fresh process; resolves with the result it sends, rejects on failure. */
function runBenchmark(name: string, timeoutMs: number, quick: boolean): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = trackChild(
      fork(join(__dirname, `${name}.ts`), [], {
        cwd: WORKSPACE_ROOT,
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, BENCH_QUICK: quick ? '1' : '0' },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    let result: unknown;
    let received = false;
    let failure = '';
    const timer = setTimeout(() => {
      console.error(`[bench] ${name} took longer than ${timeoutMs / 1000} s: stopping it`);
      void stopProcess(child, BENCHMARK_GRACE_MS);
    }, timeoutMs);
    child.on('message', (message: ResultMessage) => {
      if (message.type === 'result') {
        result = message.result;
        received = true;
      } else if (message.type === 'failure') {
        failure = message.message;
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (received) resolve(result);
      else
        reject(
          new Error(
            failure || `${name} failed (${signal ?? `exit code ${code}`}); see its output above`,
          ),
        );
    });
  });
}

/** Each server holds one socket per client; warn when the open-file limit is too low for that. */
function checkOpenFileLimit(): void {
  try {
    const limit = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
    if (limit !== 'unlimited' && Number(limit) < 6_000) {
      log(
        `WARNING: ulimit -n is ${limit}; 5,000 clients need more. Run \`ulimit -n 20000\` first.`,
      );
    }
  } catch {
    /* no sh: skip the check */
  }
}

async function main() {
  installCleanup(BENCHMARK_GRACE_MS);
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length)
    throw new Error(
      `unknown benchmark(s): ${unknown.join(', ')}; choose from ${BENCHMARKS.map((b) => b.name).join(', ')}`,
    );
  const selected = BENCHMARKS.filter((b) => names.length === 0 || names.includes(b.name));

  const started = performance.now();
  const experiments = ['BENCH_FANOUT_SIZES', 'BENCH_SERVER_MAIN', 'BENCH_POSTGRESQL_URL']
    .filter((name) => process.env[name])
    .map((name) => `${name}=${process.env[name]}`);
  const report: Report = {
    machine: machine(),
    quick,
    experiments,
    wallSeconds: 0,
    initialBundle: measureInitialBundle(WORKSPACE_ROOT, CLIENT_BROWSER_DIR) ?? null,
    failures: {},
  };
  log(
    `${report.machine.cores} cores, Node ${report.machine.node}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}${quick ? ' — QUICK mode' : ''}`,
  );
  if (selected.some((b) => b.name !== 'seed')) await ensureServerBuilt(log);
  checkOpenFileLimit();

  for (const [i, benchmark] of selected.entries()) {
    if (isStopping()) return;
    log(
      `(${i + 1}/${selected.length}) ${benchmark.name} — ${formatDuration((performance.now() - started) / 1000)} elapsed`,
    );
    try {
      (report as unknown as Record<string, unknown>)[benchmark.key] = await runBenchmark(
        benchmark.name,
        benchmark.timeoutMs,
        quick,
      );
    } catch (error) {
      report.failures[benchmark.name] = error instanceof Error ? error.message : String(error);
      console.error(`[bench] ${benchmark.name} FAILED: ${report.failures[benchmark.name]}`);
    }
  }
  report.wallSeconds = Math.round((performance.now() - started) / 100) / 10;
  report.machine.loadAverageEnd = loadavg();

  const text = renderReport(report);
  console.log(`\n${text}`);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  // Only a standard full run becomes latest.json; quick runs and experiments keep their own names.
  const kind = quick ? 'quick' : experiments.length || names.length ? 'partial' : null;
  const stamp = report.machine.date.replace(/[:.]/g, '-') + (kind ? `-${kind}` : '');
  const json = JSON.stringify({ ...report, table: text }, null, 2);
  writeFileSync(join(dir, `${stamp}.json`), json);
  writeFileSync(join(dir, kind ? `latest-${kind}.json` : 'latest.json'), json);
  log(`written bench/results/${stamp}.json and ${kind ? `latest-${kind}` : 'latest'}.json`);
  if (Object.keys(report.failures).length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
