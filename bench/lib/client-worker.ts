// A client worker process: holds many socket.io clients (each its own connection, like separate
// browsers) and reports, on the shared clock (clock.ts), when they receive messages. Forked by
// client-pool.ts; exits when its coordinator goes away.
import type http from 'node:http';
import { ALL_INTEREST, MAX_IDS_PER_LOAD, SOCKET_ID_HEADER } from '@smart-sync/shared-types';
import { io, type Socket } from 'socket.io-client';
import { nowMs } from './clock';
import { HOST, keepAliveAgent, requestJson } from './http';
import type { FromWorker, Interest, Target, ToWorker } from './protocol';
import { adoptSession, socketOptions } from './session';

interface Client {
  /** On `/data`. */
  socket: Socket;
  /** A parkable client's socket on the main namespace `/`: it keeps the connection open. */
  anchor?: Socket;
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
/** Loads in flight per worker (each over a keep-alive connection of its own). */
const LOAD_CONCURRENCY = 8;
const clients = new Map<Target, Client[]>();
/** Messages each target's clients received, all together, whether a round was armed or not. */
const received: Partial<Record<Target, number>> = {};
/** Targets whose clients have left `/data` for now. */
const parked = new Set<Target>();

function group(target: Target): Client[] {
  let list = clients.get(target);
  if (!list) clients.set(target, (list = []));
  return list;
}

function send(message: FromWorker): void {
  process.send?.(message);
}

let round: {
  targets: readonly Target[];
  round: number;
  mode: 'fanout' | 'herd';
  expectName?: string;
  /** Clients of the targets: all of them must get the message. */
  total: number;
  received: number;
  done: number;
  first: number;
  last: number;
  firsts: Partial<Record<Target, number>>;
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
  received[target] = (received[target] ?? 0) + 1;
  if (listening && listening.target === target) {
    for (const id of payload.ids) listening.items.push([id, at]);
  }
  const r = round;
  if (!r || !r.targets.includes(target) || client.got) return;
  client.got = true;
  r.received++;
  if (r.received === 1) r.first = at;
  r.firsts[target] ??= at;
  r.last = at;
  const total = r.total;
  if (r.mode === 'fanout') {
    if (r.received === total) {
      send({
        type: 'fanout-done',
        round: r.round,
        count: total,
        first: r.first,
        last: r.last,
        firsts: r.firsts,
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

function reportDisconnect(socket: Socket): void {
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect')
      send({ type: 'error', message: `a client was disconnected: ${reason}` });
  });
}

function connectOne(
  target: Target,
  port: number,
  parkable: boolean,
  interest: Interest,
): Promise<Client> {
  return new Promise((resolve, reject) => {
    // `all`: every message, whichever rows it names (targeted delivery: the "all" room); the
    // server emits to it together with the rows' rooms, in the same emit as to clients that
    // loaded the row. Sent again with each (re)join of /data.
    const socket = io(
      `http://${HOST}:${port}/data`,
      socketOptions(interest === 'all' ? ALL_INTEREST : undefined),
    );
    // A second namespace of the same connection (forceNew gives each client its own manager).
    const anchor = parkable ? socket.io.socket('/') : undefined;
    const client: Client = { socket, anchor, got: false };
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(new Error(`socket.io connect to 127.0.0.1:${port}/data failed: ${error.message}`));
    });
    socket.on('message', (payload: Notification) => onMessage(target, client, payload));
    reportDisconnect(socket);
    if (anchor) reportDisconnect(anchor);
  });
}

/** Rejoins `/data` over the client's open connection. */
function rejoin(client: Client): Promise<void> {
  return new Promise((resolve, reject) => {
    client.socket.once('connect', () => resolve());
    client.socket.once('connect_error', (error) =>
      reject(new Error(`rejoining /data failed: ${error.message}`)),
    );
    client.socket.connect();
  });
}

async function park(message: Extract<ToWorker, { type: 'park' }>): Promise<void> {
  const list = group(message.target);
  if (list.some((client) => !client.anchor))
    throw new Error(`the ${message.target} clients were not connected as parkable`);
  if (message.parked) {
    // Leaving /data closes no connection: the anchor on `/` holds it.
    for (const client of list) client.socket.disconnect();
    parked.add(message.target);
  } else {
    await Promise.all(list.map(rejoin));
    parked.delete(message.target);
  }
  send({ type: 'parked', target: message.target, parked: message.parked });
}

async function connect(message: Extract<ToWorker, { type: 'connect' }>): Promise<void> {
  adoptSession(message.cookie);
  const started = nowMs();
  const list = group(message.target);
  if (message.refetchPort) refetchPorts[message.target] = message.refetchPort;
  let next = 0;
  let lastReport = 0;
  const lane = async () => {
    while (next < message.count) {
      next++;
      const client = await connectOne(
        message.target,
        message.port,
        message.parkable ?? false,
        message.interest ?? 'all',
      );
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

/** Each client of the target loads its rows with its socket's id: it joins their rooms. */
async function load(message: Extract<ToWorker, { type: 'load' }>): Promise<void> {
  adoptSession(message.cookie);
  const { ids, perClient, stride, first } = message;
  const list = group(message.target);
  const agent = keepAliveAgent(LOAD_CONCURRENCY);
  const started = nowMs();
  let requests = 0;
  let rows = 0;
  let next = 0;
  const lane = async () => {
    while (next < list.length) {
      const k = next++;
      const wanted = Array.from(
        { length: perClient },
        (_, m) => ids[((first + k) * stride + m) % ids.length],
      );
      for (let from = 0; from < wanted.length; from += MAX_IDS_PER_LOAD) {
        const chunk = wanted.slice(from, from + MAX_IDS_PER_LOAD);
        const res = await requestJson<unknown[]>(
          message.port,
          'POST',
          `/api/${message.table}`,
          chunk,
          agent,
          { headers: { [SOCKET_ID_HEADER]: list[k].socket.id ?? '' } },
        );
        requests++;
        if (res.status !== 200 || !Array.isArray(res.body) || res.body.length !== chunk.length)
          throw new Error(
            `POST /api/${message.table} (${chunk.length} ids) → ${res.status}, ${Array.isArray(res.body) ? res.body.length : 'no'} rows`,
          );
        rows += res.body.length;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: LOAD_CONCURRENCY }, lane));
  } finally {
    agent.destroy();
  }
  send({ type: 'loaded', target: message.target, requests, rows, ms: nowMs() - started });
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
    case 'load':
      load(message).catch((error: Error) => send({ type: 'error', message: error.message }));
      break;
    case 'count':
      send({ type: 'counts', counts: { ...received } });
      break;
    case 'arm': {
      const armed = message.targets.flatMap(group);
      const idle = message.targets.filter((target) => parked.has(target));
      if (idle.length) {
        send({ type: 'error', message: `armed a round of parked clients (${idle.join(', ')})` });
        break;
      }
      for (const client of armed) client.got = false;
      round = {
        targets: message.targets,
        round: message.round,
        mode: message.mode,
        expectName: message.expectName,
        total: armed.length,
        received: 0,
        done: 0,
        first: 0,
        last: 0,
        firsts: {},
        firstRequest: 0,
        lastFresh: 0,
        stale: 0,
        errors: [],
        versions: [],
      };
      send({ type: 'armed', round: message.round });
      break;
    }
    case 'park':
      park(message).catch((error: Error) => send({ type: 'error', message: error.message }));
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
      for (const list of clients.values()) {
        for (const client of list) {
          client.socket.close();
          client.anchor?.close();
          client.agent?.destroy();
        }
      }
      process.exit(0);
  }
});

// Never outlive the coordinator.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
