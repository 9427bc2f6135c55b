import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import type { SqlDialect } from './sql-dialect';

/** What {@link DirectReads} falls back to before Prisma has connected. */
interface PrismaRawQueries {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/** A read's result row, by column name. */
export type DirectRow = Record<string, unknown>;

const TEXT_ARGUMENT = { scalarType: 'string', arity: 'scalar' } as const;

/**
 * Reads that skip Prisma's query pipeline: the same SQL, sent through the driver adapter Prisma
 * itself connected (so the same connection and pool). Measured here: ~230 µs a `findUnique`
 * through Prisma, ~15 µs through the adapter. For the reads every request makes (its session, the
 * location of the row it writes); writes stay on Prisma, whose change recorder announces them.
 * Until Prisma has connected, reads go through Prisma's raw query (which connects it).
 *
 * Column values come as the adapter gives them: a DateTime as a string (see {@link dateOf}).
 */
export class DirectReads {
  private adapter: SqlDriverAdapter | undefined;

  constructor(
    readonly dialect: SqlDialect,
    private readonly prisma: PrismaRawQueries,
  ) {}

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

  /** The rows of a query whose parameters (the dialect's placeholders) are all text. */
  async rows(sql: string, args: string[]): Promise<DirectRow[]> {
    const adapter = this.adapter;
    if (!adapter) return this.prisma.$queryRawUnsafe<DirectRow[]>(sql, ...args);
    const result = await adapter.queryRaw({
      sql,
      args,
      argTypes: args.map(() => TEXT_ARGUMENT),
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
