import { testDatabaseKind } from '@smart-sync/server-db';
import Database from 'better-sqlite3';
import { Pool } from 'pg';

/** How better-sqlite3 runs a prepared statement (kept prepared or not, each run counts). */
const SQLITE_RUNS = ['run', 'get', 'all', 'iterate'] as const;

/** better-sqlite3's Statement prototype, which its native module does not export. */
function sqliteStatementPrototype(): object {
  const database = new Database(':memory:');
  try {
    return Object.getPrototypeOf(database.prepare('SELECT 1')) as object;
  } finally {
    database.close();
  }
}

/**
 * How many SQL statements the database driver runs during `work`: runs of better-sqlite3
 * statements, or queries sent through the pg pool (outside transactions; reads use none).
 */
export async function statementsDuring(work: () => Promise<unknown>): Promise<number> {
  const spies =
    testDatabaseKind() === 'sqlite'
      ? SQLITE_RUNS.map((method) =>
          jest.spyOn(sqliteStatementPrototype() as Record<typeof method, () => unknown>, method),
        )
      : [jest.spyOn(Pool.prototype, 'query')];
  try {
    await work();
    return spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}
