import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApp, type TestApp } from '../testing/test-app';

/** Ample, compressible JavaScript and CSS: well above the 1 kB compression threshold. */
const SCRIPT = 'console.log("a line of the bundle");\n'.repeat(200);
const STYLES = '.row { display: flex; gap: 8px; }\n'.repeat(200);
const INDEX = `<!doctype html><html><body><app-root></app-root>${'<!-- - -->'.repeat(200)}</body></html>`;
/** A file the build wrote no sibling for (a client folder built without the script). */
const LATE = 'console.log("built without the precompress step");\n'.repeat(100);
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** What the client's build step (tools/precompress-client) writes beside a text file. */
function writeWithSiblings(path: string, content: string): void {
  writeFileSync(path, content);
  writeFileSync(`${path}.br`, brotliCompressSync(content));
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
}

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose body stays as sent, compressed or not (supertest and fetch would decode it). */
function raw(url: string, headers: Record<string, string>, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('serving the client’s precompressed files', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'smart-sync-client-'));
    mkdirSync(join(dir, 'media'));
    writeWithSiblings(join(dir, 'index.html'), INDEX);
    writeWithSiblings(join(dir, 'main-SZSULD6F.js'), SCRIPT);
    writeWithSiblings(join(dir, 'styles-C4J3KV66.css'), STYLES);
    writeFileSync(join(dir, 'media', 'font-J2JSVX6B.woff2'), 'font'.repeat(500));
    writeFileSync(join(dir, 'chunk-LATE1234.js'), LATE);
    t = await startTestApp({ CLIENT_DIR: dir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the .br file to a browser that accepts brotli, with the script’s own type', async () => {
    const plain = await raw(`${t.url}/main-SZSULD6F.js`, { 'accept-encoding': 'identity' });
    const br = await raw(`${t.url}/main-SZSULD6F.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript(;|$)/);
    expect(br.headers['content-type']?.toLowerCase()).toBe(
      plain.headers['content-type']?.toLowerCase(),
    );
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    // The file the build wrote, byte for byte, not one compressed again per request.
    const sibling = readFileSync(join(dir, 'main-SZSULD6F.js.br'));
    expect(br.body.equals(sibling)).toBe(true);
    expect(Number(br.headers['content-length'])).toBe(sibling.length);
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);

    const css = await raw(`${t.url}/styles-C4J3KV66.css`, { 'accept-encoding': 'br' });
    expect(css.headers['content-encoding']).toBe('br');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect(brotliDecompressSync(css.body).toString()).toBe(STYLES);
  });

  it('sends the .gz file to a browser that accepts only gzip, the plain file to one that accepts neither', async () => {
    const gzip = await raw(`${t.url}/main-SZSULD6F.js`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-type']).toMatch(/javascript/);
    expect(gzip.headers['cache-control']).toBe(IMMUTABLE);
    expect(gzip.body.equals(readFileSync(join(dir, 'main-SZSULD6F.js.gz')))).toBe(true);
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);

    const refused = await raw(`${t.url}/main-SZSULD6F.js`, { 'accept-encoding': 'br;q=0, gzip' });
    expect(refused.headers['content-encoding']).toBe('gzip');

    for (const acceptEncoding of ['identity', '']) {
      const plain = await raw(`${t.url}/main-SZSULD6F.js`, { 'accept-encoding': acceptEncoding });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['content-type']).toMatch(/javascript/);
      expect(plain.headers['cache-control']).toBe(IMMUTABLE);
      expect(plain.body.toString()).toBe(SCRIPT);
    }
  });

  it('answers HEAD and a conditional GET of a precompressed file', async () => {
    const url = `${t.url}/main-SZSULD6F.js`;
    const head = await raw(url, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBe(
      readFileSync(join(dir, 'main-SZSULD6F.js.br')).length,
    );
    expect(head.body.length).toBe(0);

    const first = await raw(url, { 'accept-encoding': 'br' });
    const etag = String(first.headers['etag']);
    expect(etag).toBeTruthy();
    // Each encoding is its own representation, with its own ETag.
    const gzip = await raw(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['etag']).not.toBe(etag);

    const again = await raw(url, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('serves index.html and the SPA fallback with no-cache', async () => {
    const file = await raw(`${t.url}/index.html`, { 'accept-encoding': 'br' });
    expect(file.headers['cache-control']).toBe('no-cache');
    expect(file.headers['content-type']).toMatch(/^text\/html/);
    expect(brotliDecompressSync(file.body).toString()).toBe(INDEX);
    for (const path of ['/', '/locations/3']) {
      const route = await raw(`${t.url}${path}`, { 'accept-encoding': 'br' });
      expect(route.status).toBe(200);
      expect(route.headers['cache-control']).toBe('no-cache');
      expect(route.headers['content-type']).toMatch(/^text\/html/);
      expect(brotliDecompressSync(route.body).toString()).toBe(INDEX);
    }
  });

  it('still compresses a file without a sibling per request, and leaves fonts as they are', async () => {
    const late = await raw(`${t.url}/chunk-LATE1234.js`, { 'accept-encoding': 'br' });
    expect(late.headers['content-encoding']).toBe('br');
    expect(late.headers['content-type']).toMatch(/javascript/);
    expect(late.headers['cache-control']).toBe(IMMUTABLE);
    expect(brotliDecompressSync(late.body).toString()).toBe(LATE);

    const font = await raw(`${t.url}/media/font-J2JSVX6B.woff2`, { 'accept-encoding': 'br' });
    expect(font.status).toBe(200);
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.headers['cache-control']).toBe(IMMUTABLE);

    const missing = await raw(`${t.url}/missing-ABCDEFGH.js`, { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
  });
});
