import type { ChildProcess } from 'node:child_process';
import { freePort } from './free-port';
import { startHealthyProcess, stopProcess } from './healthy-process';

const node = (port: number, script: string, readyTimeoutMs = 10_000) => ({
  name: 'The test server',
  command: process.execPath,
  args: ['-e', script],
  port,
  env: { PORT: String(port) },
  readyTimeoutMs,
});

const HEALTHY = `require('node:http')
  .createServer((req, res) => { res.statusCode = req.url === '/api/health' ? 200 : 404; res.end(); })
  .listen(Number(process.env.PORT));`;

describe('startHealthyProcess', () => {
  it('resolves once GET /api/health answers 200, and stop() ends the process', async () => {
    let spawned: ChildProcess | undefined;
    const server = await startHealthyProcess({
      ...node(await freePort(), HEALTHY),
      onSpawn: (child) => (spawned = child),
    });
    expect(spawned).toBe(server.child);
    expect(server.child.exitCode).toBeNull();
    await server.stop();
    expect(server.child.signalCode).toBe('SIGTERM');
  });

  it('throws with the last output lines when the process exits before it is ready', async () => {
    const start = startHealthyProcess(
      node(await freePort(), `console.error('no database'); process.exit(3);`),
    );
    await expect(start).rejects.toThrow(
      'The test server exited (code 3) before it was ready. Its last output:\nerr| no database',
    );
  });

  it('stops a process that does not answer in time', async () => {
    let spawned: ChildProcess | undefined;
    const start = startHealthyProcess({
      ...node(await freePort(), 'setInterval(() => {}, 1000);', 300),
      onSpawn: (child) => (spawned = child),
    });
    await expect(start).rejects.toThrow('did not answer GET /api/health in time');
    expect(spawned?.signalCode).toBe('SIGTERM');
  });

  it('waits for another probe when given one', async () => {
    let asked = 0;
    const server = await startHealthyProcess({
      ...node(await freePort(), 'setInterval(() => {}, 1000);'),
      probe: { what: 'the third question', answers: async () => ++asked === 3 },
    });
    expect(asked).toBe(3);
    await server.stop();
  });

  it('says how a stopped process ended', async () => {
    const server = await startHealthyProcess(
      node(
        await freePort(),
        `${HEALTHY}\nprocess.on('SIGTERM', () => setTimeout(() => process.exit(0), 50));`,
      ),
    );
    const exit = await stopProcess(server.child);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.ms).toBeGreaterThanOrEqual(40);
    expect(await stopProcess(server.child)).toEqual({ code: 0, signal: null, ms: 0 });
  });
});
