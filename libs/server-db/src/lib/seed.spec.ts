import { createTempDatabase, type TempDatabase } from '../testing/temp-database';
import { DEMO_PASSWORD } from '@smart-sync/shared-types';
import { verifyPassword } from './password-hash';
import { seedDatabase } from './seed';

describe('seedDatabase', () => {
  let db: TempDatabase;

  beforeEach(async () => {
    db = await createTempDatabase();
  });
  afterEach(() => db.drop());

  it('fills an empty database with 40,033 rows under the right parents', async () => {
    const lines: string[] = [];
    const result = await seedDatabase(db.prisma, { log: (line) => lines.push(line) });

    expect(result?.rows).toBe(40_033);
    expect(result?.users).toBe(4);
    const { prisma } = db;
    const [locations, departments, docs, folders, lists, sprintFolders] = await Promise.all([
      prisma.location.count(),
      prisma.department.count(),
      prisma.doc.count(),
      prisma.folder.count(),
      prisma.list.count(),
      prisma.sprintFolder.count(),
    ]);
    expect({ locations, departments, docs, folders, lists, sprintFolders }).toEqual({
      locations: 3,
      departments: 30,
      docs: 10_000,
      folders: 10_000,
      lists: 10_000,
      sprintFolders: 10_000,
    });

    const perLocation = await prisma.department.groupBy({ by: ['locationId'], _count: true });
    expect(perLocation.map((group) => group._count)).toEqual([10, 10, 10]);
    const perDepartment = await prisma.doc.groupBy({ by: ['departmentId'], _count: true });
    expect(perDepartment).toHaveLength(30);
    expect(perDepartment.every((group) => Math.abs(group._count - 10_000 / 30) < 1)).toBe(true);
    const departmentIds = new Set((await prisma.department.findMany()).map((d) => d.id));
    expect(perDepartment.every((group) => departmentIds.has(group.departmentId))).toBe(true);

    const first = await prisma.sprintFolder.findMany({ orderBy: { created: 'asc' }, take: 2 });
    expect(first.map((row) => [row.name, row.version])).toEqual([
      ['Sprint Folder 1', 1],
      ['Sprint Folder 2', 1],
    ]);
    expect(lines.at(-1)).toMatch(/^Seeded 40033 rows in \d+\.\d\d s\.$/);
  });

  it('creates the demo users with the grants of the demo table, password hashed', async () => {
    await seedDatabase(db.prisma, { scale: 0 });
    const users = await db.prisma.user.findMany({
      orderBy: { username: 'asc' },
      include: { grants: { include: { location: true } } },
    });
    const rights = users.map(({ username, admin, grants }) => ({
      username,
      admin,
      grants: grants
        .map(({ location, role }) => `${role} of ${location.name}`)
        .sort()
        .join(', '),
    }));
    expect(rights).toEqual([
      { username: 'alice', admin: true, grants: '' },
      { username: 'bob', admin: false, grants: 'editor of Location 1, viewer of Location 2' },
      { username: 'carol', admin: false, grants: 'viewer of Location 1' },
      { username: 'dave', admin: false, grants: 'editor of Location 3' },
    ]);
    expect(users[1].passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword(DEMO_PASSWORD, users[1].passwordHash)).toBe(true);
  });

  it('takes another demo password, or seeds no demo users', async () => {
    const result = await seedDatabase(db.prisma, { scale: 0, demoPassword: 'other' });
    expect(result?.users).toBe(4);
    const carol = await db.prisma.user.findUniqueOrThrow({ where: { username: 'carol' } });
    expect(await verifyPassword('other', carol.passwordHash)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, carol.passwordHash)).toBe(false);

    const empty = await createTempDatabase();
    try {
      expect((await seedDatabase(empty.prisma, { scale: 0, demoPassword: false }))?.users).toBe(0);
      expect(await empty.prisma.user.count()).toBe(0);
      expect(await empty.prisma.location.count()).toBe(3);
    } finally {
      await empty.drop();
    }
  });

  it('interleaves the four child kinds in creation order', async () => {
    await seedDatabase(db.prisma, { scale: 0.01 });
    const { prisma } = db;
    const byCreation = { orderBy: { created: 'asc' }, take: 2 } as const;
    const [docs, folders, lists, sprintFolders] = await Promise.all([
      prisma.doc.findMany(byCreation),
      prisma.folder.findMany(byCreation),
      prisma.list.findMany(byCreation),
      prisma.sprintFolder.findMany(byCreation),
    ]);
    const order = [docs[0], folders[0], lists[0], sprintFolders[0], docs[1]].map((row) =>
      row.created.getTime(),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
  });

  it('scales the child rows and keeps locations and departments', async () => {
    const result = await seedDatabase(db.prisma, { scale: 0.01 });
    expect(result?.rows).toBe(33 + 4 * 100);
    expect(await db.prisma.folder.count()).toBe(100);
    expect(await db.prisma.department.count()).toBe(30);
  });

  it('does nothing on a database that already has rows', async () => {
    await db.prisma.location.create({ data: { name: 'Existing' } });
    const lines: string[] = [];
    expect(await seedDatabase(db.prisma, { log: (line) => lines.push(line) })).toBeNull();
    expect(await db.prisma.location.count()).toBe(1);
    expect(await db.prisma.doc.count()).toBe(0);
    expect(lines).toEqual(['Seed skipped: the database already has rows.']);
  });

  it('refuses a negative or non-numeric scale', async () => {
    await expect(seedDatabase(db.prisma, { scale: -1 })).rejects.toThrow(/SEED_SCALE/);
    await expect(seedDatabase(db.prisma, { scale: Number('abc') })).rejects.toThrow(/SEED_SCALE/);
    expect(await db.prisma.location.count()).toBe(0);
  });
});
