// Benchmark 5 — cross-instance fan-out: two instances of the real server sharing a PostgreSQL
// database and a Redis (the socket.io Redis adapter). A REST PUT always through instance 1 → the
// `/data` message at ALL N clients, with the N clients split half/half over instance 1 and
// instance 2, side by side with all N on instance 1: same processes, same round, back to back.
import type { BenchConfig } from './lib/config';
import { benchmarkMain } from './lib/child-main';
import { ClientPool } from './lib/client-pool';
import { sleep } from './lib/clock';
import { findDocIds } from './lib/docs';
import { fanOutWorkers, pairedFanOutRounds } from './lib/fan-out-rounds';
import { keepAliveAgent } from './lib/http';
import type { Target } from './lib/protocol';
import { startBenchCluster } from './lib/servers';
import { pairedMedian, rounded, summarize, type Summary } from './lib/stats';

export interface ClusterFanOutRow {
  clients: number;
  workers: number;
  rounds: number;
  /** PUT on instance 1 → the last of N clients has the message, all N on instance 1, ms. */
  single: Summary;
  /** The same with N/2 on instance 1 and N/2 on instance 2. */
  split: Summary;
  /** PUT → the first client has it (all on instance 1). */
  singleFirst: Summary;
  /** PUT → the first client on instance 2 has it: the hop through Redis. */
  remoteFirst: Summary;
  /** PUT on instance 1 → its HTTP response (split rounds). */
  put: Summary;
  /** split − single at p50 and p95, ms. */
  costP50: number;
  costP95: number;
  /** The cross-instance cost: median of the per-round differences split − single, ms. */
  pairedCost: number;
  /** Database, Redis and both instances ready (migrate + seed), s. */
  startupSeconds: number;
  connectSeconds: number;
}

/** Which of the parkable groups listens besides `instance1`, i.e. which side is set up. */
type Side = 'single' | 'split';
const SIDE_TARGETS: Record<Side, readonly Target[]> = {
  single: ['instance1', 'instance1b'],
  split: ['instance1', 'instance2'],
};

async function measure(clients: number, config: BenchConfig, log: (l: string) => void) {
  const { rounds, warmupRounds } = config.clusterFanOut;
  const workers = fanOutWorkers(clients, config);
  const half = Math.floor(clients / 2);
  const other = clients - half;
  log(
    `N=${clients}: starting the cluster (new PostgreSQL database, redis-server, 2 instances) and ${workers} client worker(s)…`,
  );
  const [cluster, pool] = await Promise.all([startBenchCluster(), ClientPool.start(workers)]);
  const agent = keepAliveAgent(1);
  try {
    const startupSeconds = cluster.startupMs / 1000;
    log(`N=${clients}: cluster up in ${startupSeconds.toFixed(1)} s (migrate + seed)`);
    const [first, second] = cluster.ports;
    const [docId] = await findDocIds(first, agent, 1);
    // instance1 always listens; instance1b (on instance 1) or instance2 completes it to N.
    const connectStarted = performance.now();
    for (const [target, port, count] of [
      ['instance1', first, half],
      ['instance1b', first, other],
      ['instance2', second, other],
    ] as const) {
      const ms = await pool.connect(target, port, count, { parkable: true });
      log(`N=${clients}: ${count} ${target} clients connected in ${(ms / 1000).toFixed(1)} s`);
    }
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    await pool.park('instance2', true);
    let current: Side = 'single';
    /** Parks the group the side does not use, then brings back the one it does. */
    const use = (side: Side) => async () => {
      if (current === side) return;
      const [off, on]: Target[] =
        side === 'split' ? ['instance1b', 'instance2'] : ['instance2', 'instance1b'];
      await pool.park(off, true);
      await pool.park(on, false);
      current = side;
      await sleep(100); // the instances have handled the leaves before the next PUT
    };

    const samples = await pairedFanOutRounds(
      pool,
      {
        single: { targets: SIDE_TARGETS.single, port: first, prepare: use('single') },
        split: { targets: SIDE_TARGETS.split, port: first, prepare: use('split') },
      },
      { docId, label: `N=${clients}`, rounds, warmupRounds, agent, log },
    );
    const single = summarize(samples.single.all);
    const split = summarize(samples.split.all);
    const ms = (value: number) => Math.round(value * 100) / 100;
    const row: ClusterFanOutRow = {
      clients,
      workers,
      rounds,
      single: rounded(single),
      split: rounded(split),
      singleFirst: rounded(summarize(samples.single.first)),
      remoteFirst: rounded(summarize(samples.split.firstOf.instance2 ?? [])),
      put: rounded(summarize(samples.split.put)),
      costP50: ms(split.p50 - single.p50),
      costP95: ms(split.p95 - single.p95),
      pairedCost: ms(pairedMedian(samples.split.all, samples.single.all, (s, o) => s - o)),
      startupSeconds: Math.round(startupSeconds * 10) / 10,
      connectSeconds: Math.round(connectSeconds * 10) / 10,
    };
    log(
      `N=${clients}: single p50 ${row.single.p50} ms / split p50 ${row.split.p50} ms → cross-instance cost ${row.pairedCost} ms (paired)`,
    );
    return row;
  } finally {
    agent.destroy();
    await pool.close();
    await cluster.stop();
  }
}

benchmarkMain('cluster-fan-out', async (config, log) => {
  const rows: ClusterFanOutRow[] = [];
  for (const clients of config.clusterFanOut.sizes) rows.push(await measure(clients, config, log));
  return rows;
});
