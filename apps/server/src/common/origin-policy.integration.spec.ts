import { ALLOWED_ORIGIN, startTestApp, type TestApp } from '../testing/test-app';

describe('HTTP obeys CORS_ORIGINS', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('refuses a request from a foreign origin with 403 before it runs, even with a valid session cookie (CSRF)', async () => {
    const before = await t.db.base.location.count();
    const response = await t.api
      .post('/api/locations/add')
      .set('Origin', 'http://evil.example')
      .send({ name: 'Evil' })
      .expect(403);
    expect(response.body).toEqual({
      statusCode: 403,
      message: 'origin http://evil.example is not allowed',
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    await t.api
      .options('/api/docs')
      .set('Origin', 'http://evil.example')
      .set('Access-Control-Request-Method', 'PUT')
      .expect(403);
    expect(await t.db.base.location.count()).toBe(before);
  });

  it('reads only JSON bodies: a form-like text/plain post with the cookie writes nothing', async () => {
    const before = await t.db.base.location.count();
    const response = await t.api
      .post('/api/locations/add')
      .set('Content-Type', 'text/plain')
      .send('{"name":"Forged"}')
      .expect(400);
    expect(response.body.message).toMatch(/^body: /);
    expect(await t.db.base.location.count()).toBe(before);
  });

  it('answers a configured origin with CORS headers, preflight included', async () => {
    const preflight = await t.api
      .options('/api/docs')
      .set('Origin', ALLOWED_ORIGIN)
      .set('Access-Control-Request-Method', 'PUT')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(preflight.headers['access-control-allow-methods']).toContain('PUT');
    const response = await t.api
      .post('/api/top')
      .set('Origin', ALLOWED_ORIGIN)
      .send(['1'])
      .expect(200);
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
  });

  it('always allows the server’s own origin and requests without one', async () => {
    await t.api.post('/api/top').set('Origin', t.url).send(['1']).expect(200);
    await t.api.post('/api/top').send(['1']).expect(200);
  });
});
