import { createServer } from 'node:net';
import { freePorts, portIsFree } from './free-port';

describe('freePorts', () => {
  it('gives as many different ports as asked for, all free', async () => {
    const ports = await freePorts(4);
    expect(new Set(ports).size).toBe(4);
    for (const port of ports) expect(await portIsFree(port)).toBe(true);
  });
});

describe('portIsFree', () => {
  it('is false while something listens on the port', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      expect(await portIsFree(port)).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
