// Run as a fresh process by seed.ts: seeds the (migrated, empty) database named by DATABASE_URL
// with the server's own seedDatabase() and prints its result as one JSON line.
import { createPrismaClient, seedDatabase } from '@smart-sync/server-db';

async function main() {
  const prisma = createPrismaClient(process.env.DATABASE_URL as string);
  try {
    const result = await seedDatabase(prisma, { scale: 1 });
    if (!result) throw new Error('seedDatabase skipped: the database was not empty');
    console.log(JSON.stringify(result));
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
