// The models are written once, in prisma/schema.prisma (SQLite, the embedded default). Prisma
// needs the provider per schema file, so the PostgreSQL schema is derived from it, never edited.
import { readFileSync, writeFileSync } from 'node:fs';

export const SQLITE_SCHEMA = 'prisma/schema.prisma';
export const POSTGRESQL_SCHEMA = 'prisma/postgresql/schema.prisma';

const HEADER =
  '// GENERATED from prisma/schema.prisma by prisma/provider-schemas.mjs (npm install); do not edit.\n';

/** The PostgreSQL schema for a SQLite schema's text: same models, tables and columns. */
export function postgresqlSchemaOf(sqliteSchema) {
  const replaced = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(
      /output(\s*)=\s*"\.\.\/libs\/server-db\/src\/generated\/prisma"/,
      (_, space) => `output${space}= "../../libs/server-db/src/generated/prisma-postgresql"`,
    );
  if (!replaced.includes('provider = "postgresql"') || !replaced.includes('prisma-postgresql')) {
    throw new Error(
      `${SQLITE_SCHEMA}: cannot find the sqlite provider and client output to derive from`,
    );
  }
  return HEADER + replaced;
}

/** Writes prisma/postgresql/schema.prisma from prisma/schema.prisma. */
export function writePostgresqlSchema() {
  writeFileSync(POSTGRESQL_SCHEMA, postgresqlSchemaOf(readFileSync(SQLITE_SCHEMA, 'utf8')));
}
