import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The client's initial bundle goal, bytes: Angular's budget in apps/client/project.json (500 kB). */
export const INITIAL_BUNDLE_GOAL_BYTES = 500_000;

export interface InitialBundle {
  /** The browser build it was read from, relative to the workspace. */
  dir: string;
  files: string[];
  bytes: number;
  /** When index.html was built. */
  builtAt: string;
}

/**
 * The files a built index.html loads before the app runs — its scripts, module preloads and
 * stylesheets — as Angular's "initial total" counts them.
 */
export function initialFiles(indexHtml: string): string[] {
  const files = new Set<string>();
  for (const [tag] of indexHtml.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const isLink = tag.startsWith('<link');
    if (isLink && !/\brel="(?:stylesheet|modulepreload)"/.test(tag)) continue;
    const file = tag.match(isLink ? /\bhref="([^"]+)"/ : /\bsrc="([^"]+)"/)?.[1];
    if (file && !/^[a-z]+:|^\/\//.test(file)) files.add(file.replace(/^\//, ''));
  }
  return [...files];
}

/** The initial bundle of the client build in `browserDir`, or undefined when there is none. */
export function measureInitialBundle(root: string, browserDir: string): InitialBundle | undefined {
  const index = join(root, browserDir, 'index.html');
  if (!existsSync(index)) return undefined;
  const files = initialFiles(readFileSync(index, 'utf8'));
  const bytes = files.reduce((sum, file) => sum + statSync(join(root, browserDir, file)).size, 0);
  return { dir: browserDir, files, bytes, builtAt: statSync(index).mtime.toISOString() };
}
