import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** The workspace root (this file lives in docs/). */
export const WORKSPACE_ROOT = normalize(join(__dirname, '..'));

/** The Markdown documents whose links and file paths must exist. */
export function markdownDocuments(root = WORKSPACE_ROOT): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join('docs', name));
  return ['README.md', 'ARCHITECTURE.md', 'bench/README.md', ...docs].filter((path) =>
    existsSync(join(root, path)),
  );
}

/** A file a document points to, and where. */
export interface Reference {
  document: string;
  line: number;
  /** As written. */
  target: string;
  /** Relative to the workspace root. */
  path: string;
}

/** The workspace's top-level folders: a code span starting with one of them names a path. */
const ROOTS = ['apps', 'libs', 'prisma', 'bench', 'deploy', 'docs', 'tools', '.ci'];
const LINK = /\]\(([^)\s]+)\)/g;
const CODE = /`([^`\s]+)`/g;
/** Placeholders, globs and the like: not one file. */
const NOT_A_PATH = /[<>*{}$…]|\.\.\.$/;
/** Made by builds, installs and benchmarks: named by the docs, absent from a fresh clone. */
const GENERATED = ['bench/results/', 'dist/', 'data/', 'libs/server-db/src/generated/'];

/**
 * Every relative Markdown link (`[text](path)`, anchors dropped) and every code span that names a
 * workspace path (`apps/…`, `libs/…`, a path relative to the document such as `../apps/…`).
 */
export function referencesIn(document: string, text: string): Reference[] {
  const references: Reference[] = [];
  const base = dirname(document);
  text.split('\n').forEach((content, index) => {
    for (const [, raw] of content.matchAll(LINK)) {
      const target = raw.split('#')[0];
      if (target === '' || /^[a-z]+:/i.test(target)) continue;
      references.push({ document, line: index + 1, target, path: join(base, target) });
    }
    for (const [, raw] of content.matchAll(CODE)) {
      const target = raw.replace(/[:,.;]$/, '').replace(/:\d+$/, '');
      if (NOT_A_PATH.test(target)) continue;
      const path = target.startsWith('../') ? join(base, target) : normalize(target);
      const inWorkspace = ROOTS.includes(path.split('/')[0]) && path.includes('/');
      if (inWorkspace && !GENERATED.some((prefix) => path.startsWith(prefix))) {
        references.push({ document, line: index + 1, target, path });
      }
    }
  });
  return references;
}

/** References whose file or folder does not exist, as `document:line → target`. */
export function brokenReferences(root = WORKSPACE_ROOT): string[] {
  return markdownDocuments(root).flatMap((document) =>
    referencesIn(document, readFileSync(join(root, document), 'utf8'))
      .filter((reference) => !existsSync(join(root, reference.path)))
      .map(
        (reference) =>
          `${reference.document}:${reference.line} → ${reference.target} (${relative(root, join(root, reference.path))})`,
      ),
  );
}
