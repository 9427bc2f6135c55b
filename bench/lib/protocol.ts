/** Messages between the coordinator (a benchmark) and its client worker processes. */

/**
 * A named group of clients: on our server or on the bare one (fan-out), or on one instance of a
 * cluster (cross-instance fan-out: `instance1` always listens; `instance1b` on instance 1 and
 * `instance2` on instance 2 take turns, the other one parked). Targeted fan-out: `holders` loaded
 * the changed row, `bystanders` other rows; `broadcast` and `broadcast50` hear everything and
 * take turns. Memory: `subscribers` each loaded many rows.
 */
export type Target =
  | 'ours'
  | 'bare'
  | 'instance1'
  | 'instance1b'
  | 'instance2'
  | 'holders'
  | 'bystanders'
  | 'broadcast'
  | 'broadcast50'
  | 'subscribers';

/**
 * What a client hears: `all` — every message (handshake `auth: { interest: 'all' }`);
 * `loaded` — only about the rows it loaded (targeted delivery, see the 'load' message).
 */
export type Interest = 'all' | 'loaded';

export type ToWorker =
  /**
   * Open `count` socket.io clients on `http://127.0.0.1:port/data` (websocket transport).
   * `parkable`: each also holds the main namespace `/`, so that its connection stays open while
   * it leaves `/data` (see 'park').
   */
  | {
      type: 'connect';
      target: Target;
      port: number;
      count: number;
      refetchPort?: number;
      warmupId?: string;
      parkable?: boolean;
      /** Default `all`. */
      interest?: Interest;
      /** The coordinator's session cookie (session.ts). */
      cookie?: string;
    }
  /**
   * Every client of `target` loads `perClient` rows of `table` over HTTP with its socket's id
   * (X-Socket-Id), and so joins their rooms: client k of this worker (k-th of the target overall:
   * `first + k`) loads `ids[((first + k) * stride + m) % ids.length]` for m < perClient, at most
   * MAX_IDS_PER_LOAD ids per request.
   */
  | {
      type: 'load';
      target: Target;
      port: number;
      table: string;
      ids: string[];
      perClient: number;
      stride: number;
      first: number;
      cookie?: string;
    }
  /** Report how many messages each target's clients received so far (all together). */
  | { type: 'count' }
  /**
   * Arm a round: the next message each client of `targets` receives belongs to `round`; it is
   * done when all of them have it.
   */
  | {
      type: 'arm';
      targets: readonly Target[];
      round: number;
      mode: 'fanout' | 'herd';
      expectName?: string;
    }
  /**
   * Parked: the target's (parkable) clients leave `/data` and get no messages, over connections
   * that stay open; unparked: they join `/data` again.
   */
  | { type: 'park'; target: Target; parked: boolean }
  /** Stream every message arrival `(id, time)` of the target's clients until 'flush'. */
  | { type: 'listen'; target: Target }
  | { type: 'flush' }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; target: Target; connected: number }
  | { type: 'connected'; target: Target; count: number; ms: number }
  | { type: 'loaded'; target: Target; requests: number; rows: number; ms: number }
  | { type: 'counts'; counts: Partial<Record<Target, number>> }
  | { type: 'armed'; round: number }
  | { type: 'parked'; target: Target; parked: boolean }
  | {
      type: 'fanout-done';
      round: number;
      count: number;
      /** nowMs() when the worker's first / last client got the message. */
      first: number;
      last: number;
      /** nowMs() when the worker's first client of each armed target got it. */
      firsts: Partial<Record<Target, number>>;
    }
  | {
      type: 'herd-done';
      round: number;
      count: number;
      firstMessage: number;
      lastMessage: number;
      firstRequest: number;
      /** nowMs() when the worker's last client had its fresh row. */
      lastFresh: number;
      /** Clients whose reloaded row did not carry the new name. */
      stale: number;
      errors: string[];
      /** The version of every reloaded row. */
      versions: number[];
    }
  | { type: 'arrivals'; items: [id: string, at: number][] }
  | { type: 'flushed' }
  | { type: 'error'; message: string };
