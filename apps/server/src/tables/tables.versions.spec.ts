import {
  ALL_INTEREST,
  CRUD_TABLES,
  VERSION_CONFLICT_MESSAGE,
  type CrudTable,
  type SocketNotification,
} from '@smart-sync/shared-types';
import type { Socket } from 'socket.io-client';
import { connectClient, MessageLog, startTestApp, type TestApp } from '../testing/test-app';
import { createTestTree, type TestTree } from '../testing/test-tree';

type Tree = TestTree;

describe('PUT with a version: no lost updates', () => {
  let t: TestApp;
  let socket: Socket;
  let log: MessageLog;
  let sentinelId: string;
  let sentinelWrites = 0;
  let tree: Tree;

  const createTree = (name: string) => createTestTree(t.db.base, name);

  /** Every message since the last call, fenced by a later write whose message is awaited. */
  async function messagesSoFar(): Promise<SocketNotification[]> {
    await t.api
      .put('/api/docs')
      .send({ id: sentinelId, name: `sentinel ${++sentinelWrites}` })
      .expect(200);
    await log.waitFor((m) => m.table === 'docs' && m.ids.includes(sentinelId));
    return log.take().filter((m) => !m.ids.includes(sentinelId));
  }

  async function stored(table: CrudTable, id: string) {
    const load = await t.api.post(`/api/${table}`).send([id]).expect(200);
    return load.body[0] as { id: string; name: string; version: number };
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
    await messagesSoFar(); // what earlier tests' writes emitted
  });

  describe.each(CRUD_TABLES)('%s', (table) => {
    it('a version the row has moved on from → 409 with the current row, nothing written or emitted', async () => {
      const id = tree[table];
      await t.api.put(`/api/${table}`).send({ id, name: 'First' }).expect(200);
      expect(await messagesSoFar()).toEqual([{ action: 'update', table, ids: [id] }]);
      const before = await stored(table, id);
      expect(before).toMatchObject({ name: 'First', version: 2 });

      const response = await t.api
        .put(`/api/${table}`)
        .send({ id, name: 'Second', version: 1 })
        .expect(409);
      expect(response.body).toEqual({
        statusCode: 409,
        message: VERSION_CONFLICT_MESSAGE,
        current: before,
      });
      expect(await stored(table, id)).toEqual(before);
      expect(await messagesSoFar()).toEqual([]);
    });

    it('the version the row has → the rename, its version bumped, as this write left it', async () => {
      const id = tree[table];
      const response = await t.api
        .put(`/api/${table}`)
        .send({ id, name: 'Matching', version: 1 })
        .expect(200);
      expect(response.body).toEqual([await stored(table, id)]);
      expect(response.body[0]).toMatchObject({ id, name: 'Matching', version: 2 });
      expect(await messagesSoFar()).toEqual([{ action: 'update', table, ids: [id] }]);
    });
  });

  it('no version → the last writer wins', async () => {
    const id = tree.docs;
    await t.api.put('/api/docs').send({ id, name: 'One', version: 1 }).expect(200);
    const response = await t.api.put('/api/docs').send({ id, name: 'Two' }).expect(200);
    expect(response.body).toEqual([{ id, name: 'Two', version: 3 }]);
  });

  it('an unknown row is 404 with or without a version, not 409', async () => {
    await t.api.put('/api/docs').send({ id: 'nope', name: 'X', version: 1 }).expect(404);
    await t.api.put('/api/departments').send({ id: 'nope', name: 'X' }).expect(404);
  });

  it('a row the user may not read stays 404 with a stale version; a viewer gets 403', async () => {
    const other = await createTree('elsewhere');
    const editor = await t.signIn('versions-editor', { [tree.locations]: 'editor' });
    const viewer = await t.signIn('versions-viewer', { [other.locations]: 'viewer' });
    await t.api.put('/api/docs').send({ id: other.docs, name: 'Moved on' }).expect(200);
    const stale = { id: other.docs, name: 'Stale', version: 1 };
    await editor.api.put('/api/docs').send(stale).expect(404);
    await viewer.api.put('/api/docs').send(stale).expect(403);
    expect((await stored('docs', other.docs)).name).toBe('Moved on');
  });

  it('20 concurrent renames of a department each answer with their own name', async () => {
    const id = tree.departments;
    const names = Array.from({ length: 20 }, (_, index) => `Concurrent ${index}`);
    const answers = await Promise.all(
      names.map((name) => t.api.put('/api/departments').send({ id, name }).expect(200)),
    );
    expect(answers.map((answer) => answer.body[0].name)).toEqual(names);
    const versions = answers.map((answer) => answer.body[0].version as number);
    expect([...versions].sort((a, b) => a - b)).toEqual(names.map((_, index) => index + 2));
    for (const answer of answers) {
      expect(answer.body[0].children).toMatchObject({ startIndex: 0, length: 4 });
    }
    const last = await stored('departments', id);
    expect(last.version).toBe(21);
    expect(last.name).toBe(names[versions.indexOf(21)]);
  });

  it('20 concurrent renames from the same version: one wins, 19 get 409 with the winner', async () => {
    const id = tree.departments;
    const names = Array.from({ length: 20 }, (_, index) => `Racing ${index}`);
    const answers = await Promise.all(
      names.map((name) => t.api.put('/api/departments').send({ id, name, version: 1 })),
    );
    const won = answers.filter((answer) => answer.status === 200);
    expect(won).toHaveLength(1);
    const winner = won[0].body[0];
    expect(winner.version).toBe(2);
    for (const answer of answers.filter((other) => other.status !== 200)) {
      expect(answer.status).toBe(409);
      expect(answer.body.current).toEqual(winner);
    }
    expect(await stored('departments', id)).toEqual(winner);
  });
});
