import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { stopProcess, WORKSPACE_ROOT } from '@smart-sync/dev-server';
import { withTimeout } from './clock';
import { trackChild } from './cleanup';
import type { FromWorker, Interest, Target, ToWorker } from './protocol';
import { sessionCookie } from './session';

type Waiter = {
  accept: (m: FromWorker) => boolean;
  resolve: (m: FromWorker) => void;
  reject: (e: Error) => void;
};

class Worker {
  private waiters: Waiter[] = [];
  failure: Error | null = null;
  /** How many clients this worker holds per target. */
  readonly counts = new Map<Target, number>();

  constructor(
    readonly index: number,
    readonly child: ChildProcess,
    private readonly onMessage: (worker: Worker, message: FromWorker) => void,
  ) {
    child.on('message', (message: FromWorker) => {
      if (message.type === 'error') {
        this.fail(new Error(`client worker ${index}: ${message.message}`));
        return;
      }
      this.onMessage(this, message);
      const waiter = this.waiters.find((w) => w.accept(message));
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    });
    child.once('exit', (code, signal) => {
      this.fail(new Error(`client worker ${index} exited (${signal ?? `code ${code}`})`));
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
  }

  send(message: ToWorker): void {
    this.child.send(message);
  }

  next<T extends FromWorker['type']>(
    type: T,
    accept: (m: Extract<FromWorker, { type: T }>) => boolean = () => true,
  ) {
    return new Promise<Extract<FromWorker, { type: T }>>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.waiters.push({
        accept: (m) => m.type === type && accept(m as Extract<FromWorker, { type: T }>),
        resolve: resolve as (m: FromWorker) => void,
        reject,
      });
    });
  }
}

/**
 * Coordinator side of the client workers: forks them (separate processes from every server),
 * spreads clients over them, arms rounds, and collects what each worker saw.
 */
export class ClientPool {
  /** Where streamed arrivals go while listening. */
  private sink: ((items: [string, number][]) => void) | null = null;

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.child.on('message', (m: FromWorker) => {
        if (m.type === 'arrivals') this.sink?.(m.items);
      });
    }
  }

  static async start(
    count: number,
    onProgress?: (target: Target, connected: number) => void,
  ): Promise<ClientPool> {
    const progress = new Map<number, Partial<Record<Target, number>>>();
    const workers = Array.from({ length: count }, (_, index) => {
      const child = trackChild(
        fork(join(__dirname, 'client-worker.ts'), [], {
          cwd: WORKSPACE_ROOT,
          execArgv: ['--import', 'tsx', '--max-old-space-size=2048'],
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        }),
      );
      return new Worker(index, child, (worker, message) => {
        if (message.type === 'progress' && onProgress) {
          const row = progress.get(worker.index) ?? {};
          row[message.target] = message.connected;
          progress.set(worker.index, row);
          onProgress(
            message.target,
            [...progress.values()].reduce((sum, r) => sum + (r[message.target] ?? 0), 0),
          );
        }
      });
    });
    const pool = new ClientPool(workers);
    await withTimeout(
      Promise.all(workers.map((w) => w.next('ready'))),
      30_000,
      'starting client workers',
    );
    return pool;
  }

  get size(): number {
    return this.workers.length;
  }

  /** Opens `total` clients on the target's /data namespace, spread evenly over the workers. */
  async connect(
    target: Target,
    port: number,
    total: number,
    options: {
      refetchPort?: number;
      warmupId?: string;
      timeoutMs?: number;
      /** Lets park() take them off /data and back (see the 'park' message). */
      parkable?: boolean;
      /** What the clients hear (default `all`). */
      interest?: Interest;
    } = {},
  ): Promise<number> {
    const per = this.workers.map(
      (_, i) => Math.floor(total / this.workers.length) + (i < total % this.workers.length ? 1 : 0),
    );
    const { timeoutMs, ...rest } = options;
    const started = performance.now();
    await withTimeout(
      Promise.all(
        this.workers.map(async (worker, i) => {
          if (per[i] === 0) return;
          worker.counts.set(target, (worker.counts.get(target) ?? 0) + per[i]);
          const done = worker.next('connected', (m) => m.target === target);
          worker.send({
            type: 'connect',
            target,
            port,
            count: per[i],
            cookie: sessionCookie(),
            ...rest,
          });
          await done;
        }),
      ),
      timeoutMs ?? 180_000,
      `connecting ${total} clients`,
    );
    return performance.now() - started;
  }

  /**
   * Every client of `target` loads `perClient` rows of `table` with its socket's id, i.e. joins
   * their rooms: the i-th client of the target overall loads ids[(i * stride + m) % ids.length],
   * m < perClient (see the 'load' message). Resolves with the requests made and rows loaded.
   */
  async load(
    target: Target,
    port: number,
    table: string,
    ids: string[],
    perClient: number,
    stride: number,
    timeoutMs = 600_000,
  ): Promise<{ requests: number; rows: number; ms: number }> {
    const started = performance.now();
    let first = 0;
    const reports = await withTimeout(
      Promise.all(
        this.workers.map((worker) => {
          const count = worker.counts.get(target) ?? 0;
          const start = first;
          first += count;
          if (count === 0) return { requests: 0, rows: 0 };
          const done = worker.next('loaded', (m) => m.target === target);
          worker.send({
            type: 'load',
            target,
            port,
            table,
            ids,
            perClient,
            stride,
            first: start,
            cookie: sessionCookie(),
          });
          return done;
        }),
      ),
      timeoutMs,
      `loading rows for the ${target} clients`,
    );
    return {
      requests: reports.reduce((sum, r) => sum + r.requests, 0),
      rows: reports.reduce((sum, r) => sum + r.rows, 0),
      ms: performance.now() - started,
    };
  }

  /** Messages each target's clients received so far, per worker. */
  counts(): Promise<Partial<Record<Target, number>>[]> {
    return withTimeout(
      Promise.all(
        this.workers.map(async (worker) => {
          const reply = worker.next('counts');
          worker.send({ type: 'count' });
          return (await reply).counts;
        }),
      ),
      10_000,
      'counting messages',
    );
  }

  private holding(targets: readonly Target[]): Worker[] {
    return this.workers.filter((w) => targets.some((target) => (w.counts.get(target) ?? 0) > 0));
  }

  /** Arms round `round` for the clients of all `targets` together (see the 'arm' message). */
  async arm(
    targets: readonly Target[],
    round: number,
    mode: 'fanout' | 'herd',
    expectName?: string,
  ): Promise<void> {
    await withTimeout(
      Promise.all(
        this.holding(targets).map((worker) => {
          const armed = worker.next('armed', (m) => m.round === round);
          worker.send({ type: 'arm', targets, round, mode, expectName });
          return armed;
        }),
      ),
      10_000,
      'arming a round',
    );
  }

  /**
   * Resolves with one report per worker once every client of the `targets` armed for round
   * `round` got its message.
   */
  fanoutDone(targets: readonly Target[], round: number, timeoutMs: number) {
    return withTimeout(
      Promise.all(
        this.holding(targets).map((w) => w.next('fanout-done', (m) => m.round === round)),
      ),
      timeoutMs,
      `waiting for all ${targets.join(' + ')} clients to get message ${round}`,
    );
  }

  /** Takes the target's parkable clients off /data (no messages) or puts them back on it. */
  async park(target: Target, parked: boolean): Promise<void> {
    await withTimeout(
      Promise.all(
        this.holding([target]).map((worker) => {
          const done = worker.next('parked', (m) => m.target === target && m.parked === parked);
          worker.send({ type: 'park', target, parked });
          return done;
        }),
      ),
      30_000,
      `${parked ? 'parking' : 'unparking'} the ${target} clients`,
    );
  }

  herdDone(target: Target, round: number, timeoutMs: number) {
    return withTimeout(
      Promise.all(this.holding([target]).map((w) => w.next('herd-done', (m) => m.round === round))),
      timeoutMs,
      `waiting for all ${target} clients to reload their row (round ${round})`,
    );
  }

  /** Starts streaming message arrivals of the target's clients into `sink`. */
  async listen(target: Target, sink: (items: [string, number][]) => void): Promise<void> {
    this.sink = sink;
    await Promise.all(
      this.holding([target]).map((worker) => {
        const armed = worker.next('armed', (m) => m.round === -1);
        worker.send({ type: 'listen', target });
        return armed;
      }),
    );
  }

  async flush(): Promise<void> {
    await withTimeout(
      Promise.all(
        this.workers.map((worker) => {
          const flushed = worker.next('flushed');
          worker.send({ type: 'flush' });
          return flushed;
        }),
      ),
      10_000,
      'flushing arrivals',
    );
    this.sink = null;
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async (worker) => {
        const child = worker.child;
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        if (child.connected) child.send({ type: 'close' } satisfies ToWorker);
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
        await stopProcess(child, 2_000);
      }),
    );
  }
}
