import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { databaseKind, sqliteFilePath, type DatabaseKind } from './database-url';
import { withSchemaEngine } from './schema-engine';

export const NO_FILTER = { externalTables: [], externalEnums: [] };

/** Each provider's migrations, in the workspace and beside the built server. */
const MIGRATION_FOLDERS: Record<DatabaseKind, { workspace: string; built: string }> = {
  sqlite: { workspace: 'prisma/migrations', built: 'migrations' },
  postgresql: { workspace: 'prisma/postgresql/migrations', built: 'migrations-postgresql' },
};

/**
 * Where a provider's migrations are: `MIGRATIONS_DIR`, else beside the built server (its build
 * copies them), else the workspace's prisma/ folder.
 */
export function defaultMigrationsDir(kind: DatabaseKind = 'sqlite'): string {
  const { workspace, built } = MIGRATION_FOLDERS[kind];
  const candidates = [
    process.env['MIGRATIONS_DIR'],
    join(__dirname, built),
    resolve(__dirname, '../../../..', workspace),
    resolve(workspace),
  ].filter((dir): dir is string => !!dir);
  const found = candidates.find((dir) => existsSync(join(dir, 'migration_lock.toml')));
  if (!found) {
    throw new Error(`No Prisma migrations folder found; looked in: ${candidates.join(', ')}`);
  }
  return found;
}

/** Reads a migrations folder in Prisma's own format: one folder per migration with migration.sql. */
export async function readMigrationList(baseDir: string): Promise<MigrationList> {
  const entries = await readdir(baseDir, { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockPath = join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: {
      path: 'migration_lock.toml',
      content: existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(join(baseDir, folder, 'migration.sql'), 'utf8')
            .then((sql) => ({ tag: 'ok' as const, value: sql }))
            .catch((error: Error) => ({ tag: 'error' as const, value: error.message })),
        },
      })),
    ),
  };
}

/** Applies every pending migration; returns the names it applied (none when up to date). */
export async function applyMigrations(
  databaseUrl: string,
  migrationsDir = defaultMigrationsDir(databaseKind(databaseUrl)),
): Promise<string[]> {
  const migrationsList = await readMigrationList(migrationsDir);
  const { appliedMigrationNames } = await withSchemaEngine(databaseUrl, (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTER }),
  );
  return appliedMigrationNames;
}

/** Drops the whole database (migration history included); a SQLite database is its file. */
export async function resetDatabase(databaseUrl: string): Promise<void> {
  if (databaseKind(databaseUrl) === 'sqlite') {
    const file = sqliteFilePath(databaseUrl);
    await Promise.all(
      ['', '-journal', '-wal', '-shm'].map((suffix) => rm(`${file}${suffix}`, { force: true })),
    );
    return;
  }
  await withSchemaEngine(databaseUrl, (engine) => engine.reset({ filter: NO_FILTER }));
}
