import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations } from '../lib/migrations';
import { createPrismaClient, type AppPrismaClient } from '../lib/prisma-client';

export interface TempDatabase {
  url: string;
  prisma: AppPrismaClient;
  /** Disconnects and deletes the database file. */
  drop(): Promise<void>;
}

/** A migrated SQLite database in a fresh temporary folder, for tests. */
export async function createTempDatabase(): Promise<TempDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'smart-sync-test-'));
  const url = `file:${join(dir, 'test.db')}`;
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
