import request from 'supertest';
import { logIn, startTestApp, TEST_PASSWORD, type TestApp } from '../testing/test-app';

type Line = Record<string, unknown> & { msg?: string; reqId?: unknown };

describe('structured logs', () => {
  let t: TestApp;
  const output: string[] = [];
  const lines = (): Line[] => output.map((line) => JSON.parse(line) as Line);

  async function lineWhere(test: (line: Line) => boolean): Promise<Line> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const found = lines().find(test);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no such log line in:\n${output.join('')}`);
  }

  async function newDoc(): Promise<string> {
    const { base } = t.db;
    const location = await base.location.create({ data: { name: 'log location' } });
    const department = await base.department.create({
      data: { name: 'log department', locationId: location.id },
    });
    return (await base.doc.create({ data: { name: 'log doc', departmentId: department.id } })).id;
  }

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'log' }, { logs: { write: (line) => output.push(line) } });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('a write’s request line and its notification’s line share the request id', async () => {
    const id = await newDoc();
    const response = await t.api
      .put('/api/docs')
      .set('X-Request-Id', 'write-42')
      .send({ id, name: 'logged' })
      .expect(200);
    expect(response.headers['x-request-id']).toBe('write-42');

    const requestLine = await lineWhere(
      (l) => l.msg === 'request completed' && l.reqId === 'write-42',
    );
    expect(requestLine).toMatchObject({
      level: 30,
      route: '/api/:table',
      user: 'admin',
      req: { method: 'PUT', url: '/api/docs' },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
    const notificationLine = await lineWhere((l) => l.msg === 'notification sent');
    expect(notificationLine).toMatchObject({
      reqId: 'write-42',
      context: 'Notifications',
      table: 'docs',
      action: 'update',
      rows: 1,
      recipients: 0,
      delayMs: expect.any(Number),
    });
  });

  it('makes an id when the incoming one is not a plain token, and Nest’s lines carry it', async () => {
    const response = await t.api
      .put('/api/docs')
      .set('X-Request-Id', 'not "plain"')
      .send({ id: 'no-such-row', name: 'x' })
      .expect(404);
    const id = response.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await lineWhere((l) => l.msg === 'request completed' && l.reqId === id);
    // The error filter's warning, through Nest's Logger, inside the request.
    const warning = await lineWhere((l) => l.level === 40 && l.reqId === id);
    expect(warning).toMatchObject({ context: 'HTTP' });
  });

  it('logs requests refused before any route, and without a user when signed out', async () => {
    await request(t.url).get('/api/auth/me').set('X-Request-Id', 'anonymous-1').expect(401);
    const line = await lineWhere((l) => l.msg === 'request completed' && l.reqId === 'anonymous-1');
    expect(line).toMatchObject({ route: '/api/auth/me', res: { statusCode: 401 } });
    expect(line['user']).toBeUndefined();
  });

  it('never writes a password, a cookie or an authorization header', async () => {
    await t.signIn('logger-user', 'admin');
    const wrong = 'wrong-password-31337';
    await request(t.url)
      .post('/api/auth/login')
      .send({ username: 'logger-user', password: wrong })
      .expect(401);
    const { cookie, api } = await logIn(t.url, 'logger-user', TEST_PASSWORD);
    const token = cookie.split('=')[1];
    await api
      .post('/api/top')
      .set('Authorization', 'Bearer secret-bearer-token')
      .set('X-Request-Id', 'with-cookie')
      .send([])
      .expect(200);
    const line = await lineWhere((l) => l.reqId === 'with-cookie' && l.msg === 'request completed');
    expect(line).toMatchObject({
      user: 'logger-user',
      req: { headers: { cookie: '[redacted]', authorization: '[redacted]' } },
    });
    await lineWhere((l) => l.msg === 'request completed' && l.route === '/api/auth/login');
    const all = output.join('');
    for (const secret of [wrong, TEST_PASSWORD, token, 'secret-bearer-token']) {
      expect(all).not.toContain(secret);
    }
  });
});
