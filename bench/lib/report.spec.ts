import type { ClusterFanOutRow } from '../cluster-fan-out';
import type { FanOutRow } from '../fan-out';
import type { MemoryResult } from '../memory';
import type { TargetedFanOutResult, TargetedSide } from '../targeted-fan-out';
import type { ThroughputPhase } from '../throughput';
import { renderReport, type Report } from './report';
import type { Summary } from './stats';

const summary = (p50: number, p95 = p50): Summary => ({
  count: 25,
  min: p50,
  p50,
  p95,
  max: p95,
  mean: p50,
});

const fanOutRow = (clients: number, ours: number, bare: number, ratio: number): FanOutRow => ({
  clients,
  workers: 1,
  rounds: 25,
  ours: summary(ours),
  bare: summary(bare),
  oursFirst: summary(6),
  bareFirst: summary(1.8),
  oursPut: summary(6.3),
  barePut: summary(1),
  ratioP50: ratio,
  ratioP95: ratio,
  pairedRatioP50: ratio,
  connectSeconds: 1,
});

const clusterRow = (clients: number, single: number, split: number): ClusterFanOutRow => ({
  clients,
  workers: 1,
  rounds: 25,
  single: summary(single, single + 10),
  split: summary(split, split + 10),
  singleFirst: summary(5.2),
  remoteFirst: summary(7.9),
  put: summary(6.1),
  costP50: split - single,
  costP95: split - single,
  pairedCost: split - single,
  startupSeconds: 9,
  connectSeconds: 2,
});

const targetedSide = (hearing: number, all: number, cpu: number): TargetedSide => ({
  hearing,
  all: summary(all, all + 4),
  first: summary(5.5),
  put: summary(4.8),
  cpuPerMutation: cpu,
});

const targeted: TargetedFanOutResult = {
  clients: 5000,
  holders: 50,
  workers: 4,
  rounds: 25,
  targeted: targetedSide(50, 8.1, 4.5),
  broadcastFew: targetedSide(50, 7.9, 4.4),
  broadcastAll: targetedSide(5000, 236.1, 123.16),
  timeRatioFew: 1.03,
  cpuRatioFew: 1.02,
  timeRatioAll: 0.03,
  cpuRatioAll: 0.04,
  goalMet: true,
  messages: { bystanders: [0, 0, 0, 0], holders: 1400, holdersExpected: 1400 },
  idleCpuMsPerSecond: 0.3,
  connectSeconds: 9,
  loadSeconds: 2.9,
};

const memoryResult: MemoryResult = {
  clients: 5000,
  rowsPerClient: 500,
  docs: 10000,
  workers: 4,
  rssBefore: 319e6,
  rssConnected: 339e6,
  rssSubscribed: 808e6,
  rssPeak: 809e6,
  requests: 5000,
  rows: 2_500_000,
  connectSeconds: 12.5,
  loadSeconds: 25.2,
  check: { heard: 250, holders: 250 },
};

const report: Report = {
  machine: {
    cores: 2,
    cpu: 'AMD EPYC',
    memoryGiB: 24,
    node: 'v20.20.2',
    os: 'linux',
    date: '2026-11-26T07:03:15.028Z',
    loadAverage: [4.23, 5.7, 5.89],
    loadAverageEnd: [2.86, 4.89, 5.58],
  },
  quick: false,
  experiments: [],
  wallSeconds: 124,
  fanOut: [fanOutRow(100, 12.6, 9, 1.4), fanOutRow(5000, 195.7, 200.4, 0.98)],
  failures: { seed: 'boom' },
};

describe('renderReport', () => {
  it('prints one aligned table per benchmark that ran, then the failures', () => {
    const lines = renderReport(report).split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'SmartNgRX live-sync benchmarks',
      '2026-11-26T07:03:15.028Z · 2 cores (AMD EPYC) · 24 GiB · Node v20.20.2 · linux',
      'load average (1/5/15 min) at start 4.23 5.70 5.89, at end 2.86 4.89 5.58 · wall time 2 min 4 s',
    ]);
    expect(lines.slice(5, 9)).toEqual([
      '  N clients  workers  rounds  ours p50  ours p95  bare p50  bare p95  ratio p50  ratio p95  paired     goal  Δ p50  our PUT p50  ours 1st p50  bare 1st p50',
      '  ---------  -------  ------  --------  --------  --------  --------  ---------  ---------  ------  -------  -----  -----------  ------------  ------------',
      '  100              1      25      12.6      12.6       9.0       9.0       1.40       1.40    1.40   MISSED   +3.6          6.3           6.0           1.8',
      '  5,000            1      25     195.7     195.7     200.4     200.4       0.98       0.98    0.98  ok ≤1.1   -4.7          6.3           6.0           1.8',
    ]);
    expect(lines.at(-1)).toBe('FAILED seed: boom');
  });

  it('prints the initial client bundle against its 500 kB goal, or that there is no build', () => {
    const lineOf = (initialBundle: Report['initialBundle']) =>
      renderReport({ ...report, fanOut: undefined, initialBundle, failures: {} }).split('\n')[4];
    const bundle = { dir: 'dist/apps/client/browser', files: ['a.css', 'b.js'], builtAt: 'T' };
    expect(lineOf({ ...bundle, bytes: 361_512 })).toBe(
      '0. Initial client bundle (dist/apps/client/browser, built T): 361.5 kB raw in 2 files — goal ≤ 500 kB: holds',
    );
    expect(lineOf({ ...bundle, bytes: 836_000 })).toMatch(/836\.0 kB raw .*: MISSED$/);
    expect(lineOf(null)).toBe(
      '0. Initial client bundle: no client build to measure (npx nx build client); goal ≤ 500 kB',
    );
  });

  it('prints the cross-instance fan-out with its cost and whether it stays within 5 ms', () => {
    const lines = renderReport({
      ...report,
      fanOut: undefined,
      clusterFanOut: [clusterRow(1000, 40, 43.5), clusterRow(5000, 190, 201)],
      failures: {},
    }).split('\n');
    expect(lines[4]).toMatch(/^5\. Cross-instance fan-out — PUT on instance 1 → message at ALL N/);
    expect(lines.slice(5, 9)).toEqual([
      '  N clients  workers  rounds  single p50  single p95  split p50  split p95  cost p50  cost p95  paired      goal  PUT p50  1st p50  instance 2 1st p50',
      '  ---------  -------  ------  ----------  ----------  ---------  ---------  --------  --------  ------  --------  -------  -------  ------------------',
      '  1,000            1      25        40.0        50.0       43.5       53.5      +3.5      +3.5    +3.5  ok ≤5 ms      6.1      5.2                 7.9',
      '  5,000            1      25       190.0       200.0      201.0      211.0     +11.0     +11.0   +11.0    MISSED      6.1      5.2                 7.9',
    ]);
  });

  it('prints the targeted fan-out: three sides, the silent bystanders and the goal', () => {
    const lines = renderReport({
      ...report,
      fanOut: undefined,
      targetedFanOut: targeted,
      failures: {},
    }).split('\n');
    expect(lines[4]).toMatch(
      /^6\. Targeted fan-out — .* 5,000 clients connected, 50 loaded the row$/,
    );
    expect(lines.slice(5, 13)).toEqual([
      '  side                                   hear it  rounds  all p50  all p95  1st p50  PUT p50  server CPU/mutation ms',
      '  -------------------------------------  -------  ------  -------  -------  -------  -------  ----------------------',
      '  targeted (50 of 5,000 loaded the row)       50      25      8.1     12.1      5.5      4.8                    4.50',
      '  broadcast to 50 (interest all)              50      25      7.9     11.9      5.5      4.8                    4.40',
      '  broadcast to 5,000 (interest all)        5,000      25    236.1    240.1      5.5      4.8                  123.16',
      '  bystanders (4,950 clients holding one other doc each): 0 messages (per worker 0 0 0 0) ok; holders: 1,400 of 1,400 expected',
      "  goal — targeted costs about what 50 clients cost, not 5,000 (time, paired, and CPU each ≤ 1.5 × the 50-client broadcast's): ok",
      '    targeted ÷ broadcast to 50: time ×1.03, CPU ×1.02 · ÷ broadcast to 5,000: time ×0.03, CPU ×0.04',
    ]);
  });

  it('prints the throughput with the goal of each mode and whether it holds', () => {
    const phase = (concurrency: number, updatesPerSecond: number): ThroughputPhase => ({
      concurrency,
      seconds: 10,
      updates: updatesPerSecond * 10,
      updatesPerSecond,
      put: summary(1.5, 4.2),
      notify: summary(1.6, 5.3),
      missing: 0,
      unexpected: 0,
      messages: updatesPerSecond * 10,
      failedRequests: 0,
    });
    const lines = renderReport({
      ...report,
      fanOut: undefined,
      throughput: [phase(1, 1020), phase(8, 1001), phase(4, 900)],
      failures: {},
    }).split('\n');
    expect(lines[4]).toBe('3. Mutation throughput — PUT /api/docs with 1 listening client');
    expect(lines[5]).toMatch(/^ {2}mode +seconds +updates +updates\/s +goal +PUT p50 ms/);
    expect(lines.slice(7, 10).map((line) => line.match(/\d+ +(\S+ ≥[\d,]+|-) /)?.[1])).toEqual([
      'ok ≥1,000',
      'MISSED ≥3,000',
      '-',
    ]);
  });

  it('prints the server memory and whether it stays within 1 GB', () => {
    const render = (rssSubscribed: number) =>
      renderReport({
        ...report,
        fanOut: undefined,
        memory: { ...memoryResult, rssSubscribed },
        failures: {},
      }).split('\n');
    const lines = render(808e6);
    expect(lines[4]).toBe(
      '7. Memory — server RSS with 5,000 sockets each subscribed to 500 rows (loaded over HTTP with X-Socket-Id)',
    );
    expect(lines[7]).toBe(
      '  5,000          500    2,500,000            319           339            808      809  holds ≤1,000 MB        4.0           188          5,000    25.2    250 of 250',
    );
    expect(render(1.2e9)[7]).toContain('MISSED');
  });
});
