// Benchmark 1 — fan-out: a REST PUT on the real server → the `/data` message at ALL N clients,
// side by side with a bare socket.io server broadcasting the same payload to N clients of the
// same workers. Rounds alternate between the two servers so background load hits both alike.
import type { BenchConfig } from './lib/config';
import { benchmarkMain } from './lib/child-main';
import { ClientPool } from './lib/client-pool';
import { findDocIds } from './lib/docs';
import { fanOutWorkers, pairedFanOutRounds } from './lib/fan-out-rounds';
import { keepAliveAgent } from './lib/http';
import { startBareServer, startRealServer } from './lib/servers';
import { pairedMedian, rounded, summarize, type Summary } from './lib/stats';

export interface FanOutRow {
  clients: number;
  workers: number;
  rounds: number;
  /** Request start → the last of the N clients has the message, ms. */
  ours: Summary;
  bare: Summary;
  /** Request start → the first client has it, ms. */
  oursFirst: Summary;
  bareFirst: Summary;
  /** PUT request → its HTTP response, ms. */
  oursPut: Summary;
  barePut: Summary;
  ratioP50: number;
  ratioP95: number;
  /** Median of the per-round ratios ours/bare (each round measures both back to back). */
  pairedRatioP50: number;
  connectSeconds: number;
}

async function measure(clients: number, config: BenchConfig, log: (l: string) => void) {
  const { rounds, warmupRounds } = config.fanOut;
  const workers = fanOutWorkers(clients, config);
  log(
    `N=${clients}: starting the server (fresh DB), the bare server and ${workers} client worker(s)…`,
  );
  const [ours, bare, pool] = await Promise.all([
    startRealServer(),
    startBareServer(),
    ClientPool.start(workers, undefined),
  ]);
  const agent = keepAliveAgent(1);
  try {
    log(`N=${clients}: server up in ${(ours.startupMs / 1000).toFixed(1)} s (migrate + seed)`);
    const [docId] = await findDocIds(ours.port, agent, 1);
    const connectStarted = performance.now();
    for (const [target, port] of [
      ['ours', ours.port],
      ['bare', bare.port],
    ] as const) {
      const ms = await pool.connect(target, port, clients);
      log(`N=${clients}: ${clients} clients connected to ${target} in ${(ms / 1000).toFixed(1)} s`);
    }
    const connectSeconds = (performance.now() - connectStarted) / 1000;

    const samples = await pairedFanOutRounds(
      pool,
      {
        ours: { targets: ['ours'], port: ours.port },
        bare: { targets: ['bare'], port: bare.port },
      },
      { docId, label: `N=${clients}`, rounds, warmupRounds, agent, log },
    );
    const oursAll = summarize(samples.ours.all);
    const bareAll = summarize(samples.bare.all);
    const row: FanOutRow = {
      clients,
      workers,
      rounds,
      ours: rounded(oursAll),
      bare: rounded(bareAll),
      oursFirst: rounded(summarize(samples.ours.first)),
      bareFirst: rounded(summarize(samples.bare.first)),
      oursPut: rounded(summarize(samples.ours.put)),
      barePut: rounded(summarize(samples.bare.put)),
      ratioP50: Math.round((oursAll.p50 / bareAll.p50) * 100) / 100,
      ratioP95: Math.round((oursAll.p95 / bareAll.p95) * 100) / 100,
      pairedRatioP50:
        Math.round(pairedMedian(samples.ours.all, samples.bare.all, (o, b) => o / b) * 100) / 100,
      connectSeconds: Math.round(connectSeconds * 10) / 10,
    };
    log(
      `N=${clients}: ours p50 ${row.ours.p50} ms / bare p50 ${row.bare.p50} ms → ratio ${row.ratioP50}`,
    );
    return row;
  } finally {
    agent.destroy();
    await pool.close();
    await Promise.all([ours.stop(), bare.stop()]);
  }
}

benchmarkMain('fan-out', async (config, log) => {
  const rows: FanOutRow[] = [];
  for (const clients of config.fanOut.sizes) rows.push(await measure(clients, config, log));
  return rows;
});
