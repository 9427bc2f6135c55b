import { defineConfig } from 'prisma/config';

// Used by the Prisma CLI (generate, and migrate on machines that have the native schema engine).
// The app itself reads DATABASE_URL through apps/server/src/config.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/app.db' },
});
