import { PrismaClient } from '../generated/prisma/client';
import { createAdapterFactory } from './adapter-factory';

/**
 * Every update of a row bumps its `version` by one, whoever makes it: the client sees a new
 * version and knows its copy is stale.
 */
function withVersioning(client: PrismaClient) {
  return client.$extends({
    name: 'versioning',
    query: {
      $allModels: {
        update({ args, query }) {
          args.data = { ...args.data, version: { increment: 1 } };
          return query(args);
        },
        updateMany({ args, query }) {
          args.data = { ...args.data, version: { increment: 1 } };
          return query(args);
        },
      },
    },
  });
}

export function createPrismaClient(databaseUrl: string) {
  // 'minimal': error messages without the caller's source frame, which Prisma otherwise computes
  // (and prints across many lines) for every failed query.
  return withVersioning(
    new PrismaClient({ adapter: createAdapterFactory(databaseUrl), errorFormat: 'minimal' }),
  );
}

export type AppPrismaClient = ReturnType<typeof createPrismaClient>;
