import {
  ALL_INTEREST,
  DEMO_PASSWORD,
  SOCKET_ID_HEADER,
  type SocketNotification,
} from '@smart-sync/shared-types';
import type { Socket } from 'socket.io-client';
import { connectClient, logIn, MessageLog, startTestApp, type TestApp } from '../testing/test-app';
import { NotificationGateway } from './notification.gateway';

type Session = Awaited<ReturnType<typeof logIn>>;
type Name = 'alice' | 'bob' | 'carol' | 'dave';

/** A socket only ever hears about rows its user may read (demo users, demo data). */
describe('socket scoping', () => {
  let t: TestApp;
  let as: Record<Name, Session>;
  let sockets: Socket[] = [];
  /** Per location number − 1: the location, a department under it, a doc under that. */
  let locations: string[];
  let departments: string[];
  let docs: string[];

  async function listen(name: Name, interestAll = false) {
    const socket = await connectClient(t.url, {
      cookie: as[name].cookie,
      auth: interestAll ? ALL_INTEREST : undefined,
    });
    sockets.push(socket);
    return { id: socket.id as string, log: new MessageLog(socket) };
  }

  /** Loads rows as `name` for the socket `socketId` (loading is subscribing). */
  async function load(name: Name, socketId: string, table: string, ids: string[]) {
    const response = await as[name].api
      .post(`/api/${table}`)
      .set(SOCKET_ID_HEADER, socketId)
      .send(ids)
      .expect(200);
    return response.body as { id: string }[];
  }

  /** A rename the socket is entitled to hear: once it arrived, everything sent before it has. */
  async function marker(log: MessageLog, writer: Name, table: string, id: string) {
    await as[writer].api.put(`/api/${table}`).send({ id, name: `marker ${Date.now()}` });
    await log.waitFor((m) => m.action === 'update' && m.table === table && m.ids.includes(id));
    return log.take();
  }

  const update = (table: string, id: string): SocketNotification => ({
    action: 'update',
    table: table as SocketNotification['table'],
    ids: [id],
  });

  beforeAll(async () => {
    t = await startTestApp({ SEED: 'true', SEED_SCALE: '0.01' });
    locations = (await t.db.base.location.findMany({ orderBy: { created: 'asc' } })).map(
      (row) => row.id,
    );
    const found = await Promise.all(
      locations.map((locationId) =>
        t.db.base.doc.findFirstOrThrow({
          where: { department: { locationId } },
          orderBy: { created: 'asc' },
        }),
      ),
    );
    docs = found.map((doc) => doc.id);
    departments = found.map((doc) => doc.departmentId);
    const names: Name[] = ['alice', 'bob', 'carol', 'dave'];
    const sessions = await Promise.all(names.map((name) => logIn(t.url, name, DEMO_PASSWORD)));
    as = Object.fromEntries(names.map((name, i) => [name, sessions[i]])) as Record<Name, Session>;
  });
  afterEach(() => {
    sockets.forEach((socket) => socket.close());
    sockets = [];
  });
  afterAll(() => t?.close());

  it("dave's socket with interest 'all' hears nothing while bob edits Location 1; carol's that loaded the department does", async () => {
    const dave = await listen('dave', true);
    const carol = await listen('carol');
    const carolAll = await listen('carol', true);
    await load('carol', carol.id, 'departments', [departments[0]]);
    // Loading rows of Location 1 subscribes dave's socket to nothing: he gets none of them.
    expect(await load('dave', dave.id, 'docs', [docs[0]])).toEqual([]);
    expect(await load('dave', dave.id, 'departments', [departments[0]])).toEqual([]);

    await as.bob.api.put('/api/departments').send({ id: departments[0], name: 'Bob' }).expect(200);
    const added = await as.bob.api
      .post('/api/docs/add')
      .send({ name: 'New', parentId: departments[0] })
      .expect(201);
    await as.bob.api.put('/api/docs').send({ id: docs[0], name: 'Bob doc' }).expect(200);
    await as.bob.api.delete(`/api/docs/${added.body[0].id}`).expect(204);

    expect(await marker(dave.log, 'dave', 'docs', docs[2])).toEqual([update('docs', docs[2])]);
    const heard = await marker(carol.log, 'alice', 'departments', departments[0]);
    expect(heard).toEqual([
      update('departments', departments[0]),
      update('departments', departments[0]),
      { action: 'delete', table: 'docs', ids: [added.body[0].id] },
      update('departments', departments[0]),
    ]);
    const heardAll = await marker(carolAll.log, 'alice', 'departments', departments[0]);
    expect(heardAll.map((m) => `${m.action} ${m.table}`)).toEqual([
      'update departments',
      'update departments',
      'update docs',
      'delete docs',
      'update departments',
      'update departments',
    ]);
  });

  it('never puts a socket in the room of a row its user may not read, not even during a load', async () => {
    const joined = jest.spyOn(t.app.get(NotificationGateway), 'subscribe');
    try {
      const dave = await listen('dave');
      expect(await load('dave', dave.id, 'docs', [docs[0], docs[2]])).toEqual([
        expect.objectContaining({ id: docs[2] }),
      ]);
      const rooms = joined.mock.calls.flatMap(([, table, ids]) =>
        ids.map((id) => `${table}:${id}`),
      );
      expect(rooms).toEqual([`docs:${docs[2]}`]);
    } finally {
      joined.mockRestore();
    }
  });

  it('tells only the readers of a location that it was deleted', async () => {
    const doomed = (await as.alice.api.post('/api/locations/add').send({ name: 'Doomed' })).body[0];
    const carolUser = await t.db.base.user.findUniqueOrThrow({ where: { username: 'carol' } });
    await t.db.base.grant.create({
      data: { userId: carolUser.id, locationId: doomed.id, role: 'viewer' },
    });
    // A grant made in the database counts at the user's next sign-in (or within USER_CACHE_MS).
    as.carol = await logIn(t.url, 'carol', DEMO_PASSWORD);
    const carol = await listen('carol');
    const dave = await listen('dave');
    await load('carol', carol.id, 'top', ['1']);
    await load('dave', dave.id, 'top', ['1']);
    await load('dave', dave.id, 'docs', [docs[2]]);
    await as.alice.api.delete(`/api/locations/${doomed.id}`).expect(204);
    await carol.log.waitFor((m) => m.action === 'delete' && m.table === 'locations');
    expect(carol.log.take()).toEqual([{ action: 'delete', table: 'locations', ids: [doomed.id] }]);
    expect(await marker(dave.log, 'dave', 'docs', docs[2])).toEqual([update('docs', docs[2])]);
  });

  it("ignores an X-Socket-Id naming another user's socket: it neither subscribes it nor silences it", async () => {
    const carol = await listen('carol');
    await load('carol', carol.id, 'docs', [docs[0]]);
    await load('carol', carol.id, 'departments', [departments[0]]);
    // Bob loads a doc of Location 2 (which carol may not read) "for" carol's socket …
    expect(await load('bob', carol.id, 'docs', [docs[1]])).toHaveLength(1);
    await as.alice.api.put('/api/docs').send({ id: docs[1], name: 'Unheard' }).expect(200);
    // … and renames a doc of Location 1 as if he wrote through carol's socket.
    await as.bob.api
      .put('/api/docs')
      .set(SOCKET_ID_HEADER, carol.id)
      .send({ id: docs[0], name: 'Heard' })
      .expect(200);
    expect(await marker(carol.log, 'alice', 'departments', departments[0])).toEqual([
      update('docs', docs[0]),
      update('departments', departments[0]),
    ]);
  });

  it("the user's own X-Socket-Id still counts: no echo to the writer", async () => {
    const bob = await listen('bob');
    await load('bob', bob.id, 'docs', [docs[0]]);
    await as.bob.api
      .put('/api/docs')
      .set(SOCKET_ID_HEADER, bob.id)
      .send({ id: docs[0], name: 'No echo' })
      .expect(200);
    expect(await marker(bob.log, 'alice', 'docs', docs[0])).toEqual([update('docs', docs[0])]);
  });
});
