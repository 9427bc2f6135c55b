import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { databaseKind, prepareSqliteUrl } from './database-url';

/** The Prisma driver adapter for a DATABASE_URL: no native query or schema engine involved. */
export function createAdapterFactory(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  const kind = databaseKind(databaseUrl);
  if (kind !== 'sqlite') {
    throw new Error(
      `DATABASE_URL names a ${kind} database; this build's schema and migrations are for SQLite ("file:…")`,
    );
  }
  return new PrismaBetterSqlite3({ url: prepareSqliteUrl(databaseUrl) });
}
