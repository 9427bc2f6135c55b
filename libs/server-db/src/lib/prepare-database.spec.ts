import { createEmptyDatabase, type EmptyDatabase } from '../testing/empty-database';
import { prepareDatabase } from './prepare-database';
import { createPrismaClient, type AppPrismaClient } from './prisma-client';

describe('prepareDatabase', () => {
  let database: EmptyDatabase;
  let clients: AppPrismaClient[];

  beforeEach(async () => {
    database = await createEmptyDatabase();
    clients = [createPrismaClient(database.url), createPrismaClient(database.url)];
  });
  afterEach(async () => {
    await Promise.all(clients.map((client) => client.$disconnect()));
    await database.drop();
  });

  it('migrates and seeds once when two instances start at once on an empty database', async () => {
    const logs: string[][] = [[], []];
    await Promise.all(
      clients.map((client, index) =>
        prepareDatabase(database.url, client, {
          seed: true,
          seedScale: 0.01,
          log: (line) => logs[index].push(line),
        }),
      ),
    );
    const counts = await Promise.all([
      clients[0].location.count(),
      clients[0].department.count(),
      clients[0].doc.count(),
      clients[0].folder.count(),
      clients[0].list.count(),
      clients[0].sprintFolder.count(),
    ]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(433);
    const all = logs.flat();
    expect(all.filter((line) => /applied 2 migration/.test(line))).toHaveLength(1);
    expect(all.filter((line) => /schema up to date/.test(line))).toHaveLength(1);
    expect(all.filter((line) => /^Seeded 433 rows/.test(line))).toHaveLength(1);
    expect(all).toContain('Seed skipped: the database already has rows.');
  });
});
