// `npm run db:seed`: fills an empty database (see seedDatabase); SEED_SCALE scales the child rows,
// DEMO_USERS=off leaves out the demo users, DEMO_PASSWORD gives them another password.
import { createPrismaClient, DEFAULT_DATABASE_URL, seedDatabase } from '@smart-sync/server-db';

async function main() {
  const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const scale = process.env.SEED_SCALE === undefined ? 1 : Number(process.env.SEED_SCALE);
  const prisma = createPrismaClient(databaseUrl);
  try {
    const demoPassword =
      process.env.DEMO_USERS === 'off' ? false : process.env.DEMO_PASSWORD || undefined;
    await seedDatabase(prisma, { scale, demoPassword, log: (line) => console.log(line) });
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error('Seed failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
