import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';

/** The database a URL names (its path), e.g. `smart_sync` for `postgresql://…/smart_sync`. */
export function postgresDatabaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new Error(`${describePostgresUrl(url)} names no database`);
  return name;
}

/** The URL without its password, for messages. */
export function describePostgresUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** The same server, database `postgres`: where databases are created and dropped. */
function maintenanceUrl(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = '/postgres';
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...parseIntoClientConfig(url), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Undefined when the PostgreSQL server of `url` accepts a connection, else why not. */
export async function postgresProblem(url: string): Promise<string | undefined> {
  try {
    await withClient(maintenanceUrl(url), (client) => client.query('SELECT 1'));
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const where = new URL(url);
    return `PostgreSQL on ${where.hostname}:${where.port || 5432} does not answer (${message || 'connection refused'})`;
  }
}

/** Creates the database `url` names unless it exists; true when it was created. */
export function ensurePostgresDatabase(url: string): Promise<boolean> {
  const name = postgresDatabaseName(url);
  return withClient(maintenanceUrl(url), async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  });
}

/** Drops the database `url` names, closing whatever is still connected to it. */
export function dropPostgresDatabase(url: string): Promise<void> {
  const name = postgresDatabaseName(url);
  return withClient(maintenanceUrl(url), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

/**
 * A new, empty database on the PostgreSQL server of `serverUrl` (any database of it), named
 * `<prefix>_<random>`; returns its URL.
 */
export async function createTempPostgresDatabase(
  serverUrl: string,
  prefix = 'smart_sync_tmp',
): Promise<string> {
  const url = new URL(serverUrl);
  url.pathname = `/${prefix}_${randomBytes(5).toString('hex')}`;
  await ensurePostgresDatabase(url.toString());
  return url.toString();
}

/** The rows of each table of the public schema, Prisma's `_prisma_migrations` left out. */
export function postgresRowCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
          AND table_name <> '_prisma_migrations'
        ORDER BY table_name`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const result = await client.query<{ count: string }>(
        `SELECT count(*) AS count FROM ${client.escapeIdentifier(name)}`,
      );
      counts[name] = Number(result.rows[0].count);
    }
    return counts;
  });
}
