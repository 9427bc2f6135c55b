import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  applyMigrations,
  defaultMigrationsDir,
  readMigrationList,
  resetDatabase,
} from './migrations';

const APP_TABLES = [
  'departments',
  'docs',
  'folders',
  'grants',
  'lists',
  'locations',
  'sessions',
  'sprintFolders',
  'users',
];
const MIGRATIONS = ['20261126000000_init', '20261201000000_users_grants_sessions'];

function tablesIn(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
        )
        .all() as { name: string }[]
    ).map((row) => row.name);
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'migrations-spec-'));
    file = join(dir, 'nested', 'app.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the Prisma migrations folder', async () => {
    const list = await readMigrationList(defaultMigrationsDir());
    expect(list.lockfile.content).toContain('provider = "sqlite"');
    expect(list.migrationDirectories.map((m) => m.path)).toContain('20261126000000_init');
  });

  it('applies every migration to a new SQLite file, creating its folder', async () => {
    const applied = await applyMigrations(`file:${file}`);
    expect(applied).toEqual(MIGRATIONS);
    expect(existsSync(file)).toBe(true);
    expect(tablesIn(file)).toEqual(['_prisma_migrations', ...APP_TABLES]);
  });

  it('is a no-op the second time', async () => {
    await applyMigrations(`file:${file}`);
    expect(await applyMigrations(`file:${file}`)).toEqual([]);
    const db = new Database(file, { readonly: true });
    const recorded = db.prepare('SELECT migration_name, finished_at FROM _prisma_migrations').all();
    db.close();
    expect(recorded).toEqual(
      MIGRATIONS.map((name) => ({ migration_name: name, finished_at: expect.anything() })),
    );
  });

  it('reset drops the database, and migrating again recreates them', async () => {
    await applyMigrations(`file:${file}`);
    await resetDatabase(`file:${file}`);
    expect(existsSync(file)).toBe(false);
    expect(await applyMigrations(`file:${file}`)).toEqual(MIGRATIONS);
    expect(tablesIn(file)).toEqual(['_prisma_migrations', ...APP_TABLES]);
  });

  it('refuses a DATABASE_URL that is neither SQLite nor PostgreSQL', async () => {
    await expect(applyMigrations('mysql://localhost/x')).rejects.toThrow(
      /DATABASE_URL must start with/,
    );
  });
});
