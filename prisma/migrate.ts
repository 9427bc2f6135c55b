// `npm run db:migrate` applies pending migrations; `npm run db:reset` (--reset) drops every table
// first. Uses Prisma's WebAssembly schema engine, so it works where the native one can't be had.
import { applyMigrations, DEFAULT_DATABASE_URL, resetDatabase } from '@smart-sync/server-db';

async function main() {
  const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (process.argv.includes('--reset')) {
    await resetDatabase(databaseUrl);
    console.log(`Dropped every table in ${databaseUrl}.`);
  }
  const applied = await applyMigrations(databaseUrl);
  console.log(
    applied.length
      ? `Applied ${applied.length} migration(s) to ${databaseUrl}: ${applied.join(', ')}`
      : `${databaseUrl} is up to date: no pending migrations.`,
  );
}

main().catch((error: unknown) => {
  console.error('Migration failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
