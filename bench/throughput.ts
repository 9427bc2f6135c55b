// Benchmark 3 — mutation throughput: PUT /api/docs as fast as the server answers, first one at a
// time, then 8 at a time, each for a fixed time, while one socket.io client (in a worker process)
// listens. Every update targets a different doc, so each message can be paired with its request.
import type http from 'node:http';
import { benchmarkMain } from './lib/child-main';
import { ClientPool } from './lib/client-pool';
import { nowMs, sleep } from './lib/clock';
import { findDocIds } from './lib/docs';
import { keepAliveAgent, requestJson } from './lib/http';
import { matchNotifications, type Stamp } from './lib/match';
import { startRealServer } from './lib/servers';
import { rounded, summarize, type Summary } from './lib/stats';

export interface ThroughputPhase {
  concurrency: number;
  seconds: number;
  updates: number;
  updatesPerSecond: number;
  /** PUT request → its response, ms. */
  put: Summary;
  /** PUT request start → the listening client got the message naming that doc, ms. */
  notify: Summary;
  /** Updates whose message never arrived (should be 0). */
  missing: number;
  /** Messages that matched no update (should be 0). */
  unexpected: number;
  /** Messages received (fewer than updates when the server coalesced some). */
  messages: number;
  failedRequests: number;
}

async function phase(
  port: number,
  pool: ClientPool,
  docIds: string[],
  cursor: { next: number },
  concurrency: number,
  seconds: number,
): Promise<ThroughputPhase> {
  const sends: Stamp[] = [];
  const arrivals: Stamp[] = [];
  let messages = 0;
  await pool.listen('ours', (items) => {
    messages += new Set(items.map(([, at]) => at)).size;
    for (const [id, at] of items) arrivals.push({ id, at });
  });
  const agent: http.Agent = keepAliveAgent(concurrency);
  const putTimes: number[] = [];
  let failedRequests = 0;
  const started = nowMs();
  const end = started + seconds * 1000;
  const loop = async () => {
    while (nowMs() < end) {
      const id = docIds[cursor.next++ % docIds.length];
      const at = nowMs();
      const res = await requestJson(
        port,
        'PUT',
        '/api/docs',
        { id, name: `throughput ${cursor.next}` },
        agent,
      );
      if (res.status !== 200) {
        failedRequests++;
        continue;
      }
      putTimes.push(nowMs() - at);
      sends.push({ id, at });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (nowMs() - started) / 1000;
  // Let the last messages arrive (bounded), then stop listening.
  for (let waited = 0; arrivals.length < sends.length && waited < 3000; waited += 100)
    await sleep(100);
  await pool.flush();
  agent.destroy();
  const matched = matchNotifications(sends, arrivals);
  return {
    concurrency,
    seconds: Math.round(elapsed * 100) / 100,
    updates: sends.length,
    updatesPerSecond: Math.round(sends.length / elapsed),
    put: rounded(summarize(putTimes)),
    notify: rounded(summarize(matched.delays)),
    missing: matched.missing,
    unexpected: matched.unexpected,
    messages,
    failedRequests,
  };
}

benchmarkMain('throughput', async (config, log) => {
  const { seconds, concurrency, workers } = config.throughput;
  log('starting the server (fresh DB) and a listening client…');
  const [server, pool] = await Promise.all([startRealServer(), ClientPool.start(workers)]);
  const agent = keepAliveAgent(1);
  try {
    await pool.connect('ours', server.port, 1);
    const docIds = await findDocIds(server.port, agent, 10_000);
    log(`server up in ${(server.startupMs / 1000).toFixed(1)} s; ${docIds.length} docs to update`);
    const cursor = { next: 0 };
    // A short warm-up (JIT, connection pools), not measured.
    await phase(server.port, pool, docIds, cursor, 2, Math.min(1, seconds));
    const phases: ThroughputPhase[] = [];
    for (const c of [1, concurrency]) {
      log(`${c === 1 ? 'sequential' : `${c}-way concurrent`} updates for ${seconds} s…`);
      const result = await phase(server.port, pool, docIds, cursor, c, seconds);
      log(
        `  ${result.updatesPerSecond} updates/s, notification p95 ${result.notify.p95} ms, missing ${result.missing}`,
      );
      phases.push(result);
    }
    return phases;
  } finally {
    agent.destroy();
    await pool.close();
    await server.stop();
  }
});
