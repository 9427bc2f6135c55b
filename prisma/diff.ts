// `npm run db:diff [-- <old schema file>]`: prints the SQL that takes the old schema (default:
// an empty database) to prisma/schema.prisma, for DATABASE_URL's provider. After editing the
// schema: `git show HEAD:prisma/schema.prisma > /tmp/old.prisma`, run it once with a SQLite and
// once with a PostgreSQL DATABASE_URL (from /tmp/old.prisma and its postgresql twin), and save the
// output as prisma/migrations/<timestamp>_<name>/migration.sql and
// prisma/postgresql/migrations/<timestamp>_<name>/migration.sql.
import { DEFAULT_DATABASE_URL, migrationSql } from '@smart-sync/server-db';

async function main() {
  const oldSchema = process.argv[2];
  const sql = await migrationSql(
    process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL,
    oldSchema ? { schemaFile: oldSchema } : 'empty',
  );
  console.log(sql || '-- No change.');
}

main().catch((error: unknown) => {
  console.error('Diff failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
