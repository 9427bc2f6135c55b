import { ALL_INTEREST, SOCKET_ID_HEADER, type SocketNotification } from '@smart-sync/shared-types';
import type { Socket } from 'socket.io-client';
import { TestRedisServer } from '../testing/redis-server';
import { connectClient, MessageLog, startTestApp, type TestApp } from '../testing/test-app';

/** Resolves when the socket disconnects, with socket.io's reason. */
function disconnection(socket: Socket): Promise<string> {
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('two instances over Redis', () => {
  let redis: TestRedisServer;
  let one: TestApp;
  let two: TestApp;
  let sockets: Socket[] = [];

  beforeAll(async () => {
    redis = await TestRedisServer.start();
    one = await startTestApp({ REDIS_URL: redis.url });
    two = await startTestApp({ REDIS_URL: redis.url, DATABASE_URL: one.databaseUrl });
  });
  afterEach(() => {
    sockets.forEach((socket) => socket.close());
    sockets = [];
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
    await redis?.stop();
  });

  async function listenOn(app: TestApp): Promise<{ socket: Socket; log: MessageLog }> {
    const socket = await connectClient(app.url, { cookie: app.cookie, auth: ALL_INTEREST });
    sockets.push(socket);
    return { socket, log: new MessageLog(socket) };
  }

  it('is ready when the database and Redis answer', async () => {
    const { body } = await one.api.get('/api/health/ready').expect(200);
    expect(body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up', configured: true } },
    });
  });

  it('delivers a write through instance 1 to a socket on instance 2: exactly the contract', async () => {
    const { log } = await listenOn(two);
    const location = await one.api.post('/api/locations/add').send({ name: 'Cross' }).expect(201);
    const id: string = location.body[0].id;
    await one.api.put('/api/locations').send({ id, name: 'Renamed' }).expect(200);
    await one.api.delete(`/api/locations/${id}`).expect(204);
    const expected: SocketNotification[] = [
      { action: 'update', table: 'top', ids: ['1'] },
      { action: 'update', table: 'locations', ids: [id] },
      { action: 'delete', table: 'locations', ids: [id] },
    ];
    await log.waitFor((message) => message.action === 'delete');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log.take()).toEqual(expected);
  });

  it('loading through instance 1 subscribes a socket connected to instance 2', async () => {
    const socket = await connectClient(two.url, { cookie: two.cookie });
    sockets.push(socket);
    const log = new MessageLog(socket);
    const added = await one.api.post('/api/locations/add').send({ name: 'Held' });
    const id: string = added.body[0].id;
    await one.api
      .post('/api/locations')
      .set(SOCKET_ID_HEADER, socket.id as string)
      .send([id])
      .expect(200);
    // The join travels to instance 2 through Redis, like the messages.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await one.api.put('/api/locations').send({ id, name: 'Held 2' }).expect(200);
    await log.waitFor((message) => message.ids.includes(id));
    expect(log.take()).toEqual([{ action: 'update', table: 'locations', ids: [id] }]);
    await one.api.delete(`/api/locations/${id}`).expect(204);
  });

  it('sign-out through instance 1 closes the session’s socket on instance 2', async () => {
    const session = await one.signIn('erin', 'admin');
    const socket = await connectClient(two.url, { cookie: session.cookie });
    sockets.push(socket);
    const closed = disconnection(socket);
    await session.api.post('/api/auth/logout').expect(204);
    expect(await closed).toBe('io server disconnect');
  });

  it('ignores an X-Socket-Id naming another user’s socket on instance 2', async () => {
    const other = await one.signIn('frank', 'admin');
    const socket = await connectClient(two.url, { cookie: other.cookie });
    sockets.push(socket);
    const log = new MessageLog(socket);
    const added = await one.api.post('/api/locations/add').send({ name: 'Foreign' });
    const id: string = added.body[0].id;
    const loadFor = (api: typeof one.api) =>
      api
        .post('/api/locations')
        .set(SOCKET_ID_HEADER, socket.id as string)
        .send([id])
        .expect(200);
    await loadFor(one.api);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await one.api.put('/api/locations').send({ id, name: 'Unheard' }).expect(200);
    await loadFor(other.api);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await one.api.put('/api/locations').send({ id, name: 'Heard' }).expect(200);
    await log.waitFor((message) => message.ids.includes(id));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log.take()).toEqual([{ action: 'update', table: 'locations', ids: [id] }]);
    await one.api.delete(`/api/locations/${id}`).expect(204);
  });

  it('survives a Redis restart: readiness says so, clients are made to resync, delivery resumes', async () => {
    const { socket } = await listenOn(two);
    const dropped = disconnection(socket);
    await redis.stop();
    await waitUntil(async () => (await two.api.get('/api/health/ready')).status === 503);
    await two.api.get('/api/health').expect(200);

    await redis.start();
    expect(await dropped).toBe('transport close');
    await waitUntil(async () => (await one.api.get('/api/health/ready')).status === 200);
    await waitUntil(async () => (await two.api.get('/api/health/ready')).status === 200);

    const { log } = await listenOn(two);
    const added = await one.api.post('/api/locations/add').send({ name: 'After' });
    await log.waitFor((message) => message.table === 'top');
    await one.api.delete(`/api/locations/${added.body[0].id}`).expect(204);
  });
});
