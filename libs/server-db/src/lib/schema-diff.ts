import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DiffTarget } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { databaseKind, type DatabaseKind } from './database-url';
import { NO_FILTER } from './migrations';
import { withSchemaEngine } from './schema-engine';

/** Each provider's schema in the workspace (the PostgreSQL one is derived at `npm install`). */
export const SCHEMA_FILES: Record<DatabaseKind, string> = {
  sqlite: 'prisma/schema.prisma',
  postgresql: 'prisma/postgresql/schema.prisma',
};

/**
 * Where a diff starts: nothing, or a schema file. (Not the migrations folder: the engine would
 * replay it on a shadow database and read that back, which fails through the driver adapters
 * here — PrismaPg 7.10: "Column type 'char' could not be deserialized".)
 */
export type DiffStart = 'empty' | { schemaFile: string };

async function target(start: DiffStart): Promise<DiffTarget> {
  if (start === 'empty') return { tag: 'empty' };
  const path = resolve(start.schemaFile);
  return { tag: 'schemaDatamodel', files: [{ path, content: await readFile(path, 'utf8') }] };
}

/**
 * The SQL that takes `from` to DATABASE_URL's provider's schema, by Prisma's schema engine: the
 * next migration's migration.sql, or empty when they agree.
 */
export async function migrationSql(
  databaseUrl: string,
  from: DiffStart,
  schemaFile = SCHEMA_FILES[databaseKind(databaseUrl)],
): Promise<string> {
  const [fromTarget, toTarget] = await Promise.all([target(from), target({ schemaFile })]);
  const { stdout } = await withSchemaEngine(databaseUrl, (engine) =>
    engine.diff({
      from: fromTarget,
      to: toTarget,
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    }),
  );
  return (stdout ?? '').replace(/^-- This is an empty migration\.\s*$/m, '').trim();
}
