import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable, missingExecutable } from './executables';
import { httpProbe, startHealthyProcess, type HealthyProcess } from './healthy-process';
import { WORKSPACE_ROOT } from './workspace';

/** The cluster's nginx configuration, with `${LISTEN_PORT}` and `${UPSTREAM_SERVERS}` to fill in. */
export const NGINX_TEMPLATE = join(WORKSPACE_ROOT, 'deploy/nginx.conf.template');

export interface NginxConfigValues {
  listenPort: number;
  /** The instances, `host:port` each. */
  upstreams: readonly string[];
}

/**
 * The template with its placeholders filled in. An instance that fails once is left out for 10 s
 * (`max_fails=1 fail_timeout=10s`), then tried again. Throws when a placeholder is left.
 */
export function renderNginxConfig(template: string, values: NginxConfigValues): string {
  if (values.upstreams.length === 0) throw new Error('nginx needs at least one upstream');
  const servers = values.upstreams
    .map((address) => `        server ${address} max_fails=1 fail_timeout=10s;`)
    .join('\n');
  // Comment lines keep the placeholders' names; only directives are filled in.
  const config = template
    .split('\n')
    .map((line) =>
      line.trimStart().startsWith('#')
        ? line
        : line
            .replaceAll('${LISTEN_PORT}', String(values.listenPort))
            .replaceAll('${UPSTREAM_SERVERS}', servers),
    )
    .join('\n');
  const left = config
    .split('\n')
    .find((line) => !line.trimStart().startsWith('#') && /\$\{[A-Z_]+\}/.test(line));
  if (left) throw new Error(`the nginx template has a placeholder left: ${left.trim()}`);
  return config;
}

export interface NginxOptions extends NginxConfigValues {
  /** Another template than deploy/nginx.conf.template. */
  template?: string;
  /** Runs nginx in a process group of its own (see ProcessSpec.detached). */
  detached?: boolean;
  onSpawn?: (child: ChildProcess) => void;
}

export interface RunningNginx {
  port: number;
  /** `http://127.0.0.1:<port>`: an IPv4 address, as nginx listens on IPv4 only. */
  baseURL: string;
  /** Its prefix: the rendered nginx.conf, its pid file and temp folders. */
  prefix: string;
  process: HealthyProcess;
  /** Stops nginx (SIGTERM: a fast shutdown) and removes its prefix folder. */
  stop(): Promise<void>;
}

/**
 * nginx in front of `upstreams` on `listenPort`, as a child process (not a daemon) with a temp
 * prefix of its own, logging errors to stderr: nothing of the system's nginx is used or touched.
 * Ready once `GET /api/health` answers through it (an upstream must be up).
 */
export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  const command = findExecutable('nginx', 'NGINX_BIN');
  if (!command) throw new Error(missingExecutable('nginx', 'NGINX_BIN'));
  const prefix = mkdtempSync(join(tmpdir(), 'smart-sync-nginx-'));
  // Run as root, nginx's workers drop to `nobody`: they must be able to reach the temp folders.
  chmodSync(prefix, 0o755);
  const config = join(prefix, 'nginx.conf');
  writeFileSync(
    config,
    renderNginxConfig(readFileSync(options.template ?? NGINX_TEMPLATE, 'utf8'), options),
  );
  try {
    const running = await startHealthyProcess({
      name: `nginx on port ${options.listenPort}`,
      command,
      args: [
        '-p',
        prefix,
        '-c',
        config,
        '-e',
        'stderr',
        '-g',
        `daemon off; pid ${join(prefix, 'nginx.pid')};`,
      ],
      port: options.listenPort,
      env: { PATH: process.env['PATH'] ?? '' },
      probe: httpProbe(options.listenPort),
      readyTimeoutMs: 15_000,
      detached: options.detached,
      onSpawn: options.onSpawn,
    });
    return {
      port: options.listenPort,
      baseURL: `http://127.0.0.1:${options.listenPort}`,
      prefix,
      process: running,
      async stop() {
        await running.stop();
        rmSync(prefix, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(prefix, { recursive: true, force: true });
    throw error;
  }
}
