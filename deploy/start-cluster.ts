// `npm run start:cluster`: the production topology on this machine (README "Production topology").
// nginx on :8080 in front of two built server instances (:3001, :3002) that share one PostgreSQL
// database and one Redis. Builds server and client first (Nx's cache makes that quick when nothing
// changed; `-- --no-build` skips it), creates the database when it is missing, starts both
// instances at once and nginx, waits until every instance is ready, and stops all of it on Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  CLUSTER_PACKAGES_HINT,
  describePostgresUrl,
  DevServer,
  ensurePostgresDatabase,
  findExecutable,
  missingExecutable,
  portIsFree,
  postgresDatabaseName,
  postgresProblem,
  redisAddress,
  redisAnswers,
  startNginx,
  stopProcess,
  WORKSPACE_ROOT,
  type ProcessExit,
} from '@smart-sync/dev-server';

const DEFAULTS = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/smart_sync',
  REDIS_URL: 'redis://127.0.0.1:6379',
  CLUSTER_PORT: '8080',
  INSTANCE_PORTS: '3001,3002',
};

interface ClusterSettings {
  databaseUrl: string;
  redisUrl: string;
  /** nginx's port: the one to open. */
  listenPort: number;
  instancePorts: number[];
  build: boolean;
  /** Passed on to the instances when set. */
  seedScale?: number;
  logLevel?: string;
  shutdownTimeoutMs?: number;
}

function port(text: string, name: string): number {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new Error(`${name} must be a port number (1–65535), got "${text}"`);
  }
  return value;
}

function settingsFrom(env: NodeJS.ProcessEnv, args: readonly string[]): ClusterSettings {
  const get = (name: keyof typeof DEFAULTS) => env[name] || DEFAULTS[name];
  const databaseUrl = get('DATABASE_URL');
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(
      `DATABASE_URL must name a PostgreSQL database (postgresql://…): the instances share it. Got "${databaseUrl.split(':')[0]}:…"`,
    );
  }
  const instancePorts = get('INSTANCE_PORTS')
    .split(',')
    .map((text) => port(text, 'INSTANCE_PORTS'));
  const listenPort = port(get('CLUSTER_PORT'), 'CLUSTER_PORT');
  if (new Set([...instancePorts, listenPort]).size !== instancePorts.length + 1) {
    throw new Error('CLUSTER_PORT and INSTANCE_PORTS must all differ');
  }
  const optionalNumber = (name: string) => (env[name] ? Number(env[name]) : undefined);
  return {
    databaseUrl,
    redisUrl: get('REDIS_URL'),
    listenPort,
    instancePorts,
    build: !args.includes('--no-build'),
    seedScale: optionalNumber('SEED_SCALE'),
    logLevel: env['LOG_LEVEL'] || undefined,
    shutdownTimeoutMs: optionalNumber('SHUTDOWN_TIMEOUT_MS'),
  };
}

interface Started {
  label: string;
  child: ChildProcess;
  stop(): Promise<ProcessExit>;
}

/** Every process this script started that still runs. */
const children: Started[] = [];
/** Set once shutdown() began: `signal` when a signal asked for it. */
let stopping: { signal: boolean } | undefined;
/** nginx's temp prefix, removed at the end. */
let nginxPrefix: string | undefined;

function log(line: string): void {
  console.log(`[cluster] ${line}`);
}

/** Echoes a child's output, each line prefixed with its label. */
function echo(child: ChildProcess, label: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream)
      createInterface({ input: stream }).on('line', (line) => console.log(`${label} ${line}`));
  }
}

/** Echoes the child's output and stops everything if it ends before shutdown() asks it to. */
function track(child: ChildProcess, label: string, stop: Started['stop']): void {
  children.push({ label, child, stop });
  echo(child, label);
  child.once('exit', (code, signal) => {
    const index = children.findIndex((entry) => entry.child === child);
    if (index >= 0) children.splice(index, 1);
    if (!stopping) {
      const how = signal ? `signal ${signal}` : `code ${code}`;
      void shutdown(1, `${label} exited (${how}) on its own`);
    }
  });
}

function describeExit(exit: ProcessExit): string {
  const how = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
  return `${how}, ${(exit.ms / 1000).toFixed(1)} s`;
}

/** Stops what runs (nginx first, then the instances together, each with SIGTERM), then exits. */
async function shutdown(code: number, why: string, signal = false): Promise<void> {
  if (stopping) return;
  stopping = { signal };
  if (children.length === 0) process.exit(code);
  log(`${why}: stopping everything this script started…`);
  const nginx = children.filter((entry) => entry.label === '[nginx]');
  const others = children.filter((entry) => entry.label !== '[nginx]');
  for (const group of [nginx, others]) {
    await Promise.all(
      group.map(async ({ label, stop }) => log(`${label} stopped (${describeExit(await stop())})`)),
    );
  }
  if (nginxPrefix) rmSync(nginxPrefix, { recursive: true, force: true });
  log('all stopped');
  process.exit(code);
}

/** The problems that keep the cluster from starting, each with what to do about it. */
async function preflight(settings: ClusterSettings): Promise<string[]> {
  const problems: string[] = [];
  if (!findExecutable('nginx', 'NGINX_BIN')) problems.push(missingExecutable('nginx', 'NGINX_BIN'));
  const postgres = await postgresProblem(settings.databaseUrl);
  if (postgres) {
    problems.push(
      `${postgres}: install it with \`apt-get install -y postgresql\` and start it, or set DATABASE_URL.`,
    );
  }
  if (settings.redisUrl.startsWith('redis://')) {
    const { host, port } = redisAddress(settings.redisUrl);
    if (!(await redisAnswers(host, port))) {
      problems.push(
        `Redis on ${host}:${port} does not answer: install it with \`apt-get install -y redis-server\` and start it, or set REDIS_URL.`,
      );
    }
  }
  for (const port of [settings.listenPort, ...settings.instancePorts]) {
    if (!(await portIsFree(port))) {
      problems.push(
        `Port ${port} is in use: stop what listens there, or set CLUSTER_PORT / INSTANCE_PORTS.`,
      );
    }
  }
  return problems;
}

/** `npx nx run-many -t build -p server client`; Nx restores an unchanged build from its cache. */
async function build(): Promise<void> {
  log('building server and client: npx nx run-many -t build -p server client');
  const started = performance.now();
  // In a process group of its own, so that stopping it stops Nx's workers too.
  const child = spawn('npx', ['nx', 'run-many', '-t', 'build', '-p', 'server', 'client'], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const entry: Started = {
    label: '[build]',
    child,
    stop: async () => {
      const started = performance.now();
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
      const exitCode = await exited;
      return { code: exitCode, signal: child.signalCode, ms: performance.now() - started };
    },
  };
  children.push(entry);
  echo(child, '[build]');
  const code = await exited;
  children.splice(children.indexOf(entry), 1);
  if (stopping) return;
  if (code !== 0) throw new Error(`the build failed (exit code ${code}); its output is above`);
  log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const settings = settingsFrom(process.env, process.argv.slice(2));
  const problems = await preflight(settings);
  if (problems.length > 0) {
    console.error(
      `Cannot start the cluster:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    console.error(
      `On Debian or Ubuntu, as root: ${CLUSTER_PACKAGES_HINT} (README "Production topology").`,
    );
    process.exit(1);
  }
  if (settings.build) await build();
  if (stopping) return;

  const created = await ensurePostgresDatabase(settings.databaseUrl);
  log(
    `database ${postgresDatabaseName(settings.databaseUrl)}: ${created ? 'created' : 'exists'} (${describePostgresUrl(settings.databaseUrl)})`,
  );
  const started = performance.now();
  const shutdownGraceMs = (settings.shutdownTimeoutMs ?? 10_000) + 2_000;
  const instances = settings.instancePorts.map(
    (port) =>
      new DevServer({
        port,
        databaseUrl: settings.databaseUrl,
        redisUrl: settings.redisUrl,
        seedScale: settings.seedScale,
        logLevel: settings.logLevel,
        shutdownTimeoutMs: settings.shutdownTimeoutMs,
        healthPath: '/api/health/ready',
        detached: true,
        onSpawn: (child) => track(child, `[:${port}]`, () => stopProcess(child, shutdownGraceMs)),
      }),
  );
  log(
    `starting ${instances.length} instances at once on ports ${settings.instancePorts.join(', ')}…`,
  );
  await Promise.all(instances.map((instance) => instance.start()));
  if (stopping) return;
  const nginx = await startNginx({
    listenPort: settings.listenPort,
    upstreams: settings.instancePorts.map((port) => `127.0.0.1:${port}`),
    detached: true,
    onSpawn: (child) => track(child, '[nginx]', () => stopProcess(child)),
  });
  nginxPrefix = nginx.prefix;
  if (stopping) return;

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    [
      '',
      `The cluster is up (instances ready in ${seconds} s). Open:`,
      `  http://localhost:${settings.listenPort}   nginx → ${settings.instancePorts.map((port) => `:${port}`).join(', ')}`,
      ...instances.map((instance, i) => `  ${instance.baseURL}   instance ${i + 1} (directly)`),
      `PostgreSQL ${describePostgresUrl(settings.databaseUrl)} · Redis ${settings.redisUrl} · nginx prefix ${nginx.prefix}`,
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void shutdown(0, signal, true));
}
// A crash of this script must not leave the instances behind (they run in their own group).
process.on('exit', () => {
  for (const { child } of children) child.kill('SIGKILL');
});

main().catch((error: unknown) => {
  // What a signal interrupted is no error; anything else is said, whatever stops next.
  if (stopping?.signal) return;
  console.error(`[cluster] ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1, 'start-up failed');
});
