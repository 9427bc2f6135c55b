// A worker process of the convergence soak (bench/soak.ts): holds many simulated browsers, each a
// socket.io client on `/data` (targeted delivery: it hears only the rows it loaded) with its own
// keep-alive connection, keeping its rows as SoakClient does. A client whose socket drops — the
// server restarted, its instance stopped, or the soak dropped it — reconnects to a live port and
// reloads everything it holds. Exits when its coordinator goes away.
import type http from 'node:http';
import {
  MAX_IDS_PER_LOAD,
  NOTIFICATION_EVENT,
  SOCKET_ID_HEADER,
  type SocketNotification,
} from '@smart-sync/shared-types';
import { io, type Socket } from 'socket.io-client';
import { HOST, keepAliveAgent, requestJson } from './http';
import { adoptSession, socketOptions } from './session';
import { SoakClient, type HeldRows } from './soak-client';

export type ToSoakWorker =
  | {
      type: 'init';
      cookie: string | undefined;
      ports: number[];
      clients: { index: number; port: number; departments: string[] }[];
    }
  /** The ports that answer now: where dropped clients reconnect. */
  | { type: 'ports'; ports: number[] }
  /** Disconnects these clients and reconnects them after `ms`. */
  | { type: 'drop'; indexes: number[]; ms: number }
  | { type: 'report' };

export type FromSoakWorker =
  | { type: 'ready'; clients: number; failures: number }
  | {
      type: 'report';
      held: { index: number; held: HeldRows }[];
      messages: number;
      busy: number;
      /** Clients whose socket is not connected now. */
      disconnected: number;
      reconnects: number;
      failures: number;
      /** Some of the failed loads' errors. */
      errors: string[];
      /** ms since a message last arrived or a load last ended. */
      quietMs: number;
    }
  | { type: 'error'; message: string };

const RETRY_MS = 250;
/** How often a client with a failed load tries its resync again, ms. */
const RESYNC_RETRY_MS = 1_000;

interface Simulated {
  index: number;
  port: number;
  socket?: Socket;
  agent: http.Agent;
  rows: SoakClient;
  /** The soak dropped it: it reconnects by itself later. */
  dropped: boolean;
}

let ports: number[] = [];
const simulated = new Map<number, Simulated>();
let messages = 0;
let reconnects = 0;
let lastActivity = Date.now();

function send(message: FromSoakWorker): void {
  process.send?.(message);
}

function loader(client: Simulated) {
  return async <T>(table: string, ids: string[]): Promise<T[]> => {
    const rows: T[] = [];
    for (let start = 0; start < ids.length; start += MAX_IDS_PER_LOAD) {
      const socketId = client.socket?.connected ? client.socket.id : undefined;
      const res = await requestJson<T[]>(
        client.port,
        'POST',
        `/api/${table}`,
        ids.slice(start, start + MAX_IDS_PER_LOAD),
        client.agent,
        { timeoutMs: 20_000, headers: socketId ? { [SOCKET_ID_HEADER]: socketId } : {} },
      );
      lastActivity = Date.now();
      if (res.status !== 200 || !Array.isArray(res.body)) {
        throw new Error(`POST /api/${table} → ${res.status}`);
      }
      rows.push(...res.body);
    }
    return rows;
  };
}

/** Connects the client's socket to its port (or the next live one), then reloads what it holds. */
function connect(client: Simulated): Promise<void> {
  return new Promise((resolve) => {
    const attempt = () => {
      if (client.dropped) return resolve();
      if (!ports.includes(client.port)) client.port = ports[client.index % ports.length];
      const socket = io(`http://${HOST}:${client.port}/data`, socketOptions());
      socket.once('connect', () => {
        client.socket = socket;
        // Loads carry the new socket's id: the reload subscribes it again.
        void client.rows.resync().then(resolve);
      });
      socket.once('connect_error', () => {
        socket.close();
        const index = ports.indexOf(client.port);
        client.port = ports[(index + 1) % ports.length] ?? client.port;
        setTimeout(attempt, RETRY_MS);
      });
      socket.on(NOTIFICATION_EVENT, (message: SocketNotification) => {
        messages++;
        lastActivity = Date.now();
        void client.rows.onMessage(message);
      });
      socket.on('disconnect', (reason) => {
        if (reason === 'io client disconnect' || client.dropped) return;
        reconnects++;
        client.agent.destroy();
        client.agent = keepAliveAgent(1);
        setTimeout(attempt, RETRY_MS);
      });
    };
    attempt();
  });
}

async function init(message: Extract<ToSoakWorker, { type: 'init' }>): Promise<void> {
  adoptSession(message.cookie);
  ports = message.ports;
  const started: Promise<void>[] = [];
  for (const { index, port, departments } of message.clients) {
    const client: Simulated = {
      index,
      port,
      agent: keepAliveAgent(1),
      dropped: false,
      rows: undefined as unknown as SoakClient,
    };
    client.rows = new SoakClient(loader(client), departments);
    simulated.set(index, client);
    started.push(connect(client));
  }
  await Promise.all(started);
  const failures = [...simulated.values()].reduce((sum, c) => sum + c.rows.failures, 0);
  send({ type: 'ready', clients: simulated.size, failures });
}

function drop(indexes: number[], ms: number): void {
  for (const index of indexes) {
    const client = simulated.get(index);
    if (!client) continue;
    client.dropped = true;
    client.socket?.disconnect();
    setTimeout(() => {
      client.dropped = false;
      reconnects++;
      void connect(client);
    }, ms);
  }
}

function report(): void {
  const all = [...simulated.values()];
  send({
    type: 'report',
    held: all.map((client) => ({ index: client.index, held: client.rows.held() })),
    messages,
    busy: all.filter(
      (client) =>
        client.rows.busy || client.rows.needsResync || client.dropped || !client.socket?.connected,
    ).length,
    disconnected: all.filter((client) => !client.socket?.connected).length,
    reconnects,
    failures: all.reduce((sum, client) => sum + client.rows.failures, 0),
    errors: [...new Set(all.flatMap((client) => client.rows.lastError ?? []))].slice(0, 5),
    quietMs: Date.now() - lastActivity,
  });
}

/** A browser whose reload failed tries again: connected clients with a failed step resync. */
setInterval(() => {
  for (const client of simulated.values()) {
    if (client.rows.needsResync && !client.rows.busy && client.socket?.connected) {
      void client.rows.resync();
    }
  }
}, RESYNC_RETRY_MS).unref();

process.on('message', (message: ToSoakWorker) => {
  try {
    if (message.type === 'init') {
      init(message).catch((error: Error) => send({ type: 'error', message: error.message }));
    } else if (message.type === 'ports') ports = message.ports;
    else if (message.type === 'drop') drop(message.indexes, message.ms);
    else report();
  } catch (error) {
    send({ type: 'error', message: (error as Error).message });
  }
});
process.on('disconnect', () => process.exit(0));
