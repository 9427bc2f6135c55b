import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { connectClient, startTestApp, type TestApp } from '../testing/test-app';

describe('serving the built client', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'smart-sync-client-'));
    mkdirSync(join(dir, 'media'));
    writeFileSync(join(dir, 'index.html'), '<app-root></app-root>');
    writeFileSync(join(dir, 'main-ABC.js'), 'console.log(1)');
    writeFileSync(join(dir, 'media', 'font.woff2'), 'font');
    t = await startTestApp({ CLIENT_DIR: dir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for app routes (SPA fallback)', async () => {
    for (const path of ['/', '/locations/3', '/index.html']) {
      const response = await request(t.url).get(path).expect(200);
      expect(response.text).toBe('<app-root></app-root>');
    }
  });

  it('serves the build’s files', async () => {
    await request(t.url).get('/main-ABC.js').expect(200, 'console.log(1)');
    await request(t.url).get('/media/font.woff2').expect(200);
    await request(t.url).get('/missing.js').expect(404);
  });

  it('never shadows the API or socket.io', async () => {
    await request(t.url).get('/api/health').expect(200, { status: 'ok' });
    const unknown = await request(t.url).get('/api/nothing-here').expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404 });
    const socket = await connectClient(t.url, { cookie: t.cookie, transports: ['polling'] });
    socket.close();
  });
});
