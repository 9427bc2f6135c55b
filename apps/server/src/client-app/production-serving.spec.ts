import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import { startTestApp, type TestApp } from '../testing/test-app';

/** Ample, compressible JavaScript: well above the 1 kB compression threshold. */
const SCRIPT = 'console.log("a line of the bundle");\n'.repeat(200);

/** A GET whose body stays as sent, compressed or not (supertest and fetch would decode it). */
function getRaw(url: string, acceptEncoding: string): Promise<{ encoding?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

describe('production serving: compression, caching, security headers', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'smart-sync-client-'));
    mkdirSync(join(dir, 'media'));
    writeFileSync(join(dir, 'index.html'), '<app-root></app-root>');
    writeFileSync(join(dir, 'main-SZSULD6F.js'), SCRIPT);
    writeFileSync(join(dir, 'media', 'font-J2JSVX6B.woff2'), 'font');
    writeFileSync(join(dir, 'favicon.ico'), 'icon');
    t = await startTestApp({ CLIENT_DIR: dir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers brotli to a browser that accepts it, gzip to one that accepts only that', async () => {
    const script = `${t.url}/main-SZSULD6F.js`;
    const br = await getRaw(script, 'br, gzip');
    expect(br.encoding).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.body.length).toBeLessThan(SCRIPT.length / 10);

    const gzip = await getRaw(script, 'gzip');
    expect(gzip.encoding).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);

    const plain = await getRaw(script, 'identity');
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('caches hashed files for a year and revalidates index.html and unhashed files', async () => {
    for (const path of ['/main-SZSULD6F.js', '/media/font-J2JSVX6B.woff2']) {
      const response = await request(t.url).get(path).expect(200);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    for (const path of ['/', '/index.html', '/locations/3', '/favicon.ico']) {
      const response = await request(t.url).get(path).expect(200);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('sends a CSP without inline scripts that forbids framing, and the other security headers', async () => {
    for (const path of ['/', '/api/health']) {
      const { headers } = await request(t.url).get(path).expect(200);
      const csp = String(headers['content-security-policy']);
      const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scripts).toBe("'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['x-powered-by']).toBeUndefined();
    }
  });
});
