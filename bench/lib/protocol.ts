/** Messages between the coordinator (a benchmark) and its client worker processes. */

/** Which server a group of clients is connected to. */
export type Target = 'ours' | 'bare';

export type ToWorker =
  /** Open `count` socket.io clients on `http://127.0.0.1:port/data` (websocket transport). */
  | {
      type: 'connect';
      target: Target;
      port: number;
      count: number;
      refetchPort?: number;
      warmupId?: string;
    }
  /** Arm a round: the next message each client of `target` receives belongs to `round`. */
  | { type: 'arm'; target: Target; round: number; mode: 'fanout' | 'herd'; expectName?: string }
  /** Stream every message arrival `(id, time)` of the target's clients until 'flush'. */
  | { type: 'listen'; target: Target }
  | { type: 'flush' }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'progress'; target: Target; connected: number }
  | { type: 'connected'; target: Target; count: number; ms: number }
  | { type: 'armed'; round: number }
  | {
      type: 'fanout-done';
      target: Target;
      round: number;
      count: number;
      /** nowMs() when the worker's first / last client got the message. */
      first: number;
      last: number;
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
