import {
  childRowSchema,
  departmentRowSchema,
  FIRST_CHILD_PAGE_LENGTH,
  locationRowSchema,
  MAX_IDS_PER_LOAD,
  topRowSchema,
  type ChildReference,
} from '@smart-sync/shared-types';
import * as z from 'zod';
import { testDatabaseKind } from '@smart-sync/server-db';
import { statementsDuring } from '../testing/statement-counter';
import { startTestApp, type TestApp } from '../testing/test-app';

/** 0.4 × 10,000 rows per child table over 30 departments: ~533 children each, more than a page. */
const SEED_SCALE = '0.4';

describe('REST reads', () => {
  let t: TestApp;
  let locationIds: string[];
  let departmentIds: string[];

  /** A department's children straight from the database, merged in creation order. */
  async function childrenInOrder(departmentId: string): Promise<ChildReference[]> {
    const { base } = t.db;
    const args = { where: { departmentId }, select: { id: true, created: true } };
    const [docs, folders, lists, sprintFolders] = await Promise.all([
      base.doc.findMany(args),
      base.folder.findMany(args),
      base.list.findMany(args),
      base.sprintFolder.findMany(args),
    ]);
    return Object.entries({ docs, folders, lists, sprintFolders })
      .flatMap(([table, rows]) => rows.map((row) => ({ table, ...row })))
      .sort((a, b) => a.created.getTime() - b.created.getTime() || (a.id < b.id ? -1 : 1))
      .map(({ table, id }) => ({ table, id }) as ChildReference);
  }

  /** Counts the SQL statements the app runs during `work`. */
  beforeAll(async () => {
    t = await startTestApp({ SEED: 'true', SEED_SCALE });
    const order = [{ created: 'asc' as const }, { id: 'asc' as const }];
    locationIds = (await t.db.base.location.findMany({ orderBy: order })).map((row) => row.id);
    departmentIds = (await t.db.base.department.findMany({ orderBy: order })).map((row) => row.id);
  });
  afterAll(() => t?.close());

  it('seeded the database at start-up', () => {
    expect(locationIds).toHaveLength(3);
    expect(departmentIds).toHaveLength(30);
  });

  it('POST /api/top → the top row with every location id in creation order', async () => {
    const { body } = await t.api.post('/api/top').send(['1']).expect(200);
    expect(z.array(topRowSchema).parse(body)).toEqual([{ id: '1', locations: locationIds }]);
    await t.api.post('/api/top').send([]).expect(200, []);
    await t.api.post('/api/top').send({}).expect(400);
  });

  it('POST /api/locations → rows with their department ids in creation order', async () => {
    const { body } = await t.api
      .post('/api/locations')
      .send(['unknown', locationIds[1], locationIds[0]])
      .expect(200);
    const rows = z.array(locationRowSchema).parse(body);
    expect(rows.map((row) => row.id)).toEqual([locationIds[1], locationIds[0]]);
    for (const row of rows) {
      const expected = departmentIds.filter((_, i) => i % 3 === locationIds.indexOf(row.id));
      expect(row).toEqual({
        id: row.id,
        name: expect.any(String),
        version: 1,
        departments: expected,
      });
    }
  });

  it('POST /api/departments → each with its first 500 children of all four tables, merged', async () => {
    const { body } = await t.api.post('/api/departments').send(departmentIds).expect(200);
    const rows = z.array(departmentRowSchema).parse(body);
    expect(rows.map((row) => row.id)).toEqual(departmentIds);
    for (const row of [rows[0], rows[29]]) {
      const all = await childrenInOrder(row.id);
      expect(all.length).toBeGreaterThan(FIRST_CHILD_PAGE_LENGTH);
      expect(new Set(all.map((child) => child.table)).size).toBe(4);
      expect(row.children).toEqual({
        startIndex: 0,
        length: all.length,
        indexes: all.slice(0, FIRST_CHILD_PAGE_LENGTH),
      });
    }
  });

  it('POST /api/departments/indexes → any page of those references', async () => {
    const departmentId = departmentIds[4];
    const all = await childrenInOrder(departmentId);
    const page = (startIndex: number, length: number) =>
      t.api
        .post('/api/departments/indexes')
        .send({ parentId: departmentId, startIndex, length })
        .expect(200)
        .then((response) => response.body);

    expect(await page(500, 100)).toEqual({
      startIndex: 500,
      length: all.length,
      indexes: all.slice(500, 600),
    });
    expect(await page(3, 4)).toEqual({
      startIndex: 3,
      length: all.length,
      indexes: all.slice(3, 7),
    });
    expect(await page(5000, 10)).toEqual({ startIndex: 5000, length: all.length, indexes: [] });
  });

  it('lists a new child last, and an empty department with no children', async () => {
    const departmentId = departmentIds[7];
    const before = await childrenInOrder(departmentId);
    const { body } = await t.api
      .post('/api/sprintFolders/add')
      .send({ name: 'Newest', parentId: departmentId })
      .expect(201);
    const last = await t.api
      .post('/api/departments/indexes')
      .send({ parentId: departmentId, startIndex: before.length, length: 10 })
      .expect(200);
    expect(last.body).toEqual({
      startIndex: before.length,
      length: before.length + 1,
      indexes: [{ table: 'sprintFolders', id: body[0].id }],
    });

    const { body: added } = await t.api
      .post('/api/departments/add')
      .send({ name: 'Empty', parentId: locationIds[0] })
      .expect(201);
    const empty = { startIndex: 0, length: 0, indexes: [] };
    expect(added).toEqual([{ id: expect.any(String), name: 'Empty', version: 1, children: empty }]);
    await t.api
      .post('/api/departments/indexes')
      .send({ parentId: added[0].id, startIndex: 0, length: 10 })
      .expect(200, empty);
  });

  it('refuses a bad page request (400, naming the field) and an unknown department (404)', async () => {
    const response = await t.api
      .post('/api/departments/indexes')
      .send({ parentId: departmentIds[0], startIndex: -1, length: 10 })
      .expect(400);
    expect(response.body.message).toBe('startIndex: must be 0 or more');
    await t.api
      .post('/api/departments/indexes')
      .send({ parentId: 'nope', startIndex: 0, length: 10 })
      .expect(404);
  });

  it('POST /api/docs → rows in the order asked, unknown and repeated ids left out', async () => {
    const docs = await t.db.base.doc.findMany({ take: 3, orderBy: { created: 'asc' } });
    const ids = [docs[2].id, 'unknown', docs[0].id, docs[2].id];
    const { body } = await t.api.post('/api/docs').send(ids).expect(200);
    expect(z.array(childRowSchema).parse(body)).toEqual([
      { id: docs[2].id, name: docs[2].name, version: 1 },
      { id: docs[0].id, name: docs[0].name, version: 1 },
    ]);
    await t.api.post('/api/docs').send([]).expect(200, []);
    const tooMany = Array.from({ length: MAX_IDS_PER_LOAD + 1 }, (_, i) => `id${i}`);
    const refused = await t.api.post('/api/docs').send(tooMany).expect(400);
    expect(refused.body.message).toMatch(/^ids: at most 1000 ids/);
    const badId = await t.api.post('/api/docs').send(['a', 7]).expect(400);
    expect(badId.body.message).toBe('ids[1]: must be a string id');
  });

  it('loads many rows with a fixed number of round trips (besides the session lookup)', async () => {
    const docIds = (await t.db.base.doc.findMany({ take: 200, select: { id: true } })).map(
      (row) => row.id,
    );
    const session = await statementsDuring(() => t.api.get('/api/auth/me').expect(200));
    expect(await statementsDuring(() => t.api.post('/api/docs').send(docIds).expect(200))).toBe(
      session + 1,
    );
    // SQLite runs in process: a prepared statement per department's page costs no round trip.
    const pages = testDatabaseKind() === 'sqlite' ? departmentIds.length : 1;
    expect(
      await statementsDuring(() => t.api.post('/api/departments').send(departmentIds).expect(200)),
    ).toBe(session + 2 + pages);
    expect(
      await statementsDuring(() => t.api.post('/api/locations').send(locationIds).expect(200)),
    ).toBe(session + 2);
  });
});
