import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initialFiles, measureInitialBundle } from './initial-bundle';

const INDEX = `<!doctype html><html><head><base href="/"/>
<link rel="stylesheet" href="styles-A.css"><link rel="icon" href="favicon.ico"></head>
<body><app-root></app-root><link rel="modulepreload" href="chunk-B.js">
<script src="main-C.js" type="module"></script><script src="https://cdn.example/x.js"></script>
<script>inline()</script></body></html>`;

describe('initial bundle', () => {
  it("counts index.html's stylesheets, module preloads and scripts, not icons or other sites", () => {
    expect(initialFiles(INDEX)).toEqual(['styles-A.css', 'chunk-B.js', 'main-C.js']);
  });

  it('sums their sizes in a build, and is undefined without one', () => {
    const root = mkdtempSync(join(tmpdir(), 'bundle-'));
    try {
      expect(measureInitialBundle(root, 'browser')).toBeUndefined();
      const dir = join(root, 'browser');
      mkdirSync(dir);
      writeFileSync(join(dir, 'index.html'), INDEX);
      writeFileSync(join(dir, 'styles-A.css'), 'x'.repeat(100));
      writeFileSync(join(dir, 'chunk-B.js'), 'x'.repeat(2_000));
      writeFileSync(join(dir, 'main-C.js'), 'x'.repeat(30_000));
      expect(measureInitialBundle(root, 'browser')).toMatchObject({
        dir: 'browser',
        files: ['styles-A.css', 'chunk-B.js', 'main-C.js'],
        bytes: 32_100,
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
