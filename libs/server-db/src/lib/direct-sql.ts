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

/**
 * Statements that skip Prisma's query pipeline: the same SQL, sent through the driver adapter
 * Prisma itself connected (so the same connection and pool). Measured here: ~230 µs a
 * `findUnique` through Prisma, ~15 µs through the adapter. For what every request makes: its
 * session lookup, the location of the row it writes, and the rename itself — which only the change
 * recorder sends (`$renameRow`), so that it is announced like every other write. Until Prisma has
 * connected, statements go through Prisma's raw query (which connects it).
 *
 * Column values come as the adapter gives them: a DateTime as a string (see {@link dateOf}), an
 * integer as a number, a bigint or a string (see {@link integerOf}).
 */
export class DirectSql {
  private adapter: SqlDriverAdapter | undefined;

  constructor(private readonly prisma: PrismaRawQueries) {}

  /** Prisma calls this through the adapter factory (adapter-factory.ts) once it has connected. */
  connected(adapter: SqlDriverAdapter): SqlDriverAdapter {
    this.adapter = adapter;
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = () => {
      if (this.adapter === adapter) this.adapter = undefined;
      return dispose();
    };
    return adapter;
  }

  /** The rows a statement returns; its parameters are the `$sqlDialect`'s placeholders. */
  async rows(sql: string, args: DirectArgument[]): Promise<DirectRow[]> {
    const adapter = this.adapter;
    if (!adapter) return this.prisma.$queryRawUnsafe<DirectRow[]>(sql, ...args);
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
