import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIRST_SCREEN_ELEMENT_ID, TOP_ID, type FirstScreen } from '@smart-sync/shared-types';
import request from 'supertest';
import { startTestApp, type TestApp } from '../testing/test-app';
import { createTestTree, type TestTree } from '../testing/test-tree';

const INDEX =
  '<!doctype html><html><head><title>app</title></head><body><app-root></app-root>' +
  '<link rel="modulepreload" href="chunk-SHARED01.js"><script src="main-ENTRY001.js" type="module"></script></body></html>';
const FIRST_SCREEN = new RegExp(
  `<script type="application/json" id="${FIRST_SCREEN_ELEMENT_ID}">(.*?)</script>`,
);

/** The first screen a page holds, parsed; undefined when it holds none. */
function firstScreenIn(html: string): FirstScreen | undefined {
  const json = FIRST_SCREEN.exec(html)?.[1];
  return json === undefined ? undefined : (JSON.parse(json) as FirstScreen);
}

describe('the page of a signed-in user carries their first screen', () => {
  let t: TestApp;
  let dir: string;
  let first: TestTree;
  let second: TestTree;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'smart-sync-client-'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'main-ENTRY001.js'), 'import("./chunk-SCREEN01.js");');
    writeFileSync(
      join(dir, 'chunk-SCREEN01.js'),
      'import{a}from"./chunk-SCREEN02.js";import{b}from"./chunk-SHARED01.js";',
    );
    writeFileSync(join(dir, 'chunk-SCREEN02.js'), 'export const a=1;');
    writeFileSync(join(dir, 'chunk-SHARED01.js'), 'export const b=1;');
    t = await startTestApp({ CLIENT_DIR: dir });
    first = await createTestTree(t.db.base, 'First </script><!--');
    second = await createTestTree(t.db.base, 'Second');
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the rows the first loads would get from the API, and the user', async () => {
    const response = await request(t.url).get('/').set('Cookie', t.cookie).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(response.headers['vary']).toMatch(/Cookie/);
    const screen = firstScreenIn(response.text);
    const top = (await t.api.post('/api/top').send([TOP_ID]).expect(200)).body;
    const locations = (await t.api.post('/api/locations').send(top[0].locations).expect(200)).body;
    const departments = (
      await t.api.post('/api/departments').send(locations[0].departments).expect(200)
    ).body;
    expect(screen).toEqual({
      user: (await t.api.get('/api/auth/me').expect(200)).body,
      rows: { top, locations, departments },
    });
    expect(screen?.rows.departments.map((row) => row.id)).toEqual([first.departments]);
  });

  it('keeps a name that would end the script element from doing so', async () => {
    const response = await request(t.url).get('/locations/3').set('Cookie', t.cookie).expect(200);
    expect(response.text).not.toContain('First </script>');
    expect(firstScreenIn(response.text)?.rows.locations[0].name).toBe(
      'First </script><!-- locations',
    );
  });

  it('holds only what the user may read: a viewer of the second location sees it alone', async () => {
    const viewer = await t.signIn('viewer', { [second.locations]: 'viewer' });
    const response = await request(t.url).get('/').set('Cookie', viewer.cookie).expect(200);
    const screen = firstScreenIn(response.text);
    expect(screen?.user).toEqual({
      username: 'viewer',
      admin: false,
      rights: [{ locationId: second.locations, role: 'viewer' }],
    });
    expect(screen?.rows.top).toEqual([{ id: TOP_ID, locations: [second.locations] }]);
    expect(screen?.rows.locations.map((row) => row.id)).toEqual([second.locations]);
    expect(screen?.rows.departments.map((row) => row.id)).toEqual([second.departments]);
    expect(response.text).not.toContain(first.locations);
  });

  it('preloads the screens’ chunks after the build’s own, and puts the data after the scripts', async () => {
    const { text } = await request(t.url).get('/').set('Cookie', t.cookie).expect(200);
    const preloads = [...text.matchAll(/rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
    expect(preloads).toEqual(['chunk-SHARED01.js', 'chunk-SCREEN01.js', 'chunk-SCREEN02.js']);
    expect(text.indexOf('chunk-SCREEN02.js')).toBeLessThan(text.indexOf('main-ENTRY001.js'));
    // The data after the scripts: the browser asks for them before it has all of it.
    expect(text.indexOf(`id="${FIRST_SCREEN_ELEMENT_ID}"`)).toBeGreaterThan(
      text.indexOf('main-ENTRY001.js'),
    );
    expect(text.endsWith('</script></body></html>')).toBe(true);
  });

  it('is index.html as built without a session, with an unknown one, or an ended one', async () => {
    const ended = await t.signIn('leaver', 'admin');
    await request(t.url).post('/api/auth/logout').set('Cookie', ended.cookie).expect(204);
    for (const cookie of [undefined, 'sid=not-a-session', ended.cookie]) {
      const asked = request(t.url).get('/');
      const response = await (cookie === undefined ? asked : asked.set('Cookie', cookie)).expect(
        200,
      );
      expect(response.text).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });
});
