import { PrismaClient } from '../generated/prisma/client';
import { PrismaClient as PostgresqlPrismaClient } from '../generated/prisma-postgresql/client';
import { createAdapterFactory } from './adapter-factory';
import { databaseKind } from './database-url';
import { SQL_DIALECTS } from './sql-dialect';
import { isSyncedModel } from './table-registry';

/**
 * Every update of a synced row bumps its `version` by one, whoever makes it: the client sees a new
 * version and knows its copy is stale. (Users, grants and sessions have no version.)
 */
function withVersioning(client: PrismaClient) {
  return client.$extends({
    name: 'versioning',
    query: {
      $allModels: {
        update({ model, args, query }) {
          if (isSyncedModel(model)) args.data = { ...args.data, version: { increment: 1 } };
          return query(args);
        },
        updateMany({ model, args, query }) {
          if (isSyncedModel(model)) args.data = { ...args.data, version: { increment: 1 } };
          return query(args);
        },
      },
    },
  });
}

/**
 * The generated client of the database's provider. Both are generated from the same models
 * (prisma/provider-schemas.mjs), so the PostgreSQL one has the SQLite one's API and is typed as it.
 */
function baseClient(databaseUrl: string): PrismaClient {
  // 'minimal': error messages without the caller's source frame, which Prisma otherwise computes
  // (and prints across many lines) for every failed query.
  const options = { adapter: createAdapterFactory(databaseUrl), errorFormat: 'minimal' } as const;
  return databaseKind(databaseUrl) === 'sqlite'
    ? new PrismaClient(options)
    : (new PostgresqlPrismaClient(options) as unknown as PrismaClient);
}

/**
 * The app's Prisma client: versioned updates, and `$sqlDialect` for the few raw queries (it
 * survives further `$extends`, so every client derived from this one knows its database).
 */
export function createPrismaClient(databaseUrl: string) {
  const $sqlDialect = SQL_DIALECTS[databaseKind(databaseUrl)];
  return withVersioning(baseClient(databaseUrl)).$extends({ client: { $sqlDialect } });
}

export type AppPrismaClient = ReturnType<typeof createPrismaClient>;
