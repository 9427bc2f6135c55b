import { join } from 'node:path';
import { BENCH_ORIGIN, freePort } from './http';
import { startServerProcess, type StartedProcess } from './processes';
import { REPO_ROOT } from './server-process';

/** Starts bench/lib/bare-server.ts in a fresh process (one process: tsx as a loader, not its CLI) on a free 127.0.0.1 port. */
export async function startBareServer(): Promise<StartedProcess> {
  const port = await freePort();
  return startServerProcess(
    'The bare socket.io server',
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'bare-server.ts')],
    port,
    {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        CORS_ORIGINS: BENCH_ORIGIN,
        NODE_ENV: 'production',
      },
    },
  );
}
