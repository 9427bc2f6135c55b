import type { CrudTable } from '@smart-sync/shared-types';
import type { SqlDialect } from './sql-dialect';
import { TABLES } from './table-registry';

/**
 * The keys that lead from a row of `table` to the id of the location it is under, following the
 * registry's parent chain: `['id']` for a location, `['locationId']` for a department,
 * `['department', 'locationId']` for a department's child.
 */
export function locationPath(table: CrudTable): string[] {
  const link = TABLES[table].parent;
  if (link.table === 'top') return ['id'];
  if (TABLES[link.table].parent.table === 'top') return [link.foreignKey];
  return [link.relation, ...locationPath(link.table)];
}

/** Nests `leaf` under the keys of `path`: `['a', 'b']` → `{ a: wrap({ b: leaf }) }`. */
function nest(path: string[], leaf: unknown, wrap: (inner: object) => unknown): object {
  const [first, ...rest] = path;
  return rest.length === 0 ? { [first]: leaf } : { [first]: wrap(nest(rest, leaf, wrap)) };
}

/**
 * The Prisma `where` that selects the rows of `table` under any of these locations:
 * `{ id: { in } }`, `{ locationId: { in } }`, `{ department: { locationId: { in } } }`.
 */
export function whereUnderLocations(
  table: CrudTable,
  locationIds: readonly string[],
): Record<string, unknown> {
  return nest(locationPath(table), { in: [...locationIds] }, (inner) => inner) as Record<
    string,
    unknown
  >;
}

/**
 * The SQL that reads the id of the location a row of `table` is under, as column `locationId`,
 * with one parameter, the row's id: no row when it does not exist. One statement, joining up the
 * parent chain: `SELECT t1."locationId" FROM "docs" t0 JOIN "departments" t1 ON … WHERE t0."id" = ?`.
 */
export function locationIdSql(table: CrudTable, dialect: SqlDialect): string {
  return cachedSql(`location:${dialect.kind}:${table}`, () => {
    const { column, from } = fromUpToLocation(table);
    return `SELECT ${column} AS "locationId" ${from} WHERE t0."id" = ${dialect.parameter(1)}`;
  });
}

/**
 * The SQL that reads rows of `table` by id — `id`, `name`, `version` and the `locationId` they are
 * under — with one parameter, a JSON array of the ids (any number of them). Unknown ids give no
 * row; the order is the database's.
 */
export function rowsByIdSql(table: CrudTable, dialect: SqlDialect): string {
  return cachedSql(`rows:${dialect.kind}:${table}`, () => {
    const { column, from } = fromUpToLocation(table);
    return (
      `SELECT t0."id" AS "id", t0."name" AS "name", t0."version" AS "version", ` +
      `${column} AS "locationId" ${from} ` +
      `WHERE t0."id" IN (${dialect.textValuesOf(dialect.parameter(1))})`
    );
  });
}

/** The statements above, built once per kind, database kind and table (every request asks). */
const SQL_CACHE = new Map<string, string>();

function cachedSql(key: string, build: () => string): string {
  let sql = SQL_CACHE.get(key);
  if (sql === undefined) {
    sql = build();
    SQL_CACHE.set(key, sql);
  }
  return sql;
}

/**
 * `FROM "table" t0` with a JOIN per parent up the chain until the one that holds the location's
 * id, and that column.
 */
function fromUpToLocation(table: CrudTable): { column: string; from: string } {
  const joins: string[] = [];
  let alias = 't0';
  let column = `${alias}."id"`;
  for (let link = TABLES[table].parent; link.table !== 'top'; link = TABLES[link.table].parent) {
    if (TABLES[link.table].parent.table === 'top') {
      column = `${alias}."${link.foreignKey}"`;
      break;
    }
    const parent = `t${joins.length + 1}`;
    joins.push(`JOIN "${link.table}" ${parent} ON ${parent}."id" = ${alias}."${link.foreignKey}"`);
    alias = parent;
  }
  return { column, from: [`FROM "${table}" t0`, ...joins].join(' ') };
}
