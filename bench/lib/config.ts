/**
 * Sizes of every benchmark. `--quick` (npm run bench:quick) shrinks them for development on a
 * shared machine: small N, few rounds, short phases.
 */
export interface BenchConfig {
  quick: boolean;
  fanOut: {
    sizes: number[];
    rounds: number;
    warmupRounds: number;
    clientsPerWorker: number;
    maxWorkers: number;
  };
  /**
   * Cross-instance fan-out: its N, and more rounds than fanOut's (its headline is a difference of
   * two noisy times); workers as fanOut's.
   */
  clusterFanOut: { sizes: number[]; rounds: number; warmupRounds: number };
  /**
   * Targeted fan-out: `clients` on one server, `holders` of them loaded the changed row; the
   * broadcast sides as many clients again, and `holders` of them. Workers as fanOut's for
   * `clients`.
   */
  targetedFanOut: { clients: number; holders: number; rounds: number; warmupRounds: number };
  /** Server memory: `clients` sockets that each loaded `rowsPerClient` docs. */
  memory: { clients: number; rowsPerClient: number };
  herd: { clients: number; rounds: number; warmupRounds: number; workers: number };
  throughput: { seconds: number; concurrency: number; workers: number };
  seed: { runs: number };
}

/** Targeted fan-out's goal: targeted costs at most this many times the H-client broadcast. */
export const TARGETED_GOAL_RATIO = 1.5;
/** Throughput's goals, updates/s, by how many updates are in flight (issue 14: 1 and 8). */
export const THROUGHPUT_GOALS: Readonly<Record<number, number>> = { 1: 1000, 8: 3000 };
/** Memory's goal: the server's RSS with every socket subscribed, bytes (1 GB). */
export const MEMORY_GOAL_BYTES = 1e9;

export const FULL: BenchConfig = {
  quick: false,
  fanOut: {
    sizes: [100, 1000, 5000],
    rounds: 25,
    warmupRounds: 3,
    clientsPerWorker: 1250,
    maxWorkers: 4,
  },
  clusterFanOut: { sizes: [1000], rounds: 60, warmupRounds: 3 },
  targetedFanOut: { clients: 5000, holders: 50, rounds: 25, warmupRounds: 3 },
  memory: { clients: 5000, rowsPerClient: 500 },
  herd: { clients: 1000, rounds: 8, warmupRounds: 1, workers: 2 },
  throughput: { seconds: 10, concurrency: 8, workers: 1 },
  seed: { runs: 3 },
};

export const QUICK: BenchConfig = {
  quick: true,
  fanOut: { sizes: [50, 200], rounds: 5, warmupRounds: 1, clientsPerWorker: 100, maxWorkers: 2 },
  clusterFanOut: { sizes: [100], rounds: 5, warmupRounds: 1 },
  targetedFanOut: { clients: 200, holders: 10, rounds: 5, warmupRounds: 1 },
  memory: { clients: 200, rowsPerClient: 100 },
  herd: { clients: 200, rounds: 2, warmupRounds: 1, workers: 2 },
  throughput: { seconds: 2, concurrency: 8, workers: 1 },
  seed: { runs: 1 },
};

/**
 * BENCH_QUICK=1 picks QUICK; BENCH_FANOUT_SIZES=100,5000 overrides the sizes of both fan-outs
 * (same-server and cross-instance).
 */
export function configFromEnv(): BenchConfig {
  const config = structuredClone(process.env.BENCH_QUICK === '1' ? QUICK : FULL);
  const sizes = process.env.BENCH_FANOUT_SIZES?.split(',').map(Number);
  if (sizes?.length && sizes.every((n) => Number.isInteger(n) && n > 0)) {
    config.fanOut.sizes = sizes;
    config.clusterFanOut.sizes = sizes;
  }
  return config;
}
