import { ALL_INTEREST, SESSION_COOKIE } from '@smart-sync/shared-types';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { newSessionToken } from './session-cookie';
import {
  connectClient,
  logIn,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/test-app';

const SIGN_IN_FIRST = { statusCode: 401, message: 'sign in first' };
const WRONG = { statusCode: 401, message: 'wrong username or password' };

/** Every route but health and login, with a body it would accept. */
const GUARDED: [string, (api: request.Agent | ReturnType<typeof request>) => request.Test][] = [
  ['POST /api/top', (api) => api.post('/api/top').send(['1'])],
  ['POST /api/locations', (api) => api.post('/api/locations').send(['x'])],
  ['POST /api/docs', (api) => api.post('/api/docs').send(['x'])],
  [
    'POST /api/departments/indexes',
    (api) => api.post('/api/departments/indexes').send({ parentId: 'x', startIndex: 0, length: 1 }),
  ],
  ['PUT /api/docs', (api) => api.put('/api/docs').send({ id: 'x', name: 'y' })],
  ['POST /api/docs/add', (api) => api.post('/api/docs/add').send({ name: 'y', parentId: 'x' })],
  ['DELETE /api/docs/x', (api) => api.delete('/api/docs/x')],
  ['GET /api/auth/me', (api) => api.get('/api/auth/me')],
  ['POST /api/auth/logout', (api) => api.post('/api/auth/logout')],
];

function disconnection(socket: Socket): Promise<string> {
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
}

describe('sign-in and sessions', () => {
  let t: TestApp;
  let locationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    locationId = (await t.db.base.location.create({ data: { name: 'Location 1' } })).id;
    await t.signIn('erin', { [locationId]: 'viewer' });
  });
  afterAll(() => t?.close());

  it.each(GUARDED)(
    '%s → 401 without a session, with a made-up one, or an expired one',
    async (_, call) => {
      const expired = await t.signIn('expired', 'admin', -1000);
      for (const cookie of [undefined, `${SESSION_COOKIE}=${newSessionToken()}`, expired.cookie]) {
        const api = request(t.url);
        const response = await call(cookie ? request.agent(t.url).set('Cookie', cookie) : api);
        expect(response.status).toBe(401);
        expect(response.body).toEqual(SIGN_IN_FIRST);
      }
      // The same call with a session gets past the guard.
      const signedIn = await t.signIn('checker', 'admin');
      expect((await call(signedIn.api)).status).not.toBe(401);
    },
  );

  it('leaves health and login open', async () => {
    await request(t.url).get('/api/health').expect(200);
    await request(t.url).get('/api/health/ready').expect(200);
    await request(t.url).post('/api/auth/login').send({}).expect(400);
  });

  it('signs in: 200 with the user and rights, and a session cookie', async () => {
    const response = await request(t.url)
      .post('/api/auth/login')
      .send({ username: 'erin', password: TEST_PASSWORD })
      .expect(200);
    expect(response.body).toEqual({
      username: 'erin',
      admin: false,
      rights: [{ locationId, role: 'viewer' }],
    });
    const [cookie] = response.headers['set-cookie'] as unknown as string[];
    expect(cookie).toMatch(/^sid=[\w-]{43}; HttpOnly; SameSite=Lax; Path=\/; Max-Age=43200$/);
    const me = await request(t.url).get('/api/auth/me').set('Cookie', cookie.split(';')[0]);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(response.body);
  });

  it('marks the cookie Secure when the request came over https (through the proxy)', async () => {
    const response = await request(t.url)
      .post('/api/auth/login')
      .set('X-Forwarded-Proto', 'https')
      .send({ username: 'erin', password: TEST_PASSWORD })
      .expect(200);
    expect(String(response.headers['set-cookie'])).toMatch(/; Secure$/);
  });

  it('answers a wrong password and an unknown user alike: 401, no cookie', async () => {
    for (const body of [
      { username: 'erin', password: 'wrong' },
      { username: 'nobody', password: TEST_PASSWORD },
    ]) {
      const response = await request(t.url).post('/api/auth/login').send(body).expect(401);
      expect(response.body).toEqual(WRONG);
      expect(response.headers['set-cookie']).toBeUndefined();
    }
  });

  it('throttles repeated failures of one username: 429 with Retry-After, others unaffected', async () => {
    await t.signIn('frank', {});
    const attempt = (username: string, password: string) =>
      request(t.url).post('/api/auth/login').send({ username, password });
    for (let i = 0; i < 5; i++) expect((await attempt('frank', 'wrong')).status).toBe(401);
    const refused = await attempt('frank', TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(800);
    expect(refused.body.message).toMatch(/too many failed sign-ins/);
    expect((await attempt('erin', TEST_PASSWORD)).status).toBe(200);
  });

  it('forgets the failures of a successful sign-in', async () => {
    await t.signIn('grace', {});
    const attempt = (password: string) =>
      request(t.url).post('/api/auth/login').send({ username: 'grace', password });
    for (let i = 0; i < 4; i++) expect((await attempt('wrong')).status).toBe(401);
    expect((await attempt(TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('wrong')).status).toBe(401);
    expect((await attempt(TEST_PASSWORD)).status).toBe(200);
  });

  it('never adopts a session cookie the browser sent with the login (session fixation)', async () => {
    const attacker = await t.signIn('mallory', {});
    const response = await request(t.url)
      .post('/api/auth/login')
      .set('Cookie', attacker.cookie)
      .send({ username: 'erin', password: TEST_PASSWORD })
      .expect(200);
    const cookie = String(response.headers['set-cookie']).split(';')[0];
    expect(cookie).not.toBe(attacker.cookie);
    const me = await request(t.url).get('/api/auth/me').set('Cookie', attacker.cookie).expect(200);
    expect(me.body.username).toBe('mallory');
  });

  it('logout → 204: the cookie is cleared and revoked on every instance, its sockets close', async () => {
    const session = await logIn(t.url, 'erin', TEST_PASSWORD);
    const other = await logIn(t.url, 'erin', TEST_PASSWORD);
    const second = await startTestApp({ DATABASE_URL: t.databaseUrl });
    try {
      await second.api.get('/api/auth/me').expect(200);
      await request(second.url).get('/api/auth/me').set('Cookie', session.cookie).expect(200);
      const socket = await connectClient(t.url, { cookie: session.cookie, auth: ALL_INTEREST });
      const otherSocket = await connectClient(t.url, { cookie: other.cookie });
      const closed = disconnection(socket);

      const response = await session.api.post('/api/auth/logout').expect(204);
      expect(String(response.headers['set-cookie'])).toMatch(/^sid=; HttpOnly; .*Max-Age=0/);
      expect(await closed).toBe('io server disconnect');
      for (const url of [t.url, second.url]) {
        const refused = await request(url).get('/api/auth/me').set('Cookie', session.cookie);
        expect(refused.status).toBe(401);
        expect(refused.body).toEqual(SIGN_IN_FIRST);
      }
      await expect(connectClient(t.url, { cookie: session.cookie })).rejects.toThrow(
        'sign in first',
      );
      // The user's other session is untouched.
      expect(otherSocket.connected).toBe(true);
      await other.api.get('/api/auth/me').expect(200);
      otherSocket.close();
    } finally {
      await second.close();
    }
  });

  it('refuses a socket without a valid session (connect_error), and closes one whose session expires', async () => {
    await expect(connectClient(t.url)).rejects.toThrow('sign in first');
    await expect(
      connectClient(t.url, { cookie: `${SESSION_COOKIE}=${newSessionToken()}` }),
    ).rejects.toThrow('sign in first');
    const shortLived = await t.signIn('erin', { [locationId]: 'viewer' }, 1500);
    const socket = await connectClient(t.url, { cookie: shortLived.cookie });
    const started = Date.now();
    expect(await disconnection(socket)).toBe('io server disconnect');
    expect(Date.now() - started).toBeLessThan(5000);
    await shortLived.api.get('/api/auth/me').expect(401);
  });
});
