import { Client } from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { databaseKind } from './database-url';

/** The advisory lock key every instance of this app takes while it migrates and seeds. */
export const STARTUP_LOCK_KEY = 727_001;

/**
 * Runs `work` while holding the database's start-up lock, so instances that start at once against
 * one PostgreSQL database migrate and seed one after the other: the first does the work, the
 * others find it done. A session-level advisory lock on its own connection: it is released when
 * the work ends, and by PostgreSQL if this process dies. SQLite is one process's embedded
 * database: only the in-process turns.
 */
export function withStartupLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  // In one process (tests start several apps at once) the turns are taken here first.
  const previous = inProcess.get(databaseUrl) ?? Promise.resolve();
  const turn = previous.then(() =>
    databaseKind(databaseUrl) === 'sqlite' ? work() : withAdvisoryLock(databaseUrl, work),
  );
  const settled = turn.then(
    () => undefined,
    () => undefined,
  );
  inProcess.set(databaseUrl, settled);
  void settled.then(() => {
    if (inProcess.get(databaseUrl) === settled) inProcess.delete(databaseUrl);
  });
  return turn;
}

const inProcess = new Map<string, Promise<void>>();

async function withAdvisoryLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const connection = new Client(parseIntoClientConfig(databaseUrl));
  await connection.connect();
  try {
    await connection.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
    }
  } finally {
    await connection.end();
  }
}
