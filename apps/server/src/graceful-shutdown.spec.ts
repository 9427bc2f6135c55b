import { ALL_INTEREST, type SocketNotification } from '@smart-sync/shared-types';
import { shutDown } from './graceful-shutdown';
import { TablesService } from './tables/tables.service';
import { connectClient, MessageLog, startTestApp, type TestApp } from './testing/test-app';

describe('shutDown', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close().catch(() => undefined));

  it('finishes the request in flight, sends its notification, then closes the sockets', async () => {
    const added = await t.api.post('/api/locations/add').send({ name: 'Paris' });
    const id: string = added.body[0].id;
    const socket = await connectClient(t.url, { cookie: t.cookie, auth: ALL_INTEREST });
    const log = new MessageLog(socket);
    const events: string[] = [];
    socket.on('message', (message: SocketNotification) => events.push(`message ${message.table}`));
    socket.on('disconnect', (reason) => events.push(`disconnect ${reason}`));

    const tables = t.app.get(TablesService);
    const update = tables.update.bind(tables);
    jest.spyOn(tables, 'update').mockImplementation(async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return update(...args);
    });
    const rename = t.api.put('/api/locations').send({ id, name: 'Lyon' });
    const renamed = rename.then((response) => response.status);
    while (t.configured.requests.size === 0) await new Promise((r) => setTimeout(r, 10));

    const started = performance.now();
    await shutDown({ app: t.app, ...t.configured });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(await renamed).toBe(200);
    await log.waitFor((message) => message.table === 'locations');
    while (!events.some((event) => event.startsWith('disconnect'))) {
      await new Promise((r) => setTimeout(r, 10));
    }
    // The client reconnects by itself after a closed transport (not after a server disconnect).
    expect(events).toEqual(['message locations', 'disconnect transport close']);
    socket.close();
    await expect(t.api.get('/api/health')).rejects.toThrow(/ECONNREFUSED/);
  });
});
