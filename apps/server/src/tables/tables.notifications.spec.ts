import { rowDelegate, TABLES, testDatabaseKind } from '@smart-sync/server-db';
import {
  ALL_INTEREST,
  CHILD_TABLES,
  CRUD_TABLES,
  PARENT_TABLE,
  type CrudTable,
  type SocketNotification,
} from '@smart-sync/shared-types';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import {
  ADMIN_RIGHTS,
  coalesced,
  connectClient,
  MessageLog,
  startTestApp,
  type TestApp,
} from '../testing/test-app';
import { createTestTree, type TestTree } from '../testing/test-tree';
import { TablesService } from './tables.service';

type Tree = TestTree;

describe('REST writes → socket.io notifications', () => {
  let t: TestApp;
  let socket: Socket;
  let log: MessageLog;
  let sentinelId: string;
  let sentinelWrites = 0;
  let tree: Tree;

  const createTree = (name: string) => createTestTree(t.db.base, name);

  /**
   * Everything emitted since the last call: a known later write is made and its message awaited,
   * so every message emitted before it has arrived (one ordered connection).
   */
  async function messagesSoFar(): Promise<SocketNotification[]> {
    await t.api
      .put('/api/docs')
      .send({ id: sentinelId, name: `sentinel ${++sentinelWrites}` })
      .expect(200);
    const sentinel: SocketNotification = { action: 'update', table: 'docs', ids: [sentinelId] };
    await log.waitFor((m) => JSON.stringify(m) === JSON.stringify(sentinel));
    const messages = log.take();
    expect(messages.at(-1)).toEqual(sentinel);
    return messages.slice(0, -1);
  }

  /** Every row of every table: what "the database is unchanged" compares. */
  async function snapshot() {
    const { base } = t.db;
    const select = { id: true, name: true, version: true };
    const orderBy = { id: 'asc' } as const;
    return Promise.all(
      CRUD_TABLES.map((table) => rowDelegate(base, TABLES[table]).findMany({ select, orderBy })),
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    sentinelId = (await createTree('sentinel')).docs;
    socket = await connectClient(t.url, { cookie: t.cookie, auth: ALL_INTEREST });
    log = new MessageLog(socket);
  });

  afterAll(async () => {
    socket?.close();
    await t?.close();
  });

  beforeEach(async () => {
    tree = await createTree('test');
    expect(await messagesSoFar()).toEqual([]);
  });

  describe.each(CRUD_TABLES)('%s', (table) => {
    it('update → the row’s table and id, and the row as a load returns it', async () => {
      const id = tree[table];
      const response = await t.api
        .put(`/api/${table}`)
        .send({ id, name: '  Renamed  ' })
        .expect(200);
      expect(response.body).toEqual([expect.objectContaining({ id, name: 'Renamed', version: 2 })]);
      const loaded = await t.api.post(`/api/${table}`).send([id]).expect(200);
      expect(response.body).toEqual(loaded.body);
      expect(await messagesSoFar()).toEqual([{ action: 'update', table, ids: [id] }]);
    });

    it('add → an update of the parent row (the top row for a location)', async () => {
      const parentTable = PARENT_TABLE[table];
      const parentId = parentTable === 'top' ? '1' : tree[parentTable];
      const response = await t.api
        .post(`/api/${table}/add`)
        .send({ name: 'New row', parentId })
        .expect(201);
      expect(response.body).toEqual([expect.objectContaining({ name: 'New row', version: 1 })]);
      const newId = response.body[0].id as string;
      const loaded = await t.api.post(`/api/${table}`).send([newId]).expect(200);
      expect(response.body).toEqual(loaded.body);
      expect(await messagesSoFar()).toEqual([
        { action: 'update', table: parentTable, ids: [parentId] },
      ]);
    });

    it('delete → the row, and one delete per table for the rows its cascade removed', async () => {
      const id = tree[table];
      await t.api.delete(`/api/${table}/${id}`).expect(204).expect('');
      const cascade: CrudTable[] =
        table === 'locations'
          ? ['departments', ...CHILD_TABLES]
          : table === 'departments'
            ? [...CHILD_TABLES]
            : [];
      expect(await messagesSoFar()).toEqual([
        { action: 'delete', table, ids: [id] },
        ...cascade.map((child) => ({ action: 'delete', table: child, ids: [tree[child]] })),
      ]);
      const loaded = await t.api
        .post(`/api/${table}`)
        .send([id, ...cascade.map((child) => tree[child])])
        .expect(200);
      expect(loaded.body).toEqual([]);
    });

    it('rejected requests → 400/404/413, nothing changed, nothing emitted', async () => {
      const before = await snapshot();
      const id = tree[table];
      const parentTable = PARENT_TABLE[table];
      const cases: [string, request.Test, number, RegExp][] = [
        ['empty name', t.api.put(`/api/${table}`).send({ id, name: ' ' }), 400, /^name: /],
        [
          'long name',
          t.api.put(`/api/${table}`).send({ id, name: 'n'.repeat(101) }),
          400,
          /^name: must be at most 100 characters$/,
        ],
        ['missing id', t.api.put(`/api/${table}`).send({ name: 'x' }), 400, /^id: /],
        ['unknown id', t.api.put(`/api/${table}`).send({ id: 'nope', name: 'x' }), 404, /"nope"/],
        [
          'add without name',
          t.api.post(`/api/${table}/add`).send({ parentId: id }),
          400,
          /^name: /,
        ],
        ['delete unknown id', t.api.delete(`/api/${table}/nope`), 404, /"nope"/],
        [
          'body over 1 MB',
          t.api
            .put(`/api/${table}`)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify({ id, name: 'x', padding: 'p'.repeat(1024 * 1024) })),
          413,
          /larger than 1 MB/,
        ],
        [
          'malformed JSON',
          t.api.put(`/api/${table}`).set('Content-Type', 'application/json').send('{"id":'),
          400,
          /not valid JSON/,
        ],
      ];
      if (parentTable !== 'top') {
        cases.push(
          [
            'add under an unknown parent',
            t.api.post(`/api/${table}/add`).send({ name: 'x', parentId: 'nope' }),
            404,
            new RegExp(`^${parentTable} has no row with id "nope"$`),
          ],
          [
            'add without parent',
            t.api.post(`/api/${table}/add`).send({ name: 'x' }),
            400,
            /^parentId: /,
          ],
        );
      }
      for (const [label, call, status, message] of cases) {
        const response = await call;
        expect({ label, status: response.status }).toEqual({ label, status });
        expect({ label, message: response.body.message }).toEqual({
          label,
          message: expect.stringMatching(message),
        });
        expect(JSON.stringify(response.body)).not.toMatch(/\.ts:\d+|\n\s+at /);
      }
      expect(await snapshot()).toEqual(before);
      expect(await messagesSoFar()).toEqual([]);
    });
  });

  it('coalesces writes that commit in one tick into one message per table and action', async () => {
    const tables = t.app.get(TablesService);
    const other = await createTree('other');
    await Promise.all([
      tables.update('docs', { id: tree.docs, name: 'A' }, ADMIN_RIGHTS),
      tables.update('docs', { id: other.docs, name: 'B' }, ADMIN_RIGHTS),
      tables.update('lists', { id: tree.lists, name: 'C' }, ADMIN_RIGHTS),
      tables.remove('folders', tree.folders, ADMIN_RIGHTS),
      tables.remove('folders', other.folders, ADMIN_RIGHTS),
    ]);
    const messages = await messagesSoFar();
    // better-sqlite3 commits all five in one tick; PostgreSQL's answers arrive over several.
    if (testDatabaseKind() === 'sqlite') expect(messages).toHaveLength(3);
    expect(coalesced(messages)).toEqual(
      expect.arrayContaining([
        { action: 'update', table: 'docs', ids: expect.arrayContaining([tree.docs, other.docs]) },
        { action: 'update', table: 'lists', ids: [tree.lists] },
        {
          action: 'delete',
          table: 'folders',
          ids: expect.arrayContaining([tree.folders, other.folders]),
        },
      ]),
    );
  });

  it('answers 404 for an unknown table, emitting nothing', async () => {
    await t.api.put('/api/users').send({ id: 'x', name: 'y' }).expect(404);
    await t.api.put('/api/top').send({ id: '1', name: 'y' }).expect(404);
    await t.api.delete(`/api/top/1`).expect(404);
    expect(await messagesSoFar()).toEqual([]);
  });
});
