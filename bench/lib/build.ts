import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { trackChild } from './cleanup';
import { OutputTail, SERVER_MAIN, WORKSPACE_ROOT } from '@smart-sync/dev-server';

/** What the server bundle is built from (spec files excluded). */
const SOURCES = [
  'apps/server/src',
  'libs/server-db/src',
  'apps/server/project.json',
  'apps/server/webpack.config.js',
  'apps/server/tsconfig.app.json',
  'libs/shared-types/src',
  'prisma/migrations',
  'tsconfig.base.json',
];

function newestMtime(path: string): { mtime: number; file: string } {
  const stat = statSync(path);
  if (!stat.isDirectory()) return { mtime: stat.mtimeMs, file: path };
  let newest = { mtime: 0, file: path };
  for (const entry of readdirSync(path)) {
    if (entry.endsWith('.spec.ts')) continue;
    const found = newestMtime(join(path, entry));
    if (found.mtime > newest.mtime) newest = found;
  }
  return newest;
}

/** Why the server must be (re)built, or null when dist/apps/server/main.js is up to date. */
export function buildReason(): string | null {
  if (!existsSync(SERVER_MAIN)) return 'dist/apps/server/main.js is missing';
  const built = statSync(SERVER_MAIN).mtimeMs;
  for (const source of SOURCES) {
    const path = join(WORKSPACE_ROOT, source);
    if (!existsSync(path)) continue;
    const newest = newestMtime(path);
    if (newest.mtime > built)
      return `${newest.file.slice(WORKSPACE_ROOT.length + 1)} is newer than the build`;
  }
  return null;
}

/** `npx nx build server` when the bundle is missing or stale; throws with the build's output on failure. */
export async function ensureServerBuilt(log: (line: string) => void): Promise<void> {
  if (process.env.BENCH_SERVER_MAIN) {
    log(`BENCH_SERVER_MAIN=${process.env.BENCH_SERVER_MAIN}: not building`);
    return;
  }
  const reason = buildReason();
  if (!reason) {
    log('server build is up to date (dist/apps/server/main.js)');
    return;
  }
  log(`building the server (${reason}): npx nx build server …`);
  const output = new OutputTail(40);
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = trackChild(
      spawn('npx', ['nx', 'build', 'server'], {
        cwd: WORKSPACE_ROOT,
        env: {
          ...process.env,
          NX_DAEMON: 'false',
          NX_TUI: 'false',
          FORCE_COLOR: '0',
          NO_COLOR: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    child.stdout?.on('data', (chunk) => output.push(chunk, 'out'));
    child.stderr?.on('data', (chunk) => output.push(chunk, 'err'));
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0 || !existsSync(SERVER_MAIN)) {
    throw new Error(
      `npx nx build server failed (exit ${code}). Its last output:\n${output.text()}`,
    );
  }
  log(`server built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
