// Benchmark 2 — refetch herd: every client, on the update message, reloads the row the way
// SmartNgRX's effect service does (`POST /api/docs [id]`, over its own keep-alive connection, as
// each browser tab has). Measures request start → the last client holds the fresh row, and the
// reload requests per second the server sustained meanwhile.
import type { ChildRow } from '@smart-sync/shared-types';
import { benchmarkMain } from './lib/child-main';
import { ClientPool } from './lib/client-pool';
import { nowMs, sleep } from './lib/clock';
import { findDocIds } from './lib/docs';
import { expectJson, keepAliveAgent } from './lib/http';
import { startRealServer } from './lib/servers';
import { rounded, summarize, type Summary } from './lib/stats';

export interface HerdResult {
  clients: number;
  rounds: number;
  /** PUT request start → every client has its reloaded row, ms. */
  allFresh: Summary;
  /** PUT request start → the last client got the message, ms. */
  allNotified: Summary;
  /** Reloads per second: clients / (last reload answered − first reload sent). */
  requestsPerSecond: Summary;
  /** Reloaded rows that did not carry the new name (should be 0). */
  stale: number;
  /** Reloads whose version was older than the one the PUT returned (should be 0). */
  olderVersions: number;
  errors: string[];
}

benchmarkMain('herd', async (config, log) => {
  const { clients, rounds, warmupRounds, workers } = config.herd;
  log(`starting the server (fresh DB) and ${workers} client worker(s)…`);
  const [server, pool] = await Promise.all([startRealServer(), ClientPool.start(workers)]);
  const agent = keepAliveAgent(1);
  try {
    log(
      `server up in ${(server.startupMs / 1000).toFixed(1)} s; connecting ${clients} clients (each loads the doc once)…`,
    );
    const [docId] = await findDocIds(server.port, agent, 1);
    const ms = await pool.connect('ours', server.port, clients, {
      refetchPort: server.port,
      warmupId: docId,
    });
    log(`${clients} clients connected in ${(ms / 1000).toFixed(1)} s`);

    const fresh: number[] = [];
    const notified: number[] = [];
    const rates: number[] = [];
    const errors: string[] = [];
    let stale = 0;
    let olderVersions = 0;
    for (let round = 0; round < warmupRounds + rounds; round++) {
      const name = `herd r${round} ${Date.now()}`;
      await pool.arm(['ours'], round, 'herd', name);
      const done = pool.herdDone('ours', round, 60_000);
      const started = nowMs();
      const [row] = await expectJson<ChildRow[]>(
        server.port,
        'PUT',
        '/api/docs',
        { id: docId, name },
        agent,
      );
      const reports = await done;
      const lastFresh = Math.max(...reports.map((r) => r.lastFresh));
      const firstRequest = Math.min(...reports.map((r) => r.firstRequest));
      const label =
        round < warmupRounds ? 'warm-up' : `round ${round - warmupRounds + 1}/${rounds}`;
      log(`${label}: all ${clients} fresh after ${(lastFresh - started).toFixed(0)} ms`);
      if (round < warmupRounds) continue;
      fresh.push(lastFresh - started);
      notified.push(Math.max(...reports.map((r) => r.lastMessage)) - started);
      rates.push(clients / ((lastFresh - firstRequest) / 1000));
      for (const report of reports) {
        stale += report.stale;
        errors.push(...report.errors);
        olderVersions += report.versions.filter((version) => version < row.version).length;
      }
      await sleep(300);
    }
    return {
      clients,
      rounds,
      allFresh: rounded(summarize(fresh)),
      allNotified: rounded(summarize(notified)),
      requestsPerSecond: rounded(summarize(rates), 0),
      stale,
      olderVersions,
      errors: errors.slice(0, 10),
    } satisfies HerdResult;
  } finally {
    agent.destroy();
    await pool.close();
    await server.stop();
  }
});
