import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';

/** What {@link DirectSql} falls back to before Prisma has connected. */
interface PrismaRawQueries {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** A read's result row, by column name. */
export type DirectRow = Record<string, unknown>;

/** A statement's parameter: text, or an integer. */
export type DirectArgument = string | number;

const TEXT_ARGUMENT = { scalarType: 'string', arity: 'scalar' } as const;
const INT_ARGUMENT = { scalarType: 'int', arity: 'scalar' } as const;

/** What direct statements use of better-sqlite3's connection, which the SQLite adapter holds. */
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

interface SqliteStatement {
  readonly reader: boolean;
  all(...args: DirectArgument[]): unknown[];
  run(...args: DirectArgument[]): unknown;
}

/** The statements kept prepared: every direct statement is one of a few fixed texts per table. */
const MAX_PREPARED = 256;

/**
 * The better-sqlite3 connection of Prisma's SQLite adapter (its `client`), if this is one. The
 * adapter prepares every statement anew, which costs more than running it: SQLite parses and plans
 * the child-page query (a UNION ALL over the child tables) each time.
 */
function sqliteConnectionOf(adapter: SqlDriverAdapter): SqliteConnection | undefined {
  if (adapter.provider !== 'sqlite') return undefined;
  const client = (adapter as unknown as { client?: Partial<SqliteConnection> }).client;
  return typeof client?.prepare === 'function' ? (client as SqliteConnection) : undefined;
}

/**
 * Statements that skip Prisma's query pipeline: the same SQL, sent through the driver adapter
 * Prisma itself connected (so the same connection and pool). Measured here: ~230 µs a
 * `findUnique` through Prisma, ~15 µs through the adapter. For what every request makes: its
 * session lookup, the location of the row it writes, the rows a load reads with their child
 * lists, and the rename itself — which only the change recorder sends (`$renameRow`), so that it
 * is announced like every other write. On SQLite they run on the adapter's own connection as
 * statements prepared once. Until Prisma has connected, statements go through Prisma's raw query
 * (which connects it).
 *
 * Column values come as the adapter or better-sqlite3 gives them: a DateTime as a string (see
 * {@link dateOf}), an integer as a number, a bigint or a string (see {@link integerOf}).
 */
export class DirectSql {
  private adapter: SqlDriverAdapter | undefined;
  private sqlite: SqliteConnection | undefined;
  private readonly prepared = new Map<string, SqliteStatement>();

  constructor(private readonly prisma: PrismaRawQueries) {}

  /** Prisma calls this through the adapter factory (adapter-factory.ts) once it has connected. */
  connected(adapter: SqlDriverAdapter): SqlDriverAdapter {
    this.adapter = adapter;
    this.sqlite = sqliteConnectionOf(adapter);
    this.prepared.clear();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = () => {
      if (this.adapter === adapter) {
        this.adapter = undefined;
        this.sqlite = undefined;
        this.prepared.clear();
      }
      return dispose();
    };
    return adapter;
  }

  /** The rows a statement returns; its parameters are the `$sqlDialect`'s placeholders. */
  async rows(sql: string, args: DirectArgument[]): Promise<DirectRow[]> {
    const adapter = this.adapter;
    if (!adapter) return this.prisma.$queryRawUnsafe<DirectRow[]>(sql, ...args);
    if (this.sqlite) return this.runPrepared(this.sqlite, sql, args);
    const result = await adapter.queryRaw({
      sql,
      args,
      argTypes: args.map((arg) => (typeof arg === 'number' ? INT_ARGUMENT : TEXT_ARGUMENT)),
    });
    const names = result.columnNames;
    return result.rows.map((values) =>
      Object.fromEntries(names.map((name, index) => [name, values[index]])),
    );
  }

  private runPrepared(sqlite: SqliteConnection, sql: string, args: DirectArgument[]): DirectRow[] {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      if (this.prepared.size >= MAX_PREPARED) this.prepared.clear();
      this.prepared.set(sql, statement);
    }
    if (statement.reader) return statement.all(...args) as DirectRow[];
    statement.run(...args);
    return [];
  }
}

/**
 * A DateTime column's value as a Date: the adapters give strings (UTC, with or without a zone),
 * Prisma's raw query a Date.
 */
export function dateOf(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string') {
    return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
  }
  throw new Error(`not a DateTime value: ${String(value)}`);
}

/** An integer column's value as a number (SQLite's adapter gives bigints, as strings or not). */
export function integerOf(value: unknown): number {
  const number = typeof value === 'string' || typeof value === 'bigint' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
    throw new Error(`not an integer value: ${String(value)}`);
  }
  return number;
}
