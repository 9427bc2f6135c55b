import { createTempDatabase, type TempDatabase } from '../testing/temp-database';
import type { Change } from './change';
import { changeRecording } from './change-recorder';

describe('changeRecording', () => {
  let db: TempDatabase;
  let changes: Change[];
  let client: ReturnType<typeof recordingClient>;

  const recordingClient = (database: TempDatabase) =>
    database.prisma.$extends(changeRecording((change) => changes.push(change)));

  beforeEach(async () => {
    db = await createTempDatabase();
    changes = [];
    client = recordingClient(db);
  });
  afterEach(() => db.drop());

  async function tree() {
    const location = await db.prisma.location.create({ data: { name: 'Paris' } });
    const department = await db.prisma.department.create({
      data: { name: 'Sales', locationId: location.id },
    });
    const departmentId = department.id;
    const doc = await db.prisma.doc.create({ data: { name: 'Doc', departmentId } });
    const list = await db.prisma.list.create({ data: { name: 'List', departmentId } });
    return { location, department, doc, list };
  }

  it('records creates with their parent', async () => {
    const location = await client.location.create({ data: { name: 'Paris' } });
    const department = await client.department.create({
      data: { name: 'Sales', locationId: location.id },
      select: { id: true },
    });
    expect(changes).toEqual([
      { kind: 'create', table: 'locations', id: location.id, parentId: null },
      { kind: 'create', table: 'departments', id: department.id, parentId: location.id },
    ]);
  });

  it('records updates, and the versioning still applies', async () => {
    const { doc } = await tree();
    const updated = await client.doc.update({ where: { id: doc.id }, data: { name: 'New' } });
    expect(updated.version).toBe(2);
    expect(changes).toEqual([{ kind: 'update', table: 'docs', id: doc.id }]);
  });

  it('renames a row in one statement, bumping its version, and records it once committed', async () => {
    const { doc, department } = await tree();
    await client.$connect();
    expect(await client.$renameRow('docs', doc.id, 'Renamed')).toEqual({
      id: doc.id,
      name: 'Renamed',
      version: 2,
    });
    expect(await client.$renameRow('departments', department.id, 'Ventes', 1)).toEqual({
      id: department.id,
      name: 'Ventes',
      version: 2,
    });
    expect(changes).toEqual([
      { kind: 'update', table: 'docs', id: doc.id },
      { kind: 'update', table: 'departments', id: department.id },
    ]);
    const stored = await db.prisma.doc.findUniqueOrThrow({ where: { id: doc.id } });
    expect([stored.name, stored.version]).toEqual(['Renamed', 2]);
  });

  it('renames nothing and records nothing for a stale version or an unknown row', async () => {
    const { doc } = await tree();
    expect(await client.$renameRow('docs', doc.id, 'Stale', 7)).toBeUndefined();
    expect(await client.$renameRow('docs', 'no-such-doc', 'Nobody')).toBeUndefined();
    expect(changes).toEqual([]);
    const stored = await db.prisma.doc.findUniqueOrThrow({ where: { id: doc.id } });
    expect([stored.name, stored.version]).toEqual(['Doc', 1]);
  });

  it('records a delete with every row its cascade removed', async () => {
    const { location, department, doc, list } = await tree();
    await client.location.delete({ where: { id: location.id } });
    expect(changes).toEqual([
      {
        kind: 'delete',
        table: 'locations',
        id: location.id,
        parentId: null,
        cascade: [
          { table: 'departments', ids: [department.id] },
          { table: 'docs', ids: [doc.id] },
          { table: 'folders', ids: [] },
          { table: 'lists', ids: [list.id] },
          { table: 'sprintFolders', ids: [] },
        ],
      },
    ]);
    expect(await db.prisma.doc.count()).toBe(0);
  });

  it("records a deleted row's parent, and answers with only the columns asked for", async () => {
    const { department, doc } = await tree();
    const answer = await client.doc.delete({ where: { id: doc.id }, select: { id: true } });
    expect(answer).toEqual({ id: doc.id });
    expect(changes).toEqual([
      { kind: 'delete', table: 'docs', id: doc.id, parentId: department.id, cascade: [] },
    ]);
  });

  it('writes users, grants and sessions as asked and records nothing of them', async () => {
    const { location } = await tree();
    const user = await client.user.create({ data: { username: 'u', passwordHash: 'h' } });
    await client.grant.create({
      data: { userId: user.id, locationId: location.id, role: 'viewer' },
    });
    await client.session.create({
      data: { id: 's', userId: user.id, expiresAt: new Date(Date.now() + 1000) },
    });
    await client.user.update({ where: { id: user.id }, data: { admin: true } });
    await client.session.deleteMany({ where: { userId: user.id } });
    await client.location.delete({ where: { id: location.id } });
    expect(await db.prisma.grant.count()).toBe(0);
    expect(await db.prisma.session.count()).toBe(0);
    expect(changes.map((change) => change.kind)).toEqual(['delete']);
  });

  it('records nothing for a write that fails', async () => {
    const { department } = await tree();
    await expect(
      client.doc.update({ where: { id: 'missing' }, data: { name: 'x' } }),
    ).rejects.toThrow();
    await expect(client.department.delete({ where: { id: 'missing' } })).rejects.toThrow();
    await expect(client.doc.delete({ where: { id: 'missing' } })).rejects.toThrow();
    await expect(
      client.doc.create({ data: { name: 'x', departmentId: 'missing' } }),
    ).rejects.toThrow();
    expect(changes).toEqual([]);
    expect(await db.prisma.department.count({ where: { id: department.id } })).toBe(1);
  });

  it('refuses writes it could not attribute or announce after their commit', async () => {
    const { doc } = await tree();
    await expect(client.doc.updateMany({ data: { name: 'x' } })).rejects.toThrow(/not recorded/);
    await expect(client.doc.deleteMany({})).rejects.toThrow(/not recorded/);
    await expect(
      client.$transaction(async (tx) => {
        await tx.doc.update({ where: { id: doc.id }, data: { name: 'x' } });
      }),
    ).rejects.toThrow(/inside \$transaction/);
    expect(changes).toEqual([]);
    expect((await db.prisma.doc.findUniqueOrThrow({ where: { id: doc.id } })).name).toBe('Doc');
  });
});
