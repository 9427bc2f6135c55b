import { createServer, type Server } from 'node:net';
import { freePort } from './free-port';
import { redisAddress, redisAnswers } from './redis-server';

/** A TCP server that answers every chunk with `reply`. */
async function fakeRedis(reply: string): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.on('data', () => socket.write(reply)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

describe('redisAnswers', () => {
  it.each(['+PONG\r\n', '-NOAUTH Authentication required.\r\n'])(
    'is true when a Redis answers %j',
    async (reply) => {
      const { server, port } = await fakeRedis(reply);
      try {
        expect(await redisAnswers('127.0.0.1', port)).toBe(true);
      } finally {
        server.close();
      }
    },
  );

  it('is false when nothing listens, or something else answers', async () => {
    expect(await redisAnswers('127.0.0.1', await freePort())).toBe(false);
    const { server, port } = await fakeRedis('HTTP/1.1 400 Bad Request\r\n\r\n');
    try {
      expect(await redisAnswers('127.0.0.1', port)).toBe(false);
    } finally {
      server.close();
    }
  });
});

describe('redisAddress', () => {
  it("reads host and port, Redis's port by default", () => {
    expect(redisAddress('redis://10.0.0.5:6380')).toEqual({ host: '10.0.0.5', port: 6380 });
    expect(redisAddress('redis://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 6379 });
  });
});
