import { testDatabaseKind } from '@smart-sync/server-db';
import Database from 'better-sqlite3';
import { Pool } from 'pg';

/**
 * How many SQL statements the database driver runs during `work`: statements better-sqlite3
 * prepares, or queries sent through the pg pool (outside transactions; reads use none).
 */
export async function statementsDuring(work: () => Promise<unknown>): Promise<number> {
  const spy =
    testDatabaseKind() === 'sqlite'
      ? jest.spyOn(Database.prototype, 'prepare')
      : jest.spyOn(Pool.prototype, 'query');
  try {
    await work();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}
