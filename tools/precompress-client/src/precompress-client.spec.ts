import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress, summary } from './precompress-client';

/** The client build's precompress step, on a folder shaped like the client's build. */
describe('precompressing the client build', () => {
  const SCRIPT = 'export const row = { id: 1, name: "a location" };\n'.repeat(100);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'smart-sync-precompress-'));
    mkdirSync(join(dir, 'media'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a .br and a .gz beside each text file, in subfolders too, that decode to the file', async () => {
    writeFileSync(join(dir, 'main-SZSULD6F.js'), SCRIPT);
    writeFileSync(join(dir, 'media', 'icon-ABCDEFGH.svg'), `<svg>${'<g></g>'.repeat(200)}</svg>`);

    const results = await precompress(dir);

    expect(results.map((r) => r.file)).toEqual([
      'main-SZSULD6F.js',
      join('media', 'icon-ABCDEFGH.svg'),
    ]);
    const script = join(dir, 'main-SZSULD6F.js');
    expect(brotliDecompressSync(readFileSync(`${script}.br`)).toString()).toBe(SCRIPT);
    expect(gunzipSync(readFileSync(`${script}.gz`)).toString()).toBe(SCRIPT);
    expect(existsSync(join(dir, 'media', 'icon-ABCDEFGH.svg.br'))).toBe(true);
    const [main] = results;
    expect(main.size).toBe(SCRIPT.length);
    expect(main.br).toBe(readFileSync(`${script}.br`).length);
    expect(main.br).toBeLessThan(main.gz ?? 0);
    expect(summary(dir, results)).toContain('main-SZSULD6F.js: 5.0 kB → br');
  });

  it('leaves fonts and images alone, however compressible', async () => {
    for (const name of ['font-J2JSVX6B.woff2', 'font-Y66ZKD4O.woff', 'logo-ABCDEFGH.png']) {
      writeFileSync(join(dir, 'media', name), 'a'.repeat(10_000));
    }

    expect(await precompress(dir)).toEqual([]);
    expect(existsSync(join(dir, 'media', 'font-J2JSVX6B.woff2.br'))).toBe(false);
  });

  it('writes no sibling that is not smaller than its file, and removes a stale one', async () => {
    const tiny = join(dir, 'tiny.txt');
    writeFileSync(tiny, 'a');
    writeFileSync(`${tiny}.gz`, 'an older build’s');

    const [result] = await precompress(dir);

    expect(result).toEqual({ file: 'tiny.txt', size: 1, br: undefined, gz: undefined });
    expect(existsSync(`${tiny}.br`)).toBe(false);
    expect(existsSync(`${tiny}.gz`)).toBe(false);
  });

  it('does not compress its own siblings when run again', async () => {
    writeFileSync(join(dir, 'main-SZSULD6F.js'), SCRIPT);
    await precompress(dir);

    const again = await precompress(dir);

    expect(again.map((r) => r.file)).toEqual(['main-SZSULD6F.js']);
    expect(existsSync(join(dir, 'main-SZSULD6F.js.br.br'))).toBe(false);
  });
});
