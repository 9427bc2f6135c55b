import { createTempDatabase, type TempDatabase } from '../testing/temp-database';

describe('createPrismaClient', () => {
  let db: TempDatabase;

  beforeEach(async () => {
    db = await createTempDatabase();
  });
  afterEach(() => db.drop());

  async function locationWithChildren() {
    const { prisma } = db;
    const location = await prisma.location.create({ data: { name: 'Paris' } });
    const department = await prisma.department.create({
      data: { name: 'Sales', locationId: location.id },
    });
    const departmentId = department.id;
    await prisma.doc.create({ data: { name: 'Doc 1', departmentId } });
    await prisma.folder.create({ data: { name: 'Folder 1', departmentId } });
    await prisma.list.create({ data: { name: 'List 1', departmentId } });
    await prisma.sprintFolder.create({ data: { name: 'Sprint Folder 1', departmentId } });
    return { location, department };
  }

  async function childCounts() {
    const { prisma } = db;
    return Promise.all([
      prisma.doc.count(),
      prisma.folder.count(),
      prisma.list.count(),
      prisma.sprintFolder.count(),
    ]);
  }

  it('creates rows at version 1 with a creation time', async () => {
    const doc = await db.prisma.location.create({ data: { name: 'Paris' } });
    expect(doc.version).toBe(1);
    expect(doc.created).toBeInstanceOf(Date);
    expect(doc.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('increments version by one on every update', async () => {
    const { department } = await locationWithChildren();
    const once = await db.prisma.department.update({
      where: { id: department.id },
      data: { name: 'A' },
    });
    const twice = await db.prisma.department.update({
      where: { id: department.id },
      data: { name: 'B' },
    });
    expect([once.version, twice.version]).toEqual([2, 3]);
    await db.prisma.department.updateMany({ where: { id: department.id }, data: { name: 'C' } });
    expect(
      (await db.prisma.department.findUniqueOrThrow({ where: { id: department.id } })).version,
    ).toBe(4);
  });

  it('deleting a department deletes its docs, folders, lists and sprint folders', async () => {
    const { department } = await locationWithChildren();
    expect(await childCounts()).toEqual([1, 1, 1, 1]);
    await db.prisma.department.delete({ where: { id: department.id } });
    expect(await childCounts()).toEqual([0, 0, 0, 0]);
    expect(await db.prisma.location.count()).toBe(1);
  });

  it('deleting a location deletes its departments and everything under them', async () => {
    const { location } = await locationWithChildren();
    await db.prisma.location.delete({ where: { id: location.id } });
    expect(await db.prisma.department.count()).toBe(0);
    expect(await childCounts()).toEqual([0, 0, 0, 0]);
  });

  it('refuses a child whose department does not exist', async () => {
    await expect(
      db.prisma.doc.create({ data: { name: 'Orphan', departmentId: 'missing' } }),
    ).rejects.toThrow();
    expect(await db.prisma.doc.count()).toBe(0);
  });
});

describe('SQLite connection settings', () => {
  it('runs in WAL mode with synchronous=NORMAL, so a commit does not wait for the disk', async () => {
    const db = await createTempDatabase({ kind: 'sqlite' });
    try {
      const [journal] =
        await db.prisma.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
      const [sync] =
        await db.prisma.$queryRawUnsafe<{ synchronous: bigint | number }[]>('PRAGMA synchronous');
      expect(journal.journal_mode).toBe('wal');
      expect(Number(sync.synchronous)).toBe(1); // NORMAL
    } finally {
      await db.drop();
    }
  });
});
