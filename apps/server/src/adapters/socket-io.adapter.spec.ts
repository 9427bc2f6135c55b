import { ALLOWED_ORIGIN, connectClient, startTestApp, type TestApp } from '../testing/test-app';

describe('SocketIoAdapter: the socket.io handshake obeys CORS_ORIGINS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it.each([['websocket'], ['polling']] as const)(
    'refuses a foreign origin (%s)',
    async (transport) => {
      await expect(
        connectClient(t.url, {
          cookie: t.cookie,
          origin: 'http://evil.example',
          transports: [transport],
        }),
      ).rejects.toThrow();
    },
  );

  it.each([
    ['a configured origin', ALLOWED_ORIGIN],
    ['the server’s own origin', undefined],
    ['no origin (a non-browser client)', ''],
  ])('accepts %s', async (_label, origin) => {
    const socket = await connectClient(t.url, {
      cookie: t.cookie,
      origin: origin === undefined ? t.url : origin || undefined,
      transports: ['polling', 'websocket'],
    });
    expect(socket.connected).toBe(true);
    socket.close();
  });
});
