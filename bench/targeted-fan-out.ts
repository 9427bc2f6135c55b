// Benchmark 6 — targeted fan-out: N clients on one real server, H of which loaded the changed row
// over HTTP with their socket's id (X-Socket-Id: they joined its room); the other N − H each
// loaded one other doc. A PUT of the row → time until all H have the message, and the server's
// CPU time per mutation. On the same server and workers, the broadcast baselines: H clients with
// `auth: { interest: 'all' }` (turn about with targeted in every round), then N such clients.
import { benchmarkMain } from './lib/child-main';
import { TARGETED_GOAL_RATIO } from './lib/config';
import { ClientPool } from './lib/client-pool';
import { sleep } from './lib/clock';
import { findDocIds } from './lib/docs';
import { fanOutWorkers, pairedFanOutRounds, type FanOutSamples } from './lib/fan-out-rounds';
import { keepAliveAgent } from './lib/http';
import { cpuMs, quiet } from './lib/proc';
import type { Target } from './lib/protocol';
import { startRealServer } from './lib/servers';
import { pairedMedian, rounded, summarize, type Summary } from './lib/stats';

export interface TargetedSide {
  /** Clients that hear each of this side's PUTs. */
  hearing: number;
  /** PUT request start → the last of them has the message, ms. */
  all: Summary;
  /** … → the first of them has it. */
  first: Summary;
  /** … → the PUT's HTTP response. */
  put: Summary;
  /** Server CPU time from just before the PUT until all had it, mean over the rounds, ms. */
  cpuPerMutation: number;
}

export interface TargetedFanOutResult {
  /** Clients of the targeted side, connected all the time; H of them hold the row. */
  clients: number;
  holders: number;
  workers: number;
  rounds: number;
  /** H clients that loaded the row (of N connected). */
  targeted: TargetedSide;
  /** H clients with interest 'all' (the N targeted ones connected, hearing nothing). */
  broadcastFew: TargetedSide;
  /** N clients with interest 'all'. */
  broadcastAll: TargetedSide;
  /** Median of the per-round ratios targeted ÷ H-client broadcast, time until all had it. */
  timeRatioFew: number;
  /** targeted ÷ H-client broadcast, CPU per mutation. */
  cpuRatioFew: number;
  /** targeted ÷ N-client broadcast, at p50 and CPU per mutation. */
  timeRatioAll: number;
  cpuRatioAll: number;
  goalMet: boolean;
  /** Messages received over all rounds (warm-up included). */
  messages: {
    /** By the N − H clients that hold other rows, per worker: must all be 0. */
    bystanders: number[];
    holders: number;
    /** H × the targeted turns. */
    holdersExpected: number;
  };
  /** The server's CPU while idle with every client connected (socket.io pings), ms per second. */
  idleCpuMsPerSecond: number;
  connectSeconds: number;
  loadSeconds: number;
}

const ms2 = (value: number) => Math.round(value * 100) / 100;
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / (values.length || 1);

function side(hearing: number, samples: FanOutSamples): TargetedSide {
  return {
    hearing,
    all: rounded(summarize(samples.all)),
    first: rounded(summarize(samples.first)),
    put: rounded(summarize(samples.put)),
    cpuPerMutation: ms2(mean(samples.cpu)),
  };
}

benchmarkMain('targeted-fan-out', async (config, log) => {
  const { clients, holders, rounds, warmupRounds } = config.targetedFanOut;
  const bystanders = clients - holders;
  const workers = fanOutWorkers(clients, config);
  log(`starting the server (fresh DB) and ${workers} client worker(s)…`);
  const [server, pool] = await Promise.all([startRealServer(), ClientPool.start(workers)]);
  const agent = keepAliveAgent(1);
  try {
    log(`server up in ${(server.startupMs / 1000).toFixed(1)} s (migrate + seed)`);
    // The coordinator's own loads carry no socket id: they subscribe nobody.
    const [changedId, broadcastId, ...otherIds] = await findDocIds(
      server.port,
      agent,
      2 + bystanders,
    );
    if (otherIds.length < bystanders)
      throw new Error(`found ${otherIds.length + 2} docs, need ${bystanders + 2}`);

    const connectStarted = performance.now();
    for (const [target, count, interest] of [
      ['holders', holders, 'loaded'],
      ['bystanders', bystanders, 'loaded'],
      ['broadcast', clients, 'all'],
      ['broadcast50', holders, 'all'],
    ] as const) {
      const ms = await pool.connect(target, server.port, count, { interest, parkable: true });
      log(
        `${count} ${target} clients (interest ${interest}) connected in ${(ms / 1000).toFixed(1)} s`,
      );
    }
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    await pool.park('broadcast', true);
    await pool.park('broadcast50', true);

    // Holders load the changed doc; each bystander one other doc of its own.
    const loadStarted = performance.now();
    await pool.load('holders', server.port, 'docs', [changedId], 1, 0);
    await pool.load('bystanders', server.port, 'docs', otherIds, 1, 1);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    log(`${clients} targeted clients loaded their doc in ${loadSeconds.toFixed(1)} s`);

    const idleFrom = cpuMs(server.pid);
    await sleep(2000);
    const idleCpuMsPerSecond = (cpuMs(server.pid) - idleFrom) / 2;
    log(
      `idle server CPU with ${clients * 2 + holders} sockets: ${idleCpuMsPerSecond.toFixed(1)} ms/s`,
    );

    // Targeted and the broadcast to H take turns in every round (H all-interest clients leave
    // /data for targeted's turn); the broadcast to N comes after them: N sockets rejoining and
    // leaving every round would leave work and garbage that falls on the next turn.
    let fewOn = false;
    const few = async (on: boolean) => {
      if (fewOn === on) return;
      await pool.park('broadcast50', !on);
      fewOn = on;
      await quiet(server.pid);
    };
    const countsBefore = await pool.counts();
    const label = `N=${clients} H=${holders}`;
    const options = { docId: changedId, label, rounds, warmupRounds, agent, log };
    const cpu = () => cpuMs(server.pid);
    const samples = await pairedFanOutRounds(
      pool,
      {
        targeted: { targets: ['holders'], port: server.port, prepare: () => few(false) },
        broadcastFew: {
          targets: ['broadcast50'],
          port: server.port,
          docId: broadcastId,
          prepare: () => few(true),
        },
      },
      { ...options, cpuMs: cpu },
    );
    await few(false);
    await pool.park('broadcast', false);
    await quiet(server.pid);
    const { broadcastAll } = await pairedFanOutRounds(
      pool,
      { broadcastAll: { targets: ['broadcast'], port: server.port, docId: broadcastId } },
      { ...options, label: `N=${clients} all`, cpuMs: cpu },
    );
    await sleep(200); // a stray message would have arrived by now
    const countsAfter = await pool.counts();
    const received = (target: Target) =>
      countsAfter.map((after, i) => (after[target] ?? 0) - (countsBefore[i][target] ?? 0));

    const targeted = side(holders, samples.targeted);
    const broadcastFew = side(holders, samples.broadcastFew);
    const all = side(clients, broadcastAll);
    const timeRatioFew = ms2(
      pairedMedian(samples.targeted.all, samples.broadcastFew.all, (t, b) => t / b),
    );
    const cpuRatioFew = ms2(targeted.cpuPerMutation / broadcastFew.cpuPerMutation);
    const messages = {
      bystanders: received('bystanders'),
      holders: received('holders').reduce((sum, n) => sum + n, 0),
      holdersExpected: holders * (warmupRounds + rounds),
    };
    const result: TargetedFanOutResult = {
      clients,
      holders,
      workers,
      rounds,
      targeted,
      broadcastFew,
      broadcastAll: all,
      timeRatioFew,
      cpuRatioFew,
      timeRatioAll: ms2(targeted.all.p50 / all.all.p50),
      cpuRatioAll: ms2(targeted.cpuPerMutation / all.cpuPerMutation),
      goalMet:
        timeRatioFew <= TARGETED_GOAL_RATIO &&
        cpuRatioFew <= TARGETED_GOAL_RATIO &&
        messages.bystanders.every((n) => n === 0) &&
        messages.holders === messages.holdersExpected,
      messages,
      idleCpuMsPerSecond: ms2(idleCpuMsPerSecond),
      connectSeconds: Math.round(connectSeconds * 10) / 10,
      loadSeconds: Math.round(loadSeconds * 10) / 10,
    };
    log(
      `targeted p50 ${targeted.all.p50} ms, CPU ${targeted.cpuPerMutation} ms / broadcast to ${holders}: ${broadcastFew.all.p50} ms, ${broadcastFew.cpuPerMutation} ms / to ${clients}: ${all.all.p50} ms, ${all.cpuPerMutation} ms; bystanders got ${messages.bystanders.join(' ')}`,
    );
    return result;
  } finally {
    agent.destroy();
    await pool.close();
    await server.stop();
  }
});
