import { join } from 'node:path';
import { BENCH_ORIGIN, freePort } from './http';
import { startServerProcess, type StartedProcess } from './processes';
import { REPO_ROOT } from './server-process';

const TSX_CLI = join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs');

/** Starts bench/lib/bare-server.ts in a fresh process on a free 127.0.0.1 port. */
export async function startBareServer(): Promise<StartedProcess> {
  const port = await freePort();
  return startServerProcess('The bare socket.io server', process.execPath, [TSX_CLI, join(__dirname, 'bare-server.ts')], port, {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), CORS_ORIGINS: BENCH_ORIGIN, NODE_ENV: 'production' },
  });
}
