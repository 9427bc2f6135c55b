import { expect, test, type Page } from '@playwright/test';
import {
  CLUSTER_PACKAGES_HINT,
  createTempPostgresDatabase,
  DevServer,
  dropPostgresDatabase,
  freePorts,
  postgresProblem,
  postgresRowCounts,
  startNginx,
  startRedisServer,
  type RedisServer,
  type RunningNginx,
} from '@smart-sync/dev-server';
import {
  addChild,
  Api,
  chooseLocation,
  connectionStatus,
  deleteNode,
  expandDepartment,
  openBrowsersAt,
  renameNode,
  signedInRequest,
  treeItem,
  uniqueName,
} from '@smart-sync/e2e-common';
import { E2E_SEED_SCALE, E2E_SEEDED_ROWS, SYNCED_TABLE_NAMES } from './support/e2e-server';

// The production topology (README "Production topology"), every part of it this spec's own: a new
// PostgreSQL database, a redis-server on a free port (so that it can be restarted without touching
// the machine's Redis), two built server instances, and nginx in front (deploy/nginx.conf.template).
// Browser A uses instance 1's own port, B instance 2's, C goes through nginx. nginx's sessions are
// sticky by client address and every browser here comes from 127.0.0.1, so nginx sends all of them
// to the same instance: that is why A and B use the instances' ports directly, and why "instance 1"
// is whichever instance nginx picks for 127.0.0.1 (its X-Upstream header says which).

/** Any database of the PostgreSQL server to make this spec's database on. */
const POSTGRESQL_SERVER =
  process.env['E2E_POSTGRESQL_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const CONNECTED = /^\s*connected\s*$/i;
/** Socket.io's reconnection back-off plus a resync: more than the default 10 s may pass. */
const RECONNECT = { timeout: 30_000 };

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let databaseUrl: string | undefined;
let redis: RedisServer | undefined;
let nginxPort = 0;
let nginx: RunningNginx | undefined;
/** [instance 1, instance 2]: instance 1 is the one nginx sends this machine's browsers to. */
let instances: DevServer[] = [];
let browsers: { a: Page; b: Page; c: Page; close: () => Promise<void> } | undefined;
/** This spec's rows, made through the API once the cluster is up. */
const rows = { location: uniqueName('Location'), department: uniqueName('Department') };

async function statusOf(url: string): Promise<number> {
  return (await fetch(url)).status;
}

const readiness = (server: DevServer) => () => statusOf(`${server.baseURL}/api/health/ready`);

/** The instance(s) nginx passed a request from this machine to, `127.0.0.1:<port>[, …]`. */
async function upstreamOf(proxy: RunningNginx): Promise<string> {
  const response = await fetch(`${proxy.baseURL}/api/health`);
  expect(response.status).toBe(200);
  return response.headers.get('x-upstream') ?? '';
}

/** Makes the instance at `address` (`127.0.0.1:<port>`) instance 1. */
function putFirst(address: string): void {
  const first = instances.find((instance) => address === `127.0.0.1:${instance.port}`);
  if (first) instances = [first, ...instances.filter((instance) => instance !== first)];
}

async function showDepartment(page: Page): Promise<void> {
  await expect(connectionStatus(page)).toHaveText(CONNECTED, RECONNECT);
  await chooseLocation(page, rows.location);
  await expandDepartment(page, rows.department);
}

test.beforeAll(async () => {
  const problem = await postgresProblem(POSTGRESQL_SERVER);
  if (problem) {
    throw new Error(
      `${problem}. This spec runs the cluster on PostgreSQL, Redis and nginx: \`${CLUSTER_PACKAGES_HINT}\`, ` +
        'then start PostgreSQL (trust auth for postgres on 127.0.0.1), or point E2E_POSTGRESQL_URL at one.',
    );
  }
  const [redisPort, proxyPort, ...ports] = await freePorts(4);
  nginxPort = proxyPort;
  databaseUrl = await createTempPostgresDatabase(POSTGRESQL_SERVER, 'smart_sync_e2e_cluster');
  redis = await startRedisServer({ port: redisPort });
  const redisUrl = redis.url;
  instances = ports.map(
    (port) => new DevServer({ port, databaseUrl, redisUrl, seedScale: E2E_SEED_SCALE }),
  );
});

test.afterAll(async () => {
  await browsers?.close();
  await nginx?.stop();
  await Promise.all(instances.map((instance) => instance.stop()));
  await redis?.stop();
  if (databaseUrl) await dropPostgresDatabase(databaseUrl);
});

test('two instances started at once on an empty database both come up; it is seeded once', async () => {
  await Promise.all(instances.map((instance) => instance.start()));
  for (const instance of instances) await expect.poll(readiness(instance)).toBe(200);
  const counts = await postgresRowCounts(databaseUrl as string);
  const synced = SYNCED_TABLE_NAMES.map((table) => counts[table] ?? 0);
  expect(synced.reduce((sum, count) => sum + count, 0)).toBe(E2E_SEEDED_ROWS);

  nginx = await startNginx({
    listenPort: nginxPort,
    upstreams: instances.map((instance) => `127.0.0.1:${instance.port}`),
  });
  const upstream = await upstreamOf(nginx);
  putFirst(upstream);
  expect(upstream).toBe(`127.0.0.1:${instances[0].port}`);
});

test('a rename, an add and a delete sync both ways between the instances, and through nginx', async () => {
  const [first, second] = instances;
  const proxy = nginx as RunningNginx;
  const api = new Api(await signedInRequest(proxy.baseURL));
  const departmentId = await api.add(
    'departments',
    rows.department,
    await api.add('locations', rows.location),
  );
  let docName = uniqueName('Doc');
  await api.add('docs', docName, departmentId);
  const lists = [uniqueName('List'), uniqueName('List')];
  for (const list of lists) await api.add('lists', list, departmentId);

  const opened = await openBrowsersAt([first.baseURL, second.baseURL, proxy.baseURL]);
  const [a, b, c] = opened.pages;
  browsers = { a, b, c, close: opened.close };
  for (const page of [a, b, c]) await showDepartment(page);

  const turns = [
    { writer: a, readers: [b, c], list: lists[0], label: 'A (instance 1) → B, C' },
    { writer: b, readers: [a, c], list: lists[1], label: 'B (instance 2) → A, C' },
  ];
  for (const { writer, readers, list, label } of turns) {
    await test.step(label, async () => {
      const renamed = uniqueName('Doc');
      await renameNode(writer, docName, renamed);
      docName = renamed;
      const folder = uniqueName('Folder');
      await addChild(writer, rows.department, 'Folder', folder);
      await deleteNode(writer, list);
      for (const reader of readers) {
        await expect(treeItem(reader, renamed)).toBeVisible();
        await expect(treeItem(reader, folder)).toBeVisible();
        await expect(treeItem(reader, list)).toHaveCount(0);
      }
    });
  }
});

test('instance 1 stops on SIGTERM within 10 s; C reconnects through nginx to instance 2', async () => {
  const [first, second] = instances;
  const { a, b, c } = browsers as NonNullable<typeof browsers>;

  const exit = await first.stop(15_000);
  expect(exit).toMatchObject({ code: 0, signal: null });
  expect(exit?.ms).toBeLessThan(10_000);

  await expect(connectionStatus(a)).toHaveText(/reconnecting|offline/i);
  await expect(connectionStatus(c)).toHaveText(CONNECTED, RECONNECT);
  expect(await upstreamOf(nginx as RunningNginx)).toMatch(new RegExp(`:${second.port}$`));

  const renamed = uniqueName('Department');
  await renameNode(b, rows.department, renamed);
  rows.department = renamed;
  await expect(treeItem(c, renamed)).toBeVisible(RECONNECT);
});

test('after a Redis restart, edits still reach the other instance and nginx', async () => {
  const [first] = instances;
  const { a, b, c } = browsers as NonNullable<typeof browsers>;
  await first.start(); // back on its port and database, which it finds migrated and seeded
  await expect(connectionStatus(a)).toHaveText(CONNECTED, RECONNECT);

  const running = redis as RedisServer;
  await running.stop();
  for (const instance of instances) await expect.poll(readiness(instance)).toBe(503);
  // Meanwhile each instance reaches its own clients only; A (instance 1) resyncs once Redis is back.
  const duringOutage = uniqueName('Department');
  await renameNode(b, rows.department, duringOutage);
  await expect(treeItem(b, duringOutage)).toBeVisible();

  redis = await startRedisServer({ port: running.port });
  for (const instance of instances) await expect.poll(readiness(instance)).toBe(200);
  await expect(treeItem(a, duringOutage)).toBeVisible(RECONNECT);
  await expect(treeItem(c, duringOutage)).toBeVisible(RECONNECT);
  // Each instance closed its client connections when Redis came back; all have reconnected.
  for (const page of [a, b, c])
    await expect(connectionStatus(page)).toHaveText(CONNECTED, RECONNECT);

  const byB = uniqueName('Department');
  await renameNode(b, duringOutage, byB);
  await expect(treeItem(c, byB)).toBeVisible(RECONNECT);
  await expect(treeItem(a, byB)).toBeVisible(RECONNECT);

  const byA = uniqueName('Department');
  await renameNode(a, byB, byA);
  await expect(treeItem(b, byA)).toBeVisible();
  await expect(treeItem(c, byA)).toBeVisible();
});
