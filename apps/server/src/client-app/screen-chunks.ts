import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The entry script Angular's build links at the end of index.html's body; its file is group 1. */
export const ENTRY_SCRIPT = /<script src="([^"]+\.js)" type="module">/;
/** A file index.html links already: a script or a module preload. */
const LINKED = /(?:src|href)="([^"]+\.js)"/g;
/** `import("./chunk-X.js")` in esbuild's output: a chunk loaded when needed. */
const DYNAMIC_IMPORT = /\bimport\("\.\/([^"/]+\.js)"\)/g;
/** `from"./chunk-X.js"` or `import"./chunk-X.js"`: a chunk needed before the module runs. */
const STATIC_IMPORT = /\b(?:from|import)\s*"\.\/([^"/]+\.js)"/g;

function matches(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1]);
}

/**
 * The chunks of the screens the app's entry loads lazily (its `import()`s: the app behind
 * `@defer`, the sign-in page), with every chunk they import statically, that index.html does not
 * link already, in a stable order. A signed-in user's page preloads them: that user's first screen
 * needs them at once, and would otherwise find them only once the entry has run, then again one
 * import at a time. Empty when the build is not laid out as expected.
 */
export function screenChunks(dir: string, indexHtml: string): string[] {
  const entry = ENTRY_SCRIPT.exec(indexHtml)?.[1];
  if (entry === undefined || !existsSync(join(dir, entry))) return [];
  const linked = new Set(matches(LINKED, indexHtml));
  const found = new Set<string>();
  const visit = (file: string): void => {
    if (found.has(file) || linked.has(file) || !existsSync(join(dir, file))) return;
    found.add(file);
    matches(STATIC_IMPORT, readFileSync(join(dir, file), 'utf8')).forEach(visit);
  };
  matches(DYNAMIC_IMPORT, readFileSync(join(dir, entry), 'utf8')).forEach(visit);
  return [...found];
}

/** `<link rel="modulepreload">` elements for `files`. */
export function modulePreloads(files: readonly string[]): string {
  return files.map((file) => `<link rel="modulepreload" href="${file}">`).join('');
}
