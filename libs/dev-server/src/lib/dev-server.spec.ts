import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DevServer } from './dev-server';
import { freePort } from './free-port';

/** Stands in for dist/apps/server/main.js: healthy at once, and shows the environment it got. */
const FAKE_MAIN = `require('node:http')
  .createServer((req, res) => {
    if (req.url === '/api/health') return res.end('{"status":"ok"}');
    res.end(JSON.stringify({ env: process.env, cwd: process.cwd() }));
  })
  .listen(Number(process.env.PORT));`;

describe('DevServer', () => {
  let dir: string;
  let serverMain: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dev-server-spec-'));
    serverMain = join(dir, 'main.js');
    writeFileSync(serverMain, FAKE_MAIN);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function seen(server: DevServer) {
    const response = await fetch(`${server.baseURL}/`);
    return (await response.json()) as { env: Record<string, string>; cwd: string };
  }

  it('runs the server from the workspace root with only PATH, HOME and its settings', async () => {
    const server = new DevServer({ port: await freePort(), seedScale: 0.01, serverMain });
    process.env['DEV_SERVER_SPEC_LEAK'] = 'from the caller';
    try {
      await server.start();
      const { env, cwd } = await seen(server);
      expect(env).toMatchObject({
        PATH: process.env['PATH'],
        HOME: process.env['HOME'],
        NODE_ENV: 'production',
        PORT: String(server.port),
        DATABASE_URL: server.databaseUrl,
        SEED: 'true',
        SEED_SCALE: '0.01',
      });
      expect(env).not.toHaveProperty('DEV_SERVER_SPEC_LEAK');
      expect(existsSync(join(cwd, 'nx.json'))).toBe(true);
      expect(server.startupMs).toBeGreaterThan(0);
    } finally {
      delete process.env['DEV_SERVER_SPEC_LEAK'];
      await server.dispose();
    }
  });

  it('keeps its database across a restart and removes the temp folder on dispose', async () => {
    const server = new DevServer({ port: await freePort(), serverMain });
    await server.start();
    const folder = dirname(server.databaseUrl.slice('file:'.length));
    expect(existsSync(folder)).toBe(true);
    const firstPid = server.child?.pid;
    await server.restart();
    expect(server.child?.pid).not.toBe(firstPid);
    expect((await seen(server)).env['DATABASE_URL']).toBe(server.databaseUrl);
    await server.dispose();
    expect(server.child).toBeUndefined();
    expect(existsSync(folder)).toBe(false);
  });

  it('leaves a database it was given alone', async () => {
    const server = new DevServer({
      port: await freePort(),
      databaseUrl: `file:${join(dir, 'given.db')}`,
      serverMain,
    });
    await server.dispose();
    expect(existsSync(dir)).toBe(true);
  });
});
