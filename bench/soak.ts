// `npm run bench:soak [-- --cluster]`: the convergence soak (bench/README.md "9."). Simulated
// browsers hold departments and their children and refetch on messages as SmartNgRX does, while 4
// writers rename, add and delete; 10% of the clients drop and reconnect, the server restarts (or,
// with --cluster, one of 2 instances stops). After the writes, every client's rows must equal the
// database's: stale, missing and phantom rows, goal 0 each.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import {
  CHILD_TABLES,
  TOP_ID,
  type ChildReference,
  type ChildRow,
  type ChildTable,
  type DepartmentRow,
  type TopRow,
} from '@smart-sync/shared-types';
import { ensureServerBuilt } from './lib/build';
import { installCleanup, removeTempDir, trackChild } from './lib/cleanup';
import { keepAliveAgent, requestJson } from './lib/http';
import { benchDevCluster, benchDevServer, signIn } from './lib/servers';
import { sessionCookie } from './lib/session';
import {
  childKey,
  compareHeld,
  departmentKey,
  type Divergence,
  type HeldRows,
} from './lib/soak-client';
import type { FromSoakWorker, ToSoakWorker } from './lib/soak-worker';

export interface SoakOptions {
  cluster: boolean;
  seconds: number;
  clients: number;
  writers: number;
  log: (line: string) => void;
}

export interface SoakResult extends Divergence {
  mode: 'single' | 'cluster';
  clients: number;
  seconds: number;
  writes: { renames: number; adds: number; deletes: number; failed: number };
  messages: number;
  messagesPerWrite: number;
  reconnects: number;
  /** Clients not connected at the end (goal 0). */
  disconnected: number;
  /** Loads that failed (a server down): the client reloads on its reconnect. */
  failedLoads: number;
  /** From the last write until every client's rows equal the database's, ms (undefined: never). */
  convergeMs: number | undefined;
  /** What happened mid-run, with when (s from the start of the writes). */
  events: string[];
  /** The first rows that still differ at the end. */
  differences: string[];
}

/** Hot departments every client holds some of, and the children each starts with. */
const DEPARTMENTS = 20;
const CHILDREN_PER_DEPARTMENT = 6;
const DEPARTMENTS_PER_CLIENT = 3;
const CLIENTS_PER_WORKER = 100;
/** A writer's pause between two writes, ms (4 writers: ~25 writes/s in all). */
const WRITE_GAP_MS = 150;
/** The dropped share of the clients, and for how long. */
const DROP_SHARE = 0.1;
const DROP_MS = 2_000;
/** How long the clients may take to agree with the database after the last write. */
const CONVERGE_TIMEOUT_MS = 30_000;

interface Servers {
  /** The ports that answer now. */
  live(): number[];
  /** The mid-run disruption: a restart of the server, or one instance of the cluster stopped. */
  disrupt(): Promise<string>;
  stop(): Promise<void>;
}

async function startSingle(): Promise<Servers> {
  const { server, dir } = await benchDevServer(0);
  await server.start();
  let up = true;
  return {
    live: () => (up ? [server.port] : []),
    async disrupt() {
      const started = performance.now();
      up = false;
      await server.stop();
      await server.start();
      up = true;
      return `server restarted on the same database (down ${((performance.now() - started) / 1000).toFixed(1)} s)`;
    },
    async stop() {
      await server.dispose();
      removeTempDir(dir);
    },
  };
}

async function startCluster(): Promise<Servers> {
  const { cluster, forget } = await benchDevCluster({ seedScale: 0 });
  let stopped = false;
  const [first, second] = cluster.instances;
  return {
    live: () => (stopped ? [first.port] : [first.port, second.port]),
    async disrupt() {
      stopped = true;
      await second.stop();
      return `instance 2 (port ${second.port}) stopped; its clients reconnect to instance 1`;
    },
    async stop() {
      await cluster.dispose();
      forget();
    },
  };
}

const agent = keepAliveAgent(8);

async function api<T>(port: number, method: string, path: string, body: unknown): Promise<T> {
  const res = await requestJson<T>(port, method, path, body, agent, { timeoutMs: 10_000 });
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}`);
  return res.body;
}

const random = (n: number) => Math.floor(Math.random() * n);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The hot departments under the first location, and their children (as the writers know them). */
async function createRows(port: number): Promise<Map<string, ChildReference[]>> {
  const [top] = await api<TopRow[]>(port, 'POST', '/api/top', [TOP_ID]);
  const parentId = top.locations[0];
  const departments = new Map<string, ChildReference[]>();
  for (let d = 0; d < DEPARTMENTS; d++) {
    const [department] = await api<DepartmentRow[]>(port, 'POST', '/api/departments/add', {
      name: `Soak department ${d}`,
      parentId,
    });
    const children: ChildReference[] = [];
    for (let c = 0; c < CHILDREN_PER_DEPARTMENT; c++) {
      const table = CHILD_TABLES[c % CHILD_TABLES.length];
      const [row] = await api<ChildRow[]>(port, 'POST', `/api/${table}/add`, {
        name: `Soak ${table} ${d}.${c}`,
        parentId: department.id,
      });
      children.push({ table, id: row.id });
    }
    departments.set(department.id, children);
  }
  return departments;
}

/** The database's rows of every hot department, as clients hold them. */
async function truthOf(port: number, ids: string[]): Promise<Map<string, HeldRows>> {
  const departments = await api<DepartmentRow[]>(port, 'POST', '/api/departments', ids);
  const children = new Map<string, string>();
  for (const table of CHILD_TABLES) {
    const wanted = departments.flatMap((row) =>
      row.children.indexes.filter((child) => child.table === table).map((child) => child.id),
    );
    if (wanted.length === 0) continue;
    for (const row of await api<ChildRow[]>(port, 'POST', `/api/${table}`, wanted)) {
      children.set(`${table}:${row.id}`, childKey(row));
    }
  }
  const truth = new Map<string, HeldRows>();
  for (const row of departments) {
    const held: HeldRows = { departments: { [row.id]: departmentKey(row) }, children: {} };
    for (const child of row.children.indexes) {
      const key = `${child.table}:${child.id}`;
      const value = children.get(key);
      if (value !== undefined) held.children[key] = value;
    }
    truth.set(row.id, held);
  }
  return truth;
}

class Workers {
  private readonly children: ChildProcess[] = [];
  private readonly waiting = new Map<ChildProcess, (message: FromSoakWorker) => void>();

  constructor(count: number) {
    for (let w = 0; w < count; w++) {
      const child = trackChild(
        fork(join(__dirname, 'lib', 'soak-worker.ts'), [], {
          execArgv: ['--import', 'tsx'],
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        }),
      );
      child.on('message', (message: FromSoakWorker) => {
        if (message.type === 'error') throw new Error(`soak worker: ${message.message}`);
        const resolve = this.waiting.get(child);
        this.waiting.delete(child);
        resolve?.(message);
      });
      this.children.push(child);
    }
  }

  get count(): number {
    return this.children.length;
  }

  /** Sends each worker its message and waits for every answer. */
  ask(messages: ToSoakWorker[]): Promise<FromSoakWorker[]> {
    return Promise.all(
      this.children.map(
        (child, w) =>
          new Promise<FromSoakWorker>((resolve) => {
            this.waiting.set(child, resolve);
            child.send(messages[w]);
          }),
      ),
    );
  }

  tell(message: ToSoakWorker): void {
    for (const child of this.children) child.send(message);
  }

  stop(): void {
    for (const child of this.children) child.kill();
  }
}

type Report = Extract<FromSoakWorker, { type: 'report' }>;

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const { log } = options;
  await ensureServerBuilt(log);
  const servers = options.cluster ? await startCluster() : await startSingle();
  let workers: Workers | undefined;
  try {
    const ports = servers.live();
    await signIn(ports[0]);
    const tree = await createRows(ports[0]);
    const departmentIds = [...tree.keys()];
    log(
      `${departmentIds.length} departments × ${CHILDREN_PER_DEPARTMENT} children on ports ${ports.join(', ')}`,
    );

    // Each client: a few departments, on instance (index mod instances).
    const assignments = Array.from({ length: options.clients }, (_, index) => ({
      index,
      port: ports[index % ports.length],
      departments: Array.from(
        { length: DEPARTMENTS_PER_CLIENT },
        (_, k) => departmentIds[(index * DEPARTMENTS_PER_CLIENT + k) % departmentIds.length],
      ),
    }));
    workers = new Workers(Math.ceil(options.clients / CLIENTS_PER_WORKER));
    const count = workers.count;
    const ready = await workers.ask(
      Array.from({ length: count }, (_, w) => ({
        type: 'init' as const,
        cookie: sessionCookie(),
        ports,
        clients: assignments.filter((client) => client.index % count === w),
      })),
    );
    log(
      `${options.clients} clients connected and loaded (${count} workers): ${JSON.stringify(ready.map((r) => r.type))}`,
    );

    // The writers, and the disruptions on a timeline.
    const writes = { renames: 0, adds: 0, deletes: 0, failed: 0 };
    const events: string[] = [];
    const started = performance.now();
    const at = () => ((performance.now() - started) / 1000).toFixed(1);
    const endAt = started + options.seconds * 1000;
    let sequence = 0;
    const write = async (writer: number) => {
      const live = servers.live();
      if (live.length === 0) throw new Error('no server');
      const port = live[(writer + sequence) % live.length];
      const departmentId = departmentIds[random(departmentIds.length)];
      const children = tree.get(departmentId) as ChildReference[];
      const kind = random(10);
      const name = `w${writer} #${++sequence}`;
      if (kind < 5 || (kind >= 8 && children.length <= 2)) {
        const child =
          children.length > 0 && random(5) > 0 ? children[random(children.length)] : undefined;
        if (child) await api(port, 'PUT', `/api/${child.table}`, { id: child.id, name });
        else await api(port, 'PUT', '/api/departments', { id: departmentId, name });
        writes.renames++;
      } else if (kind < 8) {
        const table: ChildTable = CHILD_TABLES[random(CHILD_TABLES.length)];
        const [row] = await api<ChildRow[]>(port, 'POST', `/api/${table}/add`, {
          name,
          parentId: departmentId,
        });
        children.push({ table, id: row.id });
        writes.adds++;
      } else {
        const [child] = children.splice(random(children.length), 1);
        await api(port, 'DELETE', `/api/${child.table}/${child.id}`, undefined);
        writes.deletes++;
      }
    };
    const writer = async (index: number) => {
      while (performance.now() < endAt) {
        await write(index).catch(() => {
          writes.failed++;
        });
        await sleep(WRITE_GAP_MS);
      }
    };
    const timeline = async () => {
      await sleep(options.seconds * 300);
      const dropped = assignments
        .filter((_, index) => index % Math.round(1 / DROP_SHARE) === 3)
        .map((client) => client.index);
      workers?.tell({ type: 'drop', indexes: dropped, ms: DROP_MS });
      events.push(`${at()} s: ${dropped.length} clients dropped for ${DROP_MS / 1000} s`);
      await sleep(options.seconds * 200);
      const disruptedAt = at();
      const what = await servers.disrupt();
      workers?.tell({ type: 'ports', ports: servers.live() });
      events.push(`${disruptedAt} s: ${what}`);
    };
    await Promise.all([
      ...Array.from({ length: options.writers }, (_, index) => writer(index)),
      timeline(),
    ]);
    const lastWrite = performance.now();
    events.push(`${at()} s: writes end`);
    log(events.join('; '));

    // Until every client agrees with the database (it no longer changes).
    const truth = await truthOf(servers.live()[0], departmentIds);
    let divergence: Divergence = { stale: 0, missing: 0, phantom: 0 };
    let convergeMs: number | undefined;
    let reports: Report[] = [];
    let differences: string[] = [];
    while (performance.now() - lastWrite < CONVERGE_TIMEOUT_MS) {
      reports = (await workers.ask(Array(count).fill({ type: 'report' }))) as Report[];
      divergence = { stale: 0, missing: 0, phantom: 0 };
      differences = [];
      for (const { held } of reports) {
        for (const client of held) {
          const expected: HeldRows = { departments: {}, children: {} };
          for (const id of assignments[client.index].departments) {
            const rows = truth.get(id);
            Object.assign(expected.departments, rows?.departments);
            Object.assign(expected.children, rows?.children);
          }
          const one = compareHeld(client.held, expected, (line) =>
            differences.push(
              `client ${client.index} (port ${assignments[client.index].port}): ${line}`,
            ),
          );
          divergence.stale += one.stale;
          divergence.missing += one.missing;
          divergence.phantom += one.phantom;
        }
      }
      const busy = reports.reduce((sum, report) => sum + report.busy, 0);
      if (busy === 0 && divergence.stale + divergence.missing + divergence.phantom === 0) {
        convergeMs = performance.now() - lastWrite;
        break;
      }
      await sleep(100);
    }
    // A quiet second more: nothing late changes it.
    await sleep(1_000);
    const messages = reports.reduce((sum, report) => sum + report.messages, 0);
    const total = writes.renames + writes.adds + writes.deletes;
    return {
      mode: options.cluster ? 'cluster' : 'single',
      clients: options.clients,
      seconds: options.seconds,
      ...divergence,
      writes,
      messages,
      messagesPerWrite: total === 0 ? 0 : messages / total,
      reconnects: reports.reduce((sum, report) => sum + report.reconnects, 0),
      disconnected: reports.reduce((sum, report) => sum + report.disconnected, 0),
      failedLoads: reports.reduce((sum, report) => sum + report.failures, 0),
      convergeMs,
      events,
      differences: [...new Set(reports.flatMap((report) => report.errors)).values()]
        .map((error) => `a load failed: ${error}`)
        .concat(differences.slice(0, 10)),
    };
  } finally {
    workers?.stop();
    agent.destroy();
    await servers.stop();
  }
}

export function formatSoak(result: SoakResult): string {
  const { writes } = result;
  const goal = result.stale + result.missing + result.phantom === 0 ? 'ok' : 'MISSED';
  return [
    `Convergence soak (${result.mode === 'cluster' ? 'cluster: PostgreSQL, Redis, 2 instances' : 'one server, SQLite'}): ${result.clients} clients, ${result.seconds} s of writes`,
    `  writes: ${writes.renames} renames, ${writes.adds} adds, ${writes.deletes} deletes (${writes.failed} failed: server down, or the row gone)`,
    ...result.events.map((event) => `  ${event}`),
    `  messages: ${result.messages} (${result.messagesPerWrite.toFixed(1)} per write) · reconnects ${result.reconnects} · failed loads ${result.failedLoads} · not connected at the end ${result.disconnected}`,
    `  stale ${result.stale} · missing ${result.missing} · phantom ${result.phantom} (goal 0 each): ${goal}`,
    ...result.differences.map((line) => `  ${line}`),
    `  converged ${result.convergeMs === undefined ? `NOT within ${CONVERGE_TIMEOUT_MS / 1000} s` : `${Math.round(result.convergeMs)} ms after the last write`}`,
  ].join('\n');
}

if (require.main === module) {
  installCleanup();
  const seconds = Number(process.env.BENCH_SOAK_SECONDS ?? 60);
  const clients = Number(process.env.BENCH_SOAK_CLIENTS ?? 200);
  runSoak({
    cluster: process.argv.includes('--cluster'),
    seconds,
    clients,
    writers: 4,
    log: (line) => console.log(`[soak] ${line}`),
  })
    .then((result) => {
      console.log(formatSoak(result));
      process.exit(
        result.stale + result.missing + result.phantom === 0 && result.convergeMs !== undefined
          ? 0
          : 1,
      );
    })
    .catch((error: unknown) => {
      console.error(`[soak] FAILED: ${error instanceof Error ? error.stack : String(error)}`);
      process.exit(1);
    });
}
