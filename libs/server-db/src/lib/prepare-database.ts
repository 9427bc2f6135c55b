import { databaseKind, sqliteFilePath, withoutPassword } from './database-url';
import { applyMigrations } from './migrations';
import type { AppPrismaClient } from './prisma-client';
import { seedDatabase } from './seed';
import { withStartupLock } from './startup-lock';

export interface PrepareOptions {
  /** Seed an empty database (SEED). */
  seed: boolean;
  /** SEED_SCALE */
  seedScale: number;
  /** The demo users' password (DEMO_PASSWORD), or false for none (DEMO_USERS=off). */
  demoPassword?: string | false;
  log: (line: string) => void;
}

/** Where a database is, for log lines: a SQLite file's path, or the URL without its password. */
export function describeDatabase(databaseUrl: string): string {
  return databaseKind(databaseUrl) === 'sqlite'
    ? sqliteFilePath(databaseUrl)
    : withoutPassword(databaseUrl);
}

/**
 * Brings a database up to date before an app serves it: applies pending migrations, then seeds it
 * if it is empty, under the start-up lock (instances starting at once do this one at a time).
 */
export async function prepareDatabase(
  databaseUrl: string,
  prisma: AppPrismaClient,
  { seed, seedScale, demoPassword, log }: PrepareOptions,
): Promise<void> {
  const where = describeDatabase(databaseUrl);
  await withStartupLock(databaseUrl, async () => {
    const started = performance.now();
    const applied = await applyMigrations(databaseUrl);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    log(
      applied.length > 0
        ? `${where}: applied ${applied.length} migration(s) (${applied.join(', ')}) in ${seconds} s`
        : `${where}: schema up to date (${seconds} s)`,
    );
    if (!seed) {
      log('Seed disabled (SEED=false)');
      return;
    }
    await seedDatabase(prisma, { scale: seedScale, demoPassword, log });
  });
}
