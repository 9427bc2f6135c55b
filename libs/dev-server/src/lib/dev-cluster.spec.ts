import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DevCluster } from './dev-cluster';
import { freePort } from './free-port';
import { postgresDatabaseName } from './postgres-database';
import { redisAnswers } from './redis-server';

/** Stands in for dist/apps/server/main.js: ready at once, and shows the environment it got. */
const FAKE_MAIN = `require('node:http')
  .createServer((req, res) => {
    if (req.url === '/api/health/ready') return res.end('{"status":"ok"}');
    res.end(JSON.stringify(process.env));
  })
  .listen(Number(process.env.PORT));`;

/** The machine's PostgreSQL (`.ci/run` makes sure one listens), or TEST_POSTGRESQL_URL's. */
const POSTGRESQL_SERVER =
  process.env['TEST_POSTGRESQL_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function databaseExists(url: string): Promise<boolean> {
  const client = new Client({ connectionString: POSTGRESQL_SERVER });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      postgresDatabaseName(url),
    ]);
    return found.rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('DevCluster', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dev-cluster-spec-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes a stand-in server bundle into the spec's folder; returns its path. */
  const script = (name: string, code: string) => {
    writeFileSync(join(dir, name), code);
    return join(dir, name);
  };
  const serverMain = script('main.js', FAKE_MAIN);

  it('refuses to start without PostgreSQL, saying what to install, and makes nothing', async () => {
    const onDatabase = jest.fn();
    const onSpawn = jest.fn();
    const postgresqlServer = `postgresql://postgres@127.0.0.1:${await freePort()}/postgres`;
    await expect(
      DevCluster.start({ postgresqlServer, serverMain, onDatabase, onSpawn }),
    ).rejects.toThrow(/does not answer.*apt-get install -y postgresql redis-server nginx/);
    expect(onDatabase).not.toHaveBeenCalled();
    expect(onSpawn).not.toHaveBeenCalled();
  });

  describe('on PostgreSQL', () => {
    it('runs the instances on one new database and its own Redis; dispose removes both', async () => {
      const cluster = await DevCluster.start({
        postgresqlServer: POSTGRESQL_SERVER,
        serverMain,
        seedScale: 0.01,
      });
      const { instances, databaseUrl, redis } = cluster;
      try {
        expect(instances).toHaveLength(2);
        expect(new Set(instances.map((instance) => instance.port)).size).toBe(2);
        expect(await databaseExists(databaseUrl)).toBe(true);
        expect(await redisAnswers('127.0.0.1', redis.port)).toBe(true);
        for (const instance of instances) {
          const env = (await (await fetch(`${instance.baseURL}/`)).json()) as Record<
            string,
            string
          >;
          expect(env).toMatchObject({
            DATABASE_URL: databaseUrl,
            REDIS_URL: `redis://127.0.0.1:${redis.port}`,
            SEED_SCALE: '0.01',
          });
        }
      } finally {
        await cluster.dispose();
      }
      expect(await databaseExists(databaseUrl)).toBe(false);
      expect(await redisAnswers('127.0.0.1', redis.port)).toBe(false);
      expect(instances.every((instance) => instance.child === undefined)).toBe(true);
    });

    it('drops the database and stops Redis when an instance does not come up', async () => {
      const broken = script('broken.js', 'process.exit(3);');
      let databaseUrl = '';
      const spawned: number[] = [];
      await expect(
        DevCluster.start({
          postgresqlServer: POSTGRESQL_SERVER,
          serverMain: broken,
          onDatabase: (url) => (databaseUrl = url),
          onSpawn: (child) => spawned.push(child.pid ?? 0),
        }),
      ).rejects.toThrow('exited (code 3) before it was ready');
      expect(spawned).toHaveLength(3); // redis-server and two instances
      expect(await databaseExists(databaseUrl)).toBe(false);
    });
  });
});
