import { PrismaClient } from '../generated/prisma/client';
import { PrismaClient as PostgresqlPrismaClient } from '../generated/prisma-postgresql/client';
import { createAdapterFactory, type OnConnect } from './adapter-factory';
import { databaseKind } from './database-url';
import { DirectSql } from './direct-sql';
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
function baseClient(databaseUrl: string, onConnect: OnConnect): PrismaClient {
  // 'minimal': error messages without the caller's source frame, which Prisma otherwise computes
  // (and prints across many lines) for every failed query.
  const options = {
    adapter: createAdapterFactory(databaseUrl, onConnect),
    errorFormat: 'minimal',
  } as const;
  return databaseKind(databaseUrl) === 'sqlite'
    ? new PrismaClient(options)
    : (new PostgresqlPrismaClient(options) as unknown as PrismaClient);
}

/**
 * The app's Prisma client: versioned updates, `$sqlDialect` for the few raw queries and
 * `$directSql` for the hot reads that skip Prisma's pipeline (both survive further `$extends`,
 * so every client derived from this one has them).
 */
export function createPrismaClient(databaseUrl: string) {
  const $sqlDialect = SQL_DIALECTS[databaseKind(databaseUrl)];
  const base = baseClient(databaseUrl, (adapter) => $directSql.connected(adapter));
  const $directSql = new DirectSql(base);
  return withVersioning(base).$extends({ client: { $sqlDialect, $directSql } });
}

export type AppPrismaClient = ReturnType<typeof createPrismaClient>;
