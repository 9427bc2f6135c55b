import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';

/**
 * The PostgreSQL server the tests use when this variable names one (any database on it, e.g.
 * `postgresql://postgres@127.0.0.1:5432/postgres`); each test gets a database of its own on it.
 * Unset: each test gets a SQLite file of its own.
 */
export const TEST_POSTGRESQL_URL = 'TEST_POSTGRESQL_URL';

export interface EmptyDatabase {
  url: string;
  /** Deletes the database (close its clients first). */
  drop(): Promise<void>;
}

async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(parseIntoClientConfig(serverUrl));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function emptyPostgresqlDatabase(serverUrl: string): Promise<EmptyDatabase> {
  const name = `smart_sync_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await onServer(serverUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      );
    },
  };
}

function emptySqliteDatabase(): EmptyDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'smart-sync-test-'));
  return {
    url: `file:${join(dir, 'test.db')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The kind of database the tests get by default. */
export function testDatabaseKind(): 'sqlite' | 'postgresql' {
  return process.env[TEST_POSTGRESQL_URL] ? 'postgresql' : 'sqlite';
}

/** A new, empty database for one test: PostgreSQL when TEST_POSTGRESQL_URL is set, else SQLite. */
export function createEmptyDatabase(
  postgresqlServer = process.env[TEST_POSTGRESQL_URL],
): Promise<EmptyDatabase> {
  return postgresqlServer
    ? emptyPostgresqlDatabase(postgresqlServer)
    : Promise.resolve(emptySqliteDatabase());
}
