import { createEmptyDatabase } from '../testing/empty-database';
import { createTempDatabase, type TempDatabase } from '../testing/temp-database';
import { createAdapterFactory } from './adapter-factory';
import { createPrismaClient } from './prisma-client';
import { migrationSql } from './schema-diff';

/** Every table's columns and indexes, as `table.column` / `index:name`, sorted. */
async function shapeOf(db: Pick<TempDatabase, 'url' | 'prisma'>): Promise<string[]> {
  const rows = await db.prisma.$queryRawUnsafe<{ item: string }[]>(
    db.url.startsWith('file:')
      ? `SELECT m.name || '.' || c.name AS item FROM sqlite_master m JOIN pragma_table_info(m.name) c
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_prisma_migrations'
         UNION SELECT 'index:' || name FROM sqlite_master
         WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`
      : `SELECT table_name || '.' || column_name AS item FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
         UNION SELECT 'index:' || indexname FROM pg_indexes
         WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey'`,
  );
  return rows.map((row) => row.item).sort();
}

/** The shape of a database built straight from its provider's schema file, not the migrations. */
async function shapeOfSchemaFile(): Promise<string[]> {
  const database = await createEmptyDatabase();
  const prisma = createPrismaClient(database.url);
  try {
    const adapter = await createAdapterFactory(database.url).connect();
    await adapter.executeScript(await migrationSql(database.url, 'empty'));
    await adapter.dispose();
    return await shapeOf({ url: database.url, prisma });
  } finally {
    await prisma.$disconnect();
    await database.drop();
  }
}

describe('schema and migrations', () => {
  let migrated: TempDatabase;
  beforeAll(async () => {
    migrated = await createTempDatabase();
  });
  afterAll(() => migrated.drop());

  it("this provider's migrations build what its schema file declares", async () => {
    const fromMigrations = await shapeOf(migrated);
    expect(fromMigrations).toContain('sprintFolders.departmentId');
    expect(fromMigrations).toContain('index:docs_departmentId_created_idx');
    expect(fromMigrations).toEqual(await shapeOfSchemaFile());
  });

  it("this provider's migrations build the same tables, columns and indexes as SQLite's", async () => {
    const sqlite = await createTempDatabase({ kind: 'sqlite' });
    try {
      expect(await shapeOf(migrated)).toEqual(await shapeOf(sqlite));
    } finally {
      await sqlite.drop();
    }
  });
});
