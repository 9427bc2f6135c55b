import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_POSTGRESQL_SERVER,
  DevCluster,
  DevServer,
  dropPostgresDatabase,
  freePort,
  SERVER_MAIN,
  startHealthyProcess,
  WORKSPACE_ROOT,
  type HealthyProcess,
} from '@smart-sync/dev-server';
import { onShutdown, removeTempDir, trackChild, trackTempDir } from './cleanup';
import { keepAliveAgent, requestJson } from './http';
import { adoptSession, BENCH_ORIGIN } from './session';

/** The demo user the bench signs in as (the seed gives every demo user this password). */
const LOGIN = { path: '/api/auth/login', body: { username: 'alice', password: 'demo' } };
/** The session cookie's name. */
const SESSION_COOKIE = 'sid';

/** BENCH_SERVER_MAIN points the benchmarks at another server bundle (e.g. a stand-in while developing). */
export const serverMain = (): string => process.env.BENCH_SERVER_MAIN || SERVER_MAIN;

/** A running server a benchmark talks to on 127.0.0.1:port. */
export interface BenchServer {
  port: number;
  /** Spawn → first healthy answer, ms (the real server migrates and seeds in this time). */
  startupMs: number;
  /** The server process's pid (its CPU time and memory are read from /proc, see proc.ts). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Signs in as the demo user: the session cookie goes with everything that follows (session.ts). A server
 * without sign-in (no such route: 404) leaves the bench without a session, as it needs none.
 */
export async function signIn(port: number): Promise<void> {
  adoptSession(undefined);
  const agent = keepAliveAgent(1);
  const res = await requestJson(port, 'POST', LOGIN.path, LOGIN.body, agent).finally(() =>
    agent.destroy(),
  );
  if (res.status === 404) return;
  const set = [res.headers['set-cookie'] ?? []].flat();
  const sid = set.map((line) => line.split(';')[0]).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (res.status !== 200 || !sid)
    throw new Error(
      `signing in as ${LOGIN.body.username} failed: ${res.status}, no session cookie`,
    );
  adoptSession(sid);
}

/**
 * The real built server on a fresh temporary SQLite file in `dir` (not started yet; the caller
 * disposes it and removes `dir`). `seedScale` as the server's SEED_SCALE (default 1: 40,033 rows).
 */
export async function benchDevServer(
  seedScale?: number,
): Promise<{ server: DevServer; dir: string }> {
  const dir = trackTempDir(mkdtempSync(join(tmpdir(), 'smart-sync-bench-')));
  const server = new DevServer({
    port: await freePort(),
    databaseUrl: `file:${join(dir, 'bench.db')}`,
    corsOrigins: [BENCH_ORIGIN],
    serverMain: serverMain(),
    seedScale,
    onSpawn: trackChild,
  });
  return { server, dir };
}

/**
 * The real built server on a fresh temporary SQLite file, which it migrates and seeds itself at
 * start-up (the full 40,033 rows). Listens on a free port; killed and removed on Ctrl-C too.
 */
export async function startRealServer(): Promise<BenchServer> {
  const { server, dir } = await benchDevServer();
  try {
    await server.start();
    await signIn(server.port);
  } catch (error) {
    await server.dispose();
    removeTempDir(dir);
    throw error;
  }
  return {
    port: server.port,
    startupMs: server.startupMs,
    pid: server.child?.pid ?? 0,
    async stop() {
      await server.dispose();
      removeTempDir(dir);
    },
  };
}

/** bench/lib/bare-server.ts in a fresh process (tsx as a loader, not its CLI) on a free port. */
export async function startBareServer(): Promise<BenchServer> {
  const port = await freePort();
  const started = performance.now();
  const bare: HealthyProcess = await startHealthyProcess({
    name: 'The bare socket.io server',
    command: process.execPath,
    args: ['--import', 'tsx', join(__dirname, 'bare-server.ts')],
    port,
    cwd: WORKSPACE_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      CORS_ORIGINS: BENCH_ORIGIN,
      NODE_ENV: 'production',
    },
    onSpawn: trackChild,
  });
  return {
    port,
    startupMs: performance.now() - started,
    pid: bare.child.pid ?? 0,
    stop: bare.stop,
  };
}

/**
 * A started {@link DevCluster} of the real built server on a new PostgreSQL database (dropped on
 * Ctrl-C until `forget` is called, once the cluster is disposed the normal way).
 */
export async function benchDevCluster(
  options: { instances?: number; seedScale?: number } = {},
): Promise<{ cluster: DevCluster; forget: () => void }> {
  let forget: () => void = () => undefined;
  const cluster = await DevCluster.start({
    instances: options.instances ?? 2,
    seedScale: options.seedScale,
    postgresqlServer: process.env.BENCH_POSTGRESQL_URL || DEFAULT_POSTGRESQL_SERVER,
    databasePrefix: 'smart_sync_bench',
    corsOrigins: [BENCH_ORIGIN],
    serverMain: serverMain(),
    onSpawn: trackChild,
    onDatabase: (url) => (forget = onShutdown(() => dropPostgresDatabase(url))),
  });
  return { cluster, forget: () => forget() };
}

/** Two (or more) built server instances sharing a PostgreSQL database and a Redis. */
export interface BenchCluster {
  /** Instance 1's port, instance 2's, … */
  ports: number[];
  /** `http://localhost:<port>` of each instance, as DevServer.baseURL. */
  baseURLs: string[];
  /** Nothing started → every instance ready (one migrated and seeded the database), ms. */
  startupMs: number;
  stop(): Promise<void>;
}

/**
 * A cluster of the real built server, every part of it this benchmark's own: a new PostgreSQL
 * database (on BENCH_POSTGRESQL_URL's server, default 127.0.0.1:5432, user postgres), dropped at
 * the end or on Ctrl-C; a redis-server on a free port; `instances` servers with REDIS_URL on free
 * ports, started at once on the empty database (the full seed, as startRealServer's).
 */
export async function startBenchCluster(
  options: { instances?: number; seedScale?: number } = {},
): Promise<BenchCluster> {
  const started = performance.now();
  const { cluster, forget } = await benchDevCluster(options);
  try {
    await signIn(cluster.instances[0].port);
  } catch (error) {
    await cluster.dispose();
    forget();
    throw error;
  }
  return {
    ports: cluster.instances.map((instance) => instance.port),
    baseURLs: cluster.instances.map((instance) => instance.baseURL),
    startupMs: performance.now() - started,
    async stop() {
      await cluster.dispose();
      forget();
    },
  };
}
