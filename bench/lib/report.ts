import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { ClusterFanOutRow } from '../cluster-fan-out';
import type { FanOutRow } from '../fan-out';
import type { HerdResult } from '../herd';
import type { MemoryResult } from '../memory';
import type { SeedBenchResult } from '../seed';
import type { TargetedFanOutResult, TargetedSide } from '../targeted-fan-out';
import type { ThroughputPhase } from '../throughput';
import { MEMORY_GOAL_BYTES, TARGETED_GOAL_RATIO, THROUGHPUT_GOALS } from './config';
import { INITIAL_BUNDLE_GOAL_BYTES, type InitialBundle } from './initial-bundle';
import type { Summary } from './stats';

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
  /** Experiment knobs that were set (e.g. BENCH_FANOUT_SIZES=5000); none in a standard run. */
  experiments: string[];
  wallSeconds: number;
  fanOut?: FanOutRow[];
  herd?: HerdResult;
  throughput?: ThroughputPhase[];
  seed?: SeedBenchResult;
  clusterFanOut?: ClusterFanOutRow[];
  targetedFanOut?: TargetedFanOutResult;
  memory?: MemoryResult;
  /** The client build's initial bundle, when there is a build; null when there is none. */
  initialBundle?: InitialBundle | null;
  /** Benchmarks that failed, with their error. */
  failures: Record<string, string>;
}

export const FAN_OUT_GOAL = 1.1;
/** What a second instance may add to a fan-out (the paired split − single), ms. */
export const CLUSTER_FAN_OUT_GOAL_MS = 5;

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

/** A difference, with its sign: "+3.6", "-4.7". */
const signed = (value: number) => (value >= 0 ? `+${n(value)}` : n(value));

/** A column of a results table: its header, and what a row shows in it. */
type Column<T> = readonly [header: string, cell: (row: T) => string];

/** A plain text table: a header line, a rule, a line per row; all but the first column right-aligned. */
function table<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const lines = [
    columns.map(([header]) => header),
    ...rows.map((row) => columns.map(([, cell]) => cell(row))),
  ];
  const widths = columns.map((_, col) => Math.max(...lines.map((line) => line[col].length)));
  const render = (line: string[]) =>
    '  ' +
    line
      .map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col])))
      .join('  ');
  return [
    render(lines[0]),
    '  ' + widths.map((w) => '-'.repeat(w)).join('  '),
    ...lines.slice(1).map(render),
  ].join('\n');
}

/** Columns "<label> p50<unit>", "<label> max<unit>", … for some figures of one summary. */
function figures<T>(
  label: string,
  summary: (row: T) => Summary,
  keys: (keyof Summary)[],
  digits = 1,
  unit = '',
): Column<T>[] {
  return keys.map((key) => [`${label} ${key}${unit}`, (row) => n(summary(row)[key], digits)]);
}

/** The first columns of both fan-out tables: N, over how many worker processes, how many rounds. */
function sizeColumns<
  T extends { clients: number; workers: number; rounds: number },
>(): Column<T>[] {
  return [
    ['N clients', (r) => r.clients.toLocaleString('en-US')],
    ['workers', (r) => String(r.workers)],
    ['rounds', (r) => String(r.rounds)],
  ];
}

const FAN_OUT: Column<FanOutRow>[] = [
  ...sizeColumns<FanOutRow>(),
  ...figures<FanOutRow>('ours', (r) => r.ours, ['p50', 'p95']),
  ...figures<FanOutRow>('bare', (r) => r.bare, ['p50', 'p95']),
  ['ratio p50', (r) => n(r.ratioP50, 2)],
  ['ratio p95', (r) => n(r.ratioP95, 2)],
  ['paired', (r) => n(r.pairedRatioP50, 2)],
  ['goal', (r) => (r.ratioP50 <= FAN_OUT_GOAL ? 'ok ≤1.1' : 'MISSED')],
  ['Δ p50', (r) => signed(r.ours.p50 - r.bare.p50)],
  ...figures<FanOutRow>('our PUT', (r) => r.oursPut, ['p50']),
  ...figures<FanOutRow>('ours 1st', (r) => r.oursFirst, ['p50']),
  ...figures<FanOutRow>('bare 1st', (r) => r.bareFirst, ['p50']),
];

const CLUSTER_FAN_OUT: Column<ClusterFanOutRow>[] = [
  ...sizeColumns<ClusterFanOutRow>(),
  ...figures<ClusterFanOutRow>('single', (r) => r.single, ['p50', 'p95']),
  ...figures<ClusterFanOutRow>('split', (r) => r.split, ['p50', 'p95']),
  ['cost p50', (r) => signed(r.costP50)],
  ['cost p95', (r) => signed(r.costP95)],
  ['paired', (r) => signed(r.pairedCost)],
  [
    'goal',
    (r) =>
      r.pairedCost <= CLUSTER_FAN_OUT_GOAL_MS ? `ok ≤${CLUSTER_FAN_OUT_GOAL_MS} ms` : 'MISSED',
  ],
  ...figures<ClusterFanOutRow>('PUT', (r) => r.put, ['p50']),
  ...figures<ClusterFanOutRow>('1st', (r) => r.singleFirst, ['p50']),
  ...figures<ClusterFanOutRow>('instance 2 1st', (r) => r.remoteFirst, ['p50']),
];

/** A row of the targeted fan-out table: one side. */
type TargetedRow = TargetedSide & { side: string; rounds: number };

const TARGETED: Column<TargetedRow>[] = [
  ['side', (r) => r.side],
  ['hear it', (r) => r.hearing.toLocaleString('en-US')],
  ['rounds', (r) => String(r.rounds)],
  ...figures<TargetedRow>('all', (r) => r.all, ['p50', 'p95']),
  ...figures<TargetedRow>('1st', (r) => r.first, ['p50']),
  ...figures<TargetedRow>('PUT', (r) => r.put, ['p50']),
  ['server CPU/mutation ms', (r) => n(r.cpuPerMutation, 2)],
];

const times = (ratio: number) => `×${n(ratio, 2)}`;

function targetedSection(t: TargetedFanOutResult): string {
  const clients = t.clients.toLocaleString('en-US');
  const holders = t.holders.toLocaleString('en-US');
  const rows: TargetedRow[] = [
    { side: `targeted (${holders} of ${clients} loaded the row)`, rounds: t.rounds, ...t.targeted },
    { side: `broadcast to ${holders} (interest all)`, rounds: t.rounds, ...t.broadcastFew },
    { side: `broadcast to ${clients} (interest all)`, rounds: t.rounds, ...t.broadcastAll },
  ];
  const { bystanders, holders: heard, holdersExpected } = t.messages;
  const silent = bystanders.every((count) => count === 0);
  return [
    table(TARGETED, rows),
    `  bystanders (${(t.clients - t.holders).toLocaleString('en-US')} clients holding one other doc each): ${bystanders.reduce((s, c) => s + c, 0)} messages (per worker ${bystanders.join(' ')}) ${silent ? 'ok' : 'MISSED'}; holders: ${heard.toLocaleString('en-US')} of ${holdersExpected.toLocaleString('en-US')} expected`,
    `  goal — targeted costs about what ${holders} clients cost, not ${clients} (time, paired, and CPU each ≤ ${TARGETED_GOAL_RATIO} × the ${holders}-client broadcast's): ${t.goalMet ? 'ok' : 'MISSED'}`,
    `    targeted ÷ broadcast to ${holders}: time ${times(t.timeRatioFew)}, CPU ${times(t.cpuRatioFew)} · ÷ broadcast to ${clients}: time ${times(t.timeRatioAll)}, CPU ${times(t.cpuRatioAll)}`,
    `  idle server CPU ${n(t.idleCpuMsPerSecond, 1)} ms/s (pings of ${(t.clients * 2 + t.holders).toLocaleString('en-US')} connections) · connect ${n(t.connectSeconds)} s · loads ${n(t.loadSeconds)} s`,
  ].join('\n');
}

const MB = (bytes: number) => n(bytes / 1e6, 0);

const MEMORY: Column<MemoryResult>[] = [
  ['clients', (m) => m.clients.toLocaleString('en-US')],
  ['rows each', (m) => m.rowsPerClient.toLocaleString('en-US')],
  ['memberships', (m) => (m.clients * m.rowsPerClient).toLocaleString('en-US')],
  ['RSS before MB', (m) => MB(m.rssBefore)],
  ['connected MB', (m) => MB(m.rssConnected)],
  ['subscribed MB', (m) => MB(m.rssSubscribed)],
  ['peak MB', (m) => MB(m.rssPeak)],
  [
    'goal',
    (m) => (m.rssSubscribed <= MEMORY_GOAL_BYTES ? `holds ≤${MB(MEMORY_GOAL_BYTES)} MB` : 'MISSED'),
  ],
  ['kB/socket', (m) => n((m.rssConnected - m.rssBefore) / m.clients / 1e3, 1)],
  ['B/membership', (m) => n((m.rssSubscribed - m.rssConnected) / (m.clients * m.rowsPerClient), 0)],
  ['load requests', (m) => m.requests.toLocaleString('en-US')],
  ['load s', (m) => n(m.loadSeconds, 1)],
  ['PUT heard by', (m) => `${m.check.heard} of ${m.check.holders}`],
];

const HERD: Column<HerdResult>[] = [
  ['rounds', (h) => String(h.rounds)],
  ...figures<HerdResult>('all fresh', (h) => h.allFresh, ['p50', 'max'], 0, ' ms'),
  ...figures<HerdResult>('all notified', (h) => h.allNotified, ['p50'], 0, ' ms'),
  ...figures<HerdResult>('reloads/s', (h) => h.requestsPerSecond, ['p50', 'min'], 0),
  ['stale rows', (h) => String(h.stale)],
  ['older versions', (h) => String(h.olderVersions)],
  ['errors', (h) => String(h.errors.length)],
];

const THROUGHPUT: Column<ThroughputPhase>[] = [
  ['mode', (p) => (p.concurrency === 1 ? 'sequential' : `${p.concurrency}-way concurrent`)],
  ['seconds', (p) => n(p.seconds, 1)],
  ['updates', (p) => String(p.updates)],
  ['updates/s', (p) => String(p.updatesPerSecond)],
  [
    'goal',
    (p) => {
      const goal = THROUGHPUT_GOALS[p.concurrency];
      if (goal === undefined) return '-';
      return p.updatesPerSecond >= goal ? `ok ≥${n(goal, 0)}` : `MISSED ≥${n(goal, 0)}`;
    },
  ],
  ...figures<ThroughputPhase>('PUT', (p) => p.put, ['p50', 'p95'], 2, ' ms'),
  ...figures<ThroughputPhase>('notify', (p) => p.notify, ['p50', 'p95'], 2, ' ms'),
  ...figures<ThroughputPhase>('notify', (p) => p.notify, ['max'], 1, ' ms'),
  ['messages', (p) => String(p.messages)],
  ['missing', (p) => String(p.missing)],
  ['failed', (p) => String(p.failedRequests)],
];

const SEED: Column<SeedBenchResult>[] = [
  ['runs', (s) => String(s.runs)],
  ...figures<SeedBenchResult>('seedDatabase', (s) => s.seed, ['p50', 'max'], 0, ' ms'),
  ['rows/s', (s) => n(s.rows / (s.seed.p50 / 1000), 0)],
  ...figures<SeedBenchResult>('whole process', (s) => s.process, ['p50'], 0, ' ms'),
];

/** The initial bundle against its goal, or how to get a build to measure. */
function initialBundleLine(bundle: InitialBundle | null): string {
  const goal = `goal ≤ ${n(INITIAL_BUNDLE_GOAL_BYTES / 1000, 0)} kB`;
  if (!bundle)
    return `0. Initial client bundle: no client build to measure (npx nx build client); ${goal}`;
  const holds = bundle.bytes <= INITIAL_BUNDLE_GOAL_BYTES ? 'holds' : 'MISSED';
  return (
    `0. Initial client bundle (${bundle.dir}, built ${bundle.builtAt}): ${n(bundle.bytes / 1000, 1)} kB raw ` +
    `in ${bundle.files.length} files — ${goal}: ${holds}`
  );
}

export function renderReport(report: Report): string {
  const m = report.machine;
  const out: string[] = [
    `SmartNgRX live-sync benchmarks${report.quick ? ' (QUICK — not comparable)' : ''}`,
    ...(report.experiments.length ? [`EXPERIMENT: ${report.experiments.join(', ')}`] : []),
    `${m.date} · ${m.cores} cores (${m.cpu}) · ${m.memoryGiB} GiB · Node ${m.node} · ${m.os}`,
    `load average (1/5/15 min) at start ${m.loadAverage.map((l) => l.toFixed(2)).join(' ')}, at end ${m.loadAverageEnd
      .map((l) => l.toFixed(2))
      .join(' ')} · wall time ${formatDuration(report.wallSeconds)}`,
    '',
  ];
  const section = (title: string, text: string) => out.push(title, text, '');
  const { fanOut, herd, throughput, seed, clusterFanOut, targetedFanOut, memory } = report;
  if (report.initialBundle !== undefined) out.push(initialBundleLine(report.initialBundle), '');
  if (fanOut)
    section(
      '1. Fan-out — PUT /api/docs → message at ALL N clients (ms), vs a bare socket.io 4.8 broadcast',
      table(FAN_OUT, fanOut),
    );
  if (herd)
    section(
      `2. Refetch herd — ${herd.clients.toLocaleString('en-US')} clients each reload the row on the message (POST /api/docs [id])`,
      table(HERD, [herd]),
    );
  if (throughput)
    section(
      '3. Mutation throughput — PUT /api/docs with 1 listening client',
      table(THROUGHPUT, throughput),
    );
  if (seed)
    section(
      `4. Seed — ${seed.rows.toLocaleString('en-US')} rows into an empty SQLite database, fresh process per run`,
      table(SEED, [seed]),
    );
  if (clusterFanOut)
    section(
      '5. Cross-instance fan-out — PUT on instance 1 → message at ALL N clients (ms): N/2 on each of 2 instances (split) vs all N on instance 1 (single); PostgreSQL + Redis',
      table(CLUSTER_FAN_OUT, clusterFanOut),
    );
  if (targetedFanOut)
    section(
      `6. Targeted fan-out — PUT /api/docs → message at all who hear it (ms) and server CPU per mutation (ms); ${targetedFanOut.clients.toLocaleString('en-US')} clients connected, ${targetedFanOut.holders.toLocaleString('en-US')} loaded the row`,
      targetedSection(targetedFanOut),
    );
  if (memory)
    section(
      `7. Memory — server RSS with ${memory.clients.toLocaleString('en-US')} sockets each subscribed to ${memory.rowsPerClient.toLocaleString('en-US')} rows (loaded over HTTP with X-Socket-Id)`,
      table(MEMORY, [memory]),
    );
  for (const [name, error] of Object.entries(report.failures)) out.push(`FAILED ${name}: ${error}`);
  return out.join('\n');
}

export function formatDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return m ? `${m} min ${Math.round(seconds - m * 60)} s` : `${seconds.toFixed(1)} s`;
}
