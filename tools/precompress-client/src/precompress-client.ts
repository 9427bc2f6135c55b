import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Precompresses the client's build once, at the best levels, so that the server sends these files
 * instead of compressing each response (apps/server/src/client-app/serve-client-app.ts): beside
 * every text file it writes `<file>.br` (brotli quality 11) and `<file>.gz` (gzip level 9), each
 * only when smaller than the file. Fonts and images are compressed already and are left alone.
 *
 * Run by the client's `build` target after the Angular build (`build-app`):
 *   tsx tools/precompress-client/src/precompress-client.ts [dir]   (default dist/apps/client/browser)
 */

/** The files worth compressing: text. Not woff2, png, jpg, webp…, which are compressed already. */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt|map|xml|ico)$/i;

export const DEFAULT_DIR = 'dist/apps/client/browser';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** One file's sizes: `br`/`gz` are undefined when that encoding did not make it smaller. */
export interface Precompressed {
  file: string;
  size: number;
  br?: number;
  gz?: number;
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Writes `path + suffix` when `encoded` is smaller than the file, else removes a stale one. */
function writeIfSmaller(path: string, suffix: string, encoded: Buffer, size: number) {
  if (encoded.length < size) {
    writeFileSync(path + suffix, encoded);
    return encoded.length;
  }
  rmSync(path + suffix, { force: true });
  return undefined;
}

/** Precompresses every compressible file under `dir`; the files run in parallel on zlib's threads. */
export async function precompress(dir: string): Promise<Precompressed[]> {
  return Promise.all(
    filesIn(dir).map(async (path) => {
      const content = readFileSync(path);
      const [br, gz] = await Promise.all([
        brotli(content, {
          params: {
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
          },
        }),
        gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      return {
        file: relative(dir, path),
        size: content.length,
        br: writeIfSmaller(path, '.br', br, content.length),
        gz: writeIfSmaller(path, '.gz', gz, content.length),
      };
    }),
  );
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** One line per file and the totals, for the build's output. */
export function summary(dir: string, results: Precompressed[]): string {
  const sum = (pick: (r: Precompressed) => number) => results.reduce((t, r) => t + pick(r), 0);
  const lines = results.map(
    (r) =>
      `  ${r.file}: ${kB(r.size)} → br ${r.br === undefined ? '(not smaller)' : kB(r.br)}, ` +
      `gz ${r.gz === undefined ? '(not smaller)' : kB(r.gz)}`,
  );
  return [
    `Precompressed ${results.length} files in ${dir}:`,
    ...lines,
    `  total: ${kB(sum((r) => r.size))} → br ${kB(sum((r) => r.br ?? r.size))}, ` +
      `gz ${kB(sum((r) => r.gz ?? r.size))}`,
  ].join('\n');
}

if (require.main === module) {
  const dir = process.argv[2] ?? DEFAULT_DIR;
  const started = performance.now();
  precompress(dir).then(
    (results) => {
      console.log(summary(dir, results));
      console.log(`  in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
