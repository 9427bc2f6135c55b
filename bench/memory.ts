// Benchmark 7 — server memory under targeted delivery: N sockets that each loaded R docs over HTTP
// with their socket's id (each joined R rooms: N × R memberships). The server's resident set
// before any client, with the N connected, and with every row loaded.
import { benchmarkMain } from './lib/child-main';
import { ClientPool } from './lib/client-pool';
import { sleep } from './lib/clock';
import { findDocIds } from './lib/docs';
import { fanOutWorkers } from './lib/fan-out-rounds';
import { expectJson, keepAliveAgent } from './lib/http';
import { memory } from './lib/proc';
import { startRealServer } from './lib/servers';

export interface MemoryResult {
  clients: number;
  rowsPerClient: number;
  /** Distinct docs the windows are taken from. */
  docs: number;
  workers: number;
  /** Server RSS, bytes: started and idle; with N sockets; with every socket's rows loaded. */
  rssBefore: number;
  rssConnected: number;
  rssSubscribed: number;
  /** The highest RSS the server reached (VmHWM), bytes. */
  rssPeak: number;
  /** Load requests (≤ 1,000 ids each) and the rows they returned. */
  requests: number;
  rows: number;
  connectSeconds: number;
  loadSeconds: number;
  /** One PUT of a doc: how many of the clients that loaded it heard, of how many. */
  check: { heard: number; holders: number };
}

/** Lets the server finish what it was doing (and its allocator settle) before a reading. */
const SETTLE_MS = 2000;

benchmarkMain('memory', async (config, log) => {
  const { clients, rowsPerClient } = config.memory;
  const workers = fanOutWorkers(clients, config);
  log(`starting the server (fresh DB) and ${workers} client worker(s)…`);
  const [server, pool] = await Promise.all([startRealServer(), ClientPool.start(workers)]);
  const agent = keepAliveAgent(1);
  try {
    const docIds = await findDocIds(server.port, agent, 10_000);
    // Client i loads the window of rowsPerClient docs from index i × stride (cyclic): every
    // socket a different set, every doc in as many windows.
    const stride = Math.max(1, Math.floor(docIds.length / clients));
    await sleep(SETTLE_MS);
    const before = memory(server.pid);
    log(`server up, ${docIds.length} docs; RSS ${(before.rss / 1e6).toFixed(0)} MB`);

    const connectMs = await pool.connect('subscribers', server.port, clients, {
      interest: 'loaded',
    });
    await sleep(SETTLE_MS);
    const connected = memory(server.pid);
    log(
      `${clients} clients connected in ${(connectMs / 1000).toFixed(1)} s; RSS ${(connected.rss / 1e6).toFixed(0)} MB`,
    );

    const loaded = await pool.load(
      'subscribers',
      server.port,
      'docs',
      docIds,
      rowsPerClient,
      stride,
    );
    await sleep(SETTLE_MS);
    const subscribed = memory(server.pid);
    log(
      `${loaded.rows} rows loaded in ${loaded.requests} requests, ${(loaded.ms / 1000).toFixed(1)} s; RSS ${(subscribed.rss / 1e6).toFixed(0)} MB`,
    );

    // The memberships are real: a PUT of doc 0 reaches exactly the clients whose window holds it.
    let holders = 0;
    for (let i = 0; i < clients; i++) {
      const start = (i * stride) % docIds.length;
      if ((docIds.length - start) % docIds.length < rowsPerClient) holders++;
    }
    const total = (counts: Awaited<ReturnType<ClientPool['counts']>>) =>
      counts.reduce((sum, c) => sum + (c.subscribers ?? 0), 0);
    const heardBefore = total(await pool.counts());
    await expectJson(
      server.port,
      'PUT',
      '/api/docs',
      { id: docIds[0], name: 'memory check' },
      agent,
    );
    let heard = 0;
    for (let waited = 0; waited < 5000 && heard < holders; waited += 100) {
      await sleep(100);
      heard = total(await pool.counts()) - heardBefore;
    }
    await sleep(300); // more than expected would show up now
    heard = total(await pool.counts()) - heardBefore;

    return {
      clients,
      rowsPerClient,
      docs: docIds.length,
      workers,
      rssBefore: before.rss,
      rssConnected: connected.rss,
      rssSubscribed: subscribed.rss,
      rssPeak: memory(server.pid).peak,
      requests: loaded.requests,
      rows: loaded.rows,
      connectSeconds: Math.round(connectMs / 100) / 10,
      loadSeconds: Math.round(loaded.ms / 100) / 10,
      check: { heard, holders },
    } satisfies MemoryResult;
  } finally {
    agent.destroy();
    await pool.close();
    await server.stop();
  }
});
