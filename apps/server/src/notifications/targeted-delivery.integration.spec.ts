import { Logger } from '@nestjs/common';
import {
  RELEASE_EVENT,
  SOCKET_ID_HEADER,
  TOP_ID,
  type SocketNotification,
} from '@smart-sync/shared-types';
import type { Socket } from 'socket.io-client';
import { TablesService } from '../tables/tables.service';
import { connectClient, MessageLog, startTestApp, type TestApp } from '../testing/test-app';

/** A location → department → doc, list; ids by table. */
interface Tree {
  location: string;
  department: string;
  doc: string;
  list: string;
}

describe('targeted delivery', () => {
  let t: TestApp;
  let sockets: Socket[] = [];
  let tree: Tree;
  /** A department no test deletes, for the settle() markers. */
  let markers: string;

  beforeAll(async () => {
    t = await startTestApp();
    const location = await t.db.base.location.create({ data: { name: 'Markers' } });
    markers = (
      await t.db.base.department.create({ data: { name: 'Markers', locationId: location.id } })
    ).id;
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    const { base } = t.db;
    const location = await base.location.create({ data: { name: 'Paris' } });
    const department = await base.department.create({
      data: { name: 'Sales', locationId: location.id },
    });
    const departmentId = department.id;
    const doc = await base.doc.create({ data: { name: 'Doc', departmentId } });
    const list = await base.list.create({ data: { name: 'List', departmentId } });
    tree = { location: location.id, department: departmentId, doc: doc.id, list: list.id };
  });
  afterEach(() => {
    sockets.forEach((socket) => socket.close());
    sockets = [];
  });

  async function client(): Promise<{ socket: Socket; log: MessageLog; id: string }> {
    const socket = await connectClient(t.url, { cookie: t.cookie });
    sockets.push(socket);
    return { socket, log: new MessageLog(socket), id: socket.id as string };
  }

  /** Loads rows as the browser with socket `id` (loading is subscribing). */
  async function load(id: string, route: string, ids: string[]): Promise<void> {
    await t.api.post(`/api/${route}`).set(SOCKET_ID_HEADER, id).send(ids).expect(200);
  }

  /** A write every test client may hear; once it arrived, everything emitted before it has too. */
  async function settle(...logs: MessageLog[]): Promise<void> {
    const marker = await t.db.base.doc.create({
      data: { name: 'marker', departmentId: markers },
    });
    const { socket, log, id } = await client();
    await load(id, 'docs', [marker.id]);
    await t.api.put('/api/docs').send({ id: marker.id, name: 'marked' }).expect(200);
    await log.waitFor((m) => m.ids.includes(marker.id));
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.close();
    for (const other of logs) {
      other.messages.splice(
        0,
        other.messages.length,
        ...other.messages.filter((m) => !m.ids.includes(marker.id)),
      );
    }
  }

  it('an update reaches the holders of the row, and never the socket that wrote it', async () => {
    const [writer, holder, stranger] = await Promise.all([client(), client(), client()]);
    await load(writer.id, 'docs', [tree.doc]);
    await load(holder.id, 'docs', [tree.doc]);
    await t.api
      .put('/api/docs')
      .set(SOCKET_ID_HEADER, writer.id)
      .send({ id: tree.doc, name: 'Renamed' })
      .expect(200);
    await settle(writer.log, holder.log, stranger.log);
    const expected: SocketNotification = { action: 'update', table: 'docs', ids: [tree.doc] };
    expect(holder.log.take()).toEqual([expected]);
    expect(writer.log.take()).toEqual([]);
    expect(stranger.log.take()).toEqual([]);
  });

  it('a write without X-Socket-Id reaches every holder', async () => {
    const holder = await client();
    await load(holder.id, 'docs', [tree.doc]);
    await t.api.put('/api/docs').send({ id: tree.doc, name: 'Curl' }).expect(200);
    await holder.log.waitFor((m) => m.ids.includes(tree.doc));
  });

  it('a create reaches the holders of the parent; a new location those of the top row', async () => {
    const [parentHolder, topHolder] = await Promise.all([client(), client()]);
    await load(parentHolder.id, 'departments', [tree.department]);
    await load(topHolder.id, 'top', ['1']);
    await t.api.post('/api/docs/add').send({ name: 'New', parentId: tree.department }).expect(201);
    await t.api.post('/api/locations/add').send({ name: 'Lyon' }).expect(201);
    await settle(parentHolder.log, topHolder.log);
    expect(parentHolder.log.take()).toEqual([
      { action: 'update', table: 'departments', ids: [tree.department] },
    ]);
    expect(topHolder.log.take()).toEqual([{ action: 'update', table: 'top', ids: ['1'] }]);
  });

  it('a socket hears a location created while its load of the top row was being read', async () => {
    const [holder, watcher] = await Promise.all([client(), client()]);
    await load(watcher.id, 'top', [TOP_ID]);
    const tables = t.app.get(TablesService);
    const read = tables.top.bind(tables);
    const top = jest.spyOn(tables, 'top').mockImplementationOnce(async (...args) => {
      const rows = await read(...args);
      await t.api.post('/api/locations/add').send({ name: 'Nice' }).expect(201);
      await watcher.log.waitFor((m) => m.table === 'top');
      return rows;
    });
    try {
      await load(holder.id, 'top', [TOP_ID]);
    } finally {
      top.mockRestore();
    }
    await settle(holder.log);
    expect(holder.log.take()).toEqual([{ action: 'update', table: 'top', ids: [TOP_ID] }]);
  });

  it('a delete reaches the holders of the row or of its parent, cascades alike', async () => {
    const [docHolder, departmentHolder, locationHolder] = await Promise.all([
      client(),
      client(),
      client(),
    ]);
    await load(docHolder.id, 'docs', [tree.doc]);
    await load(departmentHolder.id, 'departments', [tree.department]);
    await load(locationHolder.id, 'locations', [tree.location]);
    await t.api.delete(`/api/lists/${tree.list}`).expect(204);
    await t.api.delete(`/api/departments/${tree.department}`).expect(204);
    await settle(docHolder.log, departmentHolder.log, locationHolder.log);
    expect(docHolder.log.take()).toEqual([{ action: 'delete', table: 'docs', ids: [tree.doc] }]);
    expect(departmentHolder.log.take()).toEqual([
      { action: 'delete', table: 'lists', ids: [tree.list] },
      { action: 'delete', table: 'departments', ids: [tree.department] },
      { action: 'delete', table: 'docs', ids: [tree.doc] },
    ]);
    expect(locationHolder.log.take()).toEqual([
      { action: 'delete', table: 'departments', ids: [tree.department] },
    ]);
  });

  it('after release the socket no longer hears the row; a bad release is ignored', async () => {
    const holder = await client();
    await load(holder.id, 'docs', [tree.doc]);
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    holder.socket.emit(RELEASE_EVENT, { table: 'nope', ids: [tree.doc] });
    holder.socket.emit(RELEASE_EVENT, { table: 'docs', ids: [tree.doc] });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(warned).toHaveBeenCalledWith(
      expect.stringMatching(/ignored an invalid release \(table:/),
    );
    warned.mockRestore();
    await t.api.put('/api/docs').send({ id: tree.doc, name: 'Unheard' }).expect(200);
    await settle(holder.log);
    expect(holder.log.take()).toEqual([]);
  });

  it('a socket that loaded nothing hears nothing during 100 mixed writes', async () => {
    const idle = await client();
    const holder = await client();
    await load(holder.id, 'docs', [tree.doc]);
    for (let i = 0; i < 100; i++) {
      if (i % 4 === 0) {
        await t.api.post('/api/docs/add').send({ name: `Add ${i}`, parentId: tree.department });
      } else if (i % 4 === 1) {
        const added = await t.db.base.list.create({
          data: { name: `Gone ${i}`, departmentId: tree.department },
        });
        await t.api.delete(`/api/lists/${added.id}`).expect(204);
      } else {
        await t.api.put('/api/docs').send({ id: tree.doc, name: `Name ${i}` });
      }
    }
    await settle(idle.log, holder.log);
    expect(idle.log.take()).toEqual([]);
    expect(holder.log.messages.length).toBeGreaterThanOrEqual(50);
  });

  it('coalescing keeps each writer out of its own message and in the others', async () => {
    const [one, two] = await Promise.all([client(), client()]);
    await load(one.id, 'docs', [tree.doc]);
    await load(two.id, 'docs', [tree.doc]);
    const other = await t.db.base.doc.create({
      data: { name: 'Other', departmentId: tree.department },
    });
    await load(one.id, 'docs', [other.id]);
    await load(two.id, 'docs', [other.id]);
    await Promise.all([
      t.api.put('/api/docs').set(SOCKET_ID_HEADER, one.id).send({ id: tree.doc, name: 'A' }),
      t.api.put('/api/docs').set(SOCKET_ID_HEADER, two.id).send({ id: other.id, name: 'B' }),
    ]);
    await settle(one.log, two.log);
    expect(one.log.take().flatMap((m) => m.ids)).toEqual([other.id]);
    expect(two.log.take().flatMap((m) => m.ids)).toEqual([tree.doc]);
  });
});
