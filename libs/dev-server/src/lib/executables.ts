import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where Debian puts daemons, which a non-root user's PATH often lacks (nginx is /usr/sbin/nginx). */
const SBIN_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

/** The packages that the cluster needs, as one command for a Debian or Ubuntu machine. */
export const CLUSTER_PACKAGES_HINT = 'apt-get install -y postgresql redis-server nginx';

/** The Debian package of each program, for the hint in errors. */
const PACKAGES: Record<string, string> = { nginx: 'nginx', 'redis-server': 'redis-server' };

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The path of a program: the environment variable `envVar` when set, else the first `name` on
 * PATH or in the sbin folders; undefined when there is none.
 */
export function findExecutable(name: string, envVar: string): string | undefined {
  const given = process.env[envVar];
  if (given) return isExecutable(given) ? given : undefined;
  const dirs = [...(process.env['PATH'] ?? '').split(delimiter).filter(Boolean), ...SBIN_DIRS];
  return dirs.map((dir) => join(dir, name)).find(isExecutable);
}

/** The error message for a program that findExecutable did not find. */
export function missingExecutable(name: string, envVar: string): string {
  const given = process.env[envVar];
  const where = given ? `${envVar}=${given} is not an executable` : `${name} is not installed`;
  return `${where}: install it with \`apt-get install -y ${PACKAGES[name] ?? name}\` (as root), or set ${envVar} to its path.`;
}
