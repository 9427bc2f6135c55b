import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import { parseIntoClientConfig } from 'pg-connection-string';
import { databaseKind, prepareSqliteUrl } from './database-url';

/**
 * Every SQLite connection runs in WAL mode with synchronous=NORMAL: a commit then appends to the
 * log instead of waiting for the disk (measured here: 13 ms → 0.03 ms a commit). better-sqlite3
 * is synchronous, so that wait would stall the whole event loop, socket.io included. A commit
 * survives a crash of the process; only a power cut can lose the last few.
 */
export const SQLITE_CONNECTION_PRAGMAS =
  'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;';

async function tuned(connection: Promise<SqlDriverAdapter>): Promise<SqlDriverAdapter> {
  const adapter = await connection;
  await adapter.executeScript(SQLITE_CONNECTION_PRAGMAS);
  return adapter;
}

/** Told of every adapter the factory connects (Prisma's connections; not the shadow database's). */
export type OnConnect = (adapter: SqlDriverAdapter) => SqlDriverAdapter;

function sqliteFactory(
  databaseUrl: string,
  onConnect: OnConnect,
): SqlMigrationAwareDriverAdapterFactory {
  const sqlite = new PrismaBetterSqlite3({ url: prepareSqliteUrl(databaseUrl) });
  return {
    provider: sqlite.provider,
    adapterName: sqlite.adapterName,
    connect: () => tuned(sqlite.connect()).then(onConnect),
    connectToShadowDb: () => sqlite.connectToShadowDb(),
  };
}

/**
 * PrismaPg 7.10 drops its shadow database (a temporary database the schema engine diffs on) while
 * its own pool still holds connections to it, which PostgreSQL refuses. Ending that pool first
 * lets the drop through; the adapter's own `end()` then only reports that it already ended. The
 * schema engine and withSchemaEngine both dispose it, so disposing is idempotent.
 */
function postgresqlFactory(
  databaseUrl: string,
  onConnect: OnConnect,
): SqlMigrationAwareDriverAdapterFactory {
  // A config object, not a connection string: the shadow database is this config with another
  // `database`, which a connection string would override.
  const postgresql = new PrismaPg(parseIntoClientConfig(databaseUrl));
  return {
    provider: postgresql.provider,
    adapterName: postgresql.adapterName,
    connect: () => postgresql.connect().then(onConnect),
    connectToShadowDb: async () => {
      const shadow = await postgresql.connectToShadowDb();
      const dropShadow = shadow.dispose.bind(shadow);
      let disposed: Promise<void> | undefined;
      shadow.dispose = () =>
        (disposed ??= shadow
          .underlyingDriver()
          .end()
          .then(dropShadow)
          .catch((error: Error) => {
            if (!/end on pool more than once/.test(error.message)) throw error;
          }));
      return shadow;
    },
  };
}

/** The Prisma driver adapter for a DATABASE_URL: no native query or schema engine involved. */
export function createAdapterFactory(
  databaseUrl: string,
  onConnect: OnConnect = (adapter) => adapter,
): SqlMigrationAwareDriverAdapterFactory {
  return databaseKind(databaseUrl) === 'sqlite'
    ? sqliteFactory(databaseUrl, onConnect)
    : postgresqlFactory(databaseUrl, onConnect);
}
