import type { DatabaseKind } from './database-url';

/** What raw SQL needs to know of the database it runs on. */
export interface SqlDialect {
  kind: DatabaseKind;
  /** The placeholder of the n-th (1-based) query parameter. */
  parameter(n: number): string;
  /** A subquery of the text values of a JSON-array parameter: one parameter for any number. */
  textValuesOf(parameter: string): string;
}

export const SQL_DIALECTS: Record<DatabaseKind, SqlDialect> = {
  sqlite: {
    kind: 'sqlite',
    parameter: () => '?',
    textValuesOf: (parameter) => `SELECT value FROM json_each(${parameter})`,
  },
  postgresql: {
    kind: 'postgresql',
    parameter: (n) => `$${n}`,
    textValuesOf: (parameter) => `SELECT jsonb_array_elements_text(${parameter}::jsonb)`,
  },
};
