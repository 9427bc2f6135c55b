import { Agent, request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../testing/test-app';
import { createTestTree } from '../testing/test-tree';

interface Answer {
  status: number;
  body: { statusCode?: number; message?: string };
}

describe('request bodies', () => {
  let t: TestApp;
  let docId: string;
  /** One keep-alive connection: a refusal must leave it usable for the next request. */
  let agent: Agent;

  function put(headers: Record<string, string>, body: Buffer | string): Promise<Answer> {
    const { port } = new URL(t.url);
    const bytes = Buffer.from(body);
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          agent,
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: '/api/docs',
          headers: { ...headers, Cookie: t.cookie, 'Content-Length': String(bytes.length) },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString() || '{}'),
            }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(bytes);
    });
  }

  const json = { 'Content-Type': 'application/json' };
  const rename = (name: string) => JSON.stringify({ id: docId, name });
  const storedName = async () =>
    (await t.db.base.doc.findUniqueOrThrow({ where: { id: docId } })).name;

  beforeAll(async () => {
    t = await startTestApp();
    docId = (await createTestTree(t.db.base, 'bodies')).docs;
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
  });
  afterAll(async () => {
    agent.destroy();
    await t?.close();
  });

  it('inflates a gzip body', async () => {
    const answer = await put({ ...json, 'Content-Encoding': 'gzip' }, gzipSync(rename('zipped')));
    expect(answer.status).toBe(200);
    expect(await storedName()).toBe('zipped');
  });

  it('refuses an unknown encoding, a body that is not what its encoding says, and a non-UTF-8 charset, and the connection goes on', async () => {
    const refusals: [Record<string, string>, string, number, string][] = [
      [{ 'Content-Encoding': 'x-fuzz' }, rename('a'), 415, 'unsupported content encoding "x-fuzz"'],
      [{ 'Content-Encoding': 'gzip' }, rename('b'), 400, 'body is not valid gzip data'],
      [
        { 'Content-Type': 'application/json; charset=latin1' },
        rename('c'),
        415,
        'a JSON body must be UTF-8, not "latin1"',
      ],
      [{}, '{"id":', 400, 'body is not valid JSON'],
    ];
    for (const [headers, body, status, message] of refusals) {
      const answer = await put({ ...json, ...headers }, body);
      expect(answer).toEqual({ status, body: { statusCode: status, message } });
      expect((await put(json, rename('after a refusal'))).status).toBe(200);
    }
    expect(await storedName()).toBe('after a refusal');
  });

  it('keeps the connection after refusing a large body before reading it', async () => {
    const large = JSON.stringify({ id: docId, name: 'x', padding: 'p'.repeat(900_000) });
    for (let round = 0; round < 3; round++) {
      const answer = await put({ ...json, 'Content-Encoding': 'x-fuzz' }, large);
      expect(answer.status).toBe(415);
      expect((await put(json, rename(`after a large refusal ${round}`))).status).toBe(200);
    }
  });

  it('reads a body of another type and leaves it out: the route says what is missing', async () => {
    const answer = await put({ 'Content-Type': 'application/x-www-form-urlencoded' }, 'name=x');
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/^body: /);
    expect((await put(json, rename('after a form'))).status).toBe(200);
  });
});
