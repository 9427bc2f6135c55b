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
  const key = `${dialect.kind}:${table}`;
  let sql = LOCATION_ID_SQL.get(key);
  if (sql === undefined) {
    sql = buildLocationIdSql(table, dialect);
    LOCATION_ID_SQL.set(key, sql);
  }
  return sql;
}

/** {@link locationIdSql}'s statements, built once per database kind and table (every write asks). */
const LOCATION_ID_SQL = new Map<string, string>();

function buildLocationIdSql(table: CrudTable, dialect: SqlDialect): string {
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
  return [
    `SELECT ${column} AS "locationId" FROM "${table}" t0`,
    ...joins,
    `WHERE t0."id" = ${dialect.parameter(1)}`,
  ].join(' ');
}
