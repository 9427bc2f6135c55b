import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { FanOutRow } from '../fan-out';
import type { HerdResult } from '../herd';
import type { SeedBenchResult } from '../seed';
import type { ThroughputPhase } from '../throughput';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  os: string;
  date: string;
  /** 1/5/15-minute load averages when the run started and ended: other work on the machine. */
  loadAverage: number[];
  loadAverageEnd: number[];
}

export interface Report {
  machine: Machine;
  quick: boolean;
  /** Experiment knobs that were set (e.g. BENCH_SQLITE_WAL=1); none in a standard run. */
  experiments: string[];
  wallSeconds: number;
  fanOut?: FanOutRow[];
  herd?: HerdResult;
  throughput?: ThroughputPhase[];
  seed?: SeedBenchResult;
  /** Benchmarks that failed, with their error. */
  failures: Record<string, string>;
}

export const FAN_OUT_GOAL = 1.1;

export function machine(): Machine {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    date: new Date().toISOString(),
    loadAverage: loadavg(),
    loadAverageEnd: [],
  };
}

const n = (value: number | undefined, digits = 1) =>
  value === undefined || Number.isNaN(value)
    ? '-'
    : value.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      });

/** A plain text table: first row is the header; numbers right-aligned. */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  const line = (row: string[]) =>
    '  ' +
    row
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col])))
      .join('  ');
  return [
    line(rows[0]),
    '  ' + widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(1).map(line),
  ].join('\n');
}

export function renderReport(report: Report): string {
  const m = report.machine;
  const out: string[] = [];
  out.push(
    `SmartNgRX live-sync benchmarks${report.quick ? ' (QUICK — not comparable)' : ''}`,
    ...(report.experiments.length ? [`EXPERIMENT: ${report.experiments.join(', ')}`] : []),
    `${m.date} · ${m.cores} cores (${m.cpu}) · ${m.memoryGiB} GiB · Node ${m.node} · ${m.os}`,
    `load average (1/5/15 min) at start ${m.loadAverage.map((l) => l.toFixed(2)).join(' ')}, at end ${m.loadAverageEnd
      .map((l) => l.toFixed(2))
      .join(' ')} · wall time ${formatDuration(report.wallSeconds)}`,
    '',
  );
  if (report.fanOut) {
    out.push(
      '1. Fan-out — PUT /api/docs → message at ALL N clients (ms), vs a bare socket.io 4.8 broadcast',
    );
    out.push(
      table([
        [
          'N clients',
          'workers',
          'rounds',
          'ours p50',
          'ours p95',
          'bare p50',
          'bare p95',
          'ratio p50',
          'ratio p95',
          'paired',
          'goal',
          'Δ p50',
          'our PUT p50',
          'ours 1st p50',
          'bare 1st p50',
        ],
        ...report.fanOut.map((r) => [
          r.clients.toLocaleString('en-US'),
          String(r.workers),
          String(r.rounds),
          n(r.ours.p50),
          n(r.ours.p95),
          n(r.bare.p50),
          n(r.bare.p95),
          n(r.ratioP50, 2),
          n(r.ratioP95, 2),
          n(r.pairedRatioP50, 2),
          r.ratioP50 <= FAN_OUT_GOAL ? 'ok ≤1.1' : 'MISSED',
          `+${n(r.ours.p50 - r.bare.p50)}`,
          n(r.oursPut.p50),
          n(r.oursFirst.p50),
          n(r.bareFirst.p50),
        ]),
      ]),
      '',
    );
  }
  if (report.herd) {
    const h = report.herd;
    out.push(
      `2. Refetch herd — ${h.clients.toLocaleString('en-US')} clients each reload the row on the message (POST /api/docs [id])`,
    );
    out.push(
      table([
        [
          'rounds',
          'all fresh p50 ms',
          'all fresh max ms',
          'all notified p50 ms',
          'reloads/s p50',
          'reloads/s min',
          'stale rows',
          'older versions',
          'errors',
        ],
        [
          String(h.rounds),
          n(h.allFresh.p50, 0),
          n(h.allFresh.max, 0),
          n(h.allNotified.p50, 0),
          n(h.requestsPerSecond.p50, 0),
          n(h.requestsPerSecond.min, 0),
          String(h.stale),
          String(h.olderVersions),
          String(h.errors.length),
        ],
      ]),
      '',
    );
  }
  if (report.throughput) {
    out.push('3. Mutation throughput — PUT /api/docs with 1 listening client');
    out.push(
      table([
        [
          'mode',
          'seconds',
          'updates',
          'updates/s',
          'PUT p50 ms',
          'PUT p95 ms',
          'notify p50 ms',
          'notify p95 ms',
          'notify max ms',
          'messages',
          'missing',
          'failed',
        ],
        ...report.throughput.map((p) => [
          p.concurrency === 1 ? 'sequential' : `${p.concurrency}-way concurrent`,
          n(p.seconds, 1),
          String(p.updates),
          String(p.updatesPerSecond),
          n(p.put.p50, 2),
          n(p.put.p95, 2),
          n(p.notify.p50, 2),
          n(p.notify.p95, 2),
          n(p.notify.max, 1),
          String(p.messages),
          String(p.missing),
          String(p.failedRequests),
        ]),
      ]),
      '',
    );
  }
  if (report.seed) {
    const s = report.seed;
    out.push(
      `4. Seed — ${s.rows.toLocaleString('en-US')} rows into an empty SQLite database, fresh process per run`,
    );
    out.push(
      table([
        ['runs', 'seedDatabase p50 ms', 'seedDatabase max ms', 'rows/s', 'whole process p50 ms'],
        [
          String(s.runs),
          n(s.seed.p50, 0),
          n(s.seed.max, 0),
          n(s.rows / (s.seed.p50 / 1000), 0),
          n(s.process.p50, 0),
        ],
      ]),
      '',
    );
  }
  for (const [name, error] of Object.entries(report.failures)) out.push(`FAILED ${name}: ${error}`);
  return out.join('\n');
}

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return m ? `${m} min ${Math.round(seconds - m * 60)} s` : `${seconds.toFixed(1)} s`;
}
