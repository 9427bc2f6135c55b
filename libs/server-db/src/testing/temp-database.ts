import { applyMigrations } from '../lib/migrations';
import { createPrismaClient, type AppPrismaClient } from '../lib/prisma-client';
import { createEmptyDatabase } from './empty-database';

export interface TempDatabase {
  url: string;
  prisma: AppPrismaClient;
  /** Disconnects and deletes the database. */
  drop(): Promise<void>;
}

/**
 * A migrated database of its own for one test (see createEmptyDatabase for which kind; `sqlite`
 * for a test of SQLite's own settings).
 */
export async function createTempDatabase(options: { kind?: 'sqlite' } = {}): Promise<TempDatabase> {
  const database = await createEmptyDatabase(options.kind === 'sqlite' ? '' : undefined);
  await applyMigrations(database.url);
  const prisma = createPrismaClient(database.url);
  return {
    url: database.url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}
