// A client worker process: holds many socket.io clients (each its own connection, like separate
// browsers) and reports, on the shared clock (clock.ts), when they receive messages. Forked by
// client-pool.ts; exits when its coordinator goes away.
import type http from 'node:http';
import { io, type Socket } from 'socket.io-client';
import { nowMs } from './clock';
import { BENCH_ORIGIN, HOST, keepAliveAgent, requestJson } from './http';
import type { FromWorker, Target, ToWorker } from './protocol';

interface Client {
  socket: Socket;
  /** Its own keep-alive connection for REST reloads, as a browser tab has. */
  agent?: http.Agent;
  got: boolean;
}

interface Notification {
  action: string;
  table: string;
  ids: string[];
}

const CONNECT_CONCURRENCY = 50;
const clients: Record<Target, Client[]> = { ours: [], bare: [] };

function send(message: FromWorker): void {
  process.send?.(message);
}

let round: {
  target: Target;
  round: number;
  mode: 'fanout' | 'herd';
  expectName?: string;
  received: number;
  done: number;
  first: number;
  last: number;
  firstRequest: number;
  lastFresh: number;
  stale: number;
  errors: string[];
  versions: number[];
  refetchPort?: number;
} | null = null;

let listening: { target: Target; items: [string, number][]; timer: NodeJS.Timeout } | null = null;
const refetchPorts: Partial<Record<Target, number>> = {};

function onMessage(target: Target, client: Client, payload: Notification): void {
  const at = nowMs();
  if (listening && listening.target === target) {
    for (const id of payload.ids) listening.items.push([id, at]);
  }
  const r = round;
  if (!r || r.target !== target || client.got) return;
  client.got = true;
  r.received++;
  if (r.received === 1) r.first = at;
  r.last = at;
  const total = clients[target].length;
  if (r.mode === 'fanout') {
    if (r.received === total) {
      send({
        type: 'fanout-done',
        target,
        round: r.round,
        count: total,
        first: r.first,
        last: r.last,
      });
      round = null;
    }
    return;
  }
  // Herd: reload the announced row like SmartNgRX's effect service does (POST /api/<table> [ids]).
  const started = nowMs();
  if (r.firstRequest === 0 || started < r.firstRequest) r.firstRequest = started;
  requestJson<{ id: string; name: string; version: number }[]>(
    refetchPorts[target] as number,
    'POST',
    `/api/${payload.table}`,
    payload.ids,
    client.agent as http.Agent,
  )
    .then((res) => {
      const row = Array.isArray(res.body) ? res.body[0] : undefined;
      if (res.status !== 200 || !row) r.errors.push(`POST /api/${payload.table} → ${res.status}`);
      else {
        if (row.name !== r.expectName) r.stale++;
        r.versions.push(row.version);
      }
    })
    .catch((error: Error) => r.errors.push(error.message))
    .finally(() => {
      r.lastFresh = Math.max(r.lastFresh, nowMs());
      if (++r.done === total) {
        send({
          type: 'herd-done',
          round: r.round,
          count: total,
          firstMessage: r.first,
          lastMessage: r.last,
          firstRequest: r.firstRequest,
          lastFresh: r.lastFresh,
          stale: r.stale,
          errors: r.errors.slice(0, 5),
          versions: r.versions,
        });
        if (round === r) round = null;
      }
    });
}

function connectOne(target: Target, port: number): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = io(`http://${HOST}:${port}/data`, {
      transports: ['websocket'],
      forceNew: true, // one connection per client, never multiplexed
      reconnection: false,
      timeout: 20_000,
      extraHeaders: { origin: BENCH_ORIGIN },
    });
    const client: Client = { socket, got: false };
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(new Error(`socket.io connect to 127.0.0.1:${port}/data failed: ${error.message}`));
    });
    socket.on('message', (payload: Notification) => onMessage(target, client, payload));
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect')
        send({ type: 'error', message: `a client was disconnected: ${reason}` });
    });
  });
}

async function connect(message: Extract<ToWorker, { type: 'connect' }>): Promise<void> {
  const started = nowMs();
  const list = clients[message.target];
  if (message.refetchPort) refetchPorts[message.target] = message.refetchPort;
  let next = 0;
  let lastReport = 0;
  const lane = async () => {
    while (next < message.count) {
      next++;
      const client = await connectOne(message.target, message.port);
      if (message.refetchPort) {
        // The tab's initial load: it opens the keep-alive connection a later reload reuses.
        client.agent = keepAliveAgent(1);
        if (message.warmupId) {
          await requestJson(
            message.refetchPort,
            'POST',
            '/api/docs',
            [message.warmupId],
            client.agent,
          );
        }
      }
      list.push(client);
      if (list.length - lastReport >= 250) {
        lastReport = list.length;
        send({ type: 'progress', target: message.target, connected: list.length });
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, lane));
  send({ type: 'connected', target: message.target, count: list.length, ms: nowMs() - started });
}

function flushArrivals(): void {
  if (listening && listening.items.length) {
    send({ type: 'arrivals', items: listening.items });
    listening.items = [];
  }
}

process.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'connect':
      connect(message).catch((error: Error) => send({ type: 'error', message: error.message }));
      break;
    case 'arm':
      for (const client of clients[message.target]) client.got = false;
      round = {
        target: message.target,
        round: message.round,
        mode: message.mode,
        expectName: message.expectName,
        received: 0,
        done: 0,
        first: 0,
        last: 0,
        firstRequest: 0,
        lastFresh: 0,
        stale: 0,
        errors: [],
        versions: [],
      };
      send({ type: 'armed', round: message.round });
      break;
    case 'listen':
      listening = { target: message.target, items: [], timer: setInterval(flushArrivals, 200) };
      send({ type: 'armed', round: -1 });
      break;
    case 'flush':
      flushArrivals();
      if (listening) clearInterval(listening.timer);
      listening = null;
      send({ type: 'flushed' });
      break;
    case 'close':
      for (const list of Object.values(clients)) {
        for (const client of list) {
          client.socket.close();
          client.agent?.destroy();
        }
      }
      process.exit(0);
  }
});

// Never outlive the coordinator.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
