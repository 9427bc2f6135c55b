import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const DEFAULT_DATABASE_URL = 'file:./data/app.db';

export type DatabaseKind = 'sqlite' | 'postgresql';

export function databaseKind(url: string): DatabaseKind {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgresql://"; got "${url.split(':')[0]}:…"`,
  );
}

/** The absolute path of a `file:` URL's database; relative paths resolve from the working directory. */
export function sqliteFilePath(url: string): string {
  const path = url.slice('file:'.length).split('?')[0];
  if (!path) throw new Error('DATABASE_URL "file:" names no file');
  return resolve(path);
}

/** Makes sure the folder of a SQLite file exists, and returns the URL with an absolute path. */
export function prepareSqliteUrl(url: string): string {
  const path = sqliteFilePath(url);
  mkdirSync(dirname(path), { recursive: true });
  return `file:${path}`;
}

/** A URL without its password, for log lines (`postgresql://u:***@host/db`). */
export function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
