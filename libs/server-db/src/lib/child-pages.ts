import type { ChildIndexPage, ChildReference, ChildTable } from '@smart-sync/shared-types';
import { integerOf, type DirectSql } from './direct-sql';
import type { SqlDialect } from './sql-dialect';
import { TABLES, type TableDefinition } from './table-registry';

/**
 * What the page queries need from the Prisma client. They skip Prisma's pipeline: every load and
 * rename of a department reads its first page.
 */
export interface RawQueries {
  $sqlDialect: SqlDialect;
  $directSql: Pick<DirectSql, 'rows'>;
}

/**
 * One SELECT per child table, glued with UNION ALL, of the children of the parents in a JSON
 * array parameter (the list of parents is one parameter however long it is), followed by the
 * placeholders of `extra` more parameters.
 */
function childrenOf(parent: TableDefinition, dialect: SqlDialect, extra: number) {
  const selects = parent.childTables.map((table, index) => {
    const link = TABLES[table].parent;
    if (link.table === 'top') throw new Error(`${table} has no foreign key`);
    const key = `"${link.foreignKey}"`;
    return (
      `SELECT ${key} AS "parentId", '${table}' AS tbl, "id", "created" FROM "${table}" ` +
      `WHERE ${key} IN (${dialect.textValuesOf(dialect.parameter(index + 1))})`
    );
  });
  const next = Array.from({ length: extra }, (_, i) => dialect.parameter(selects.length + i + 1));
  return { sql: selects.join(' UNION ALL '), parameters: selects.length, next };
}

/**
 * Pages of the children of several parents (departments) across all their child tables, merged in
 * creation order (`created`, then `id`): two queries whatever the number of parents. Parents with
 * no children are missing from the map.
 */
export async function childPages(
  prisma: RawQueries,
  parent: TableDefinition,
  parentIds: string[],
  startIndex: number,
  length: number,
): Promise<Map<string, ChildIndexPage>> {
  const pages = new Map<string, ChildIndexPage>();
  if (parentIds.length === 0) return pages;
  const children = childrenOf(parent, prisma.$sqlDialect, 2);
  const ids = JSON.stringify(parentIds);
  const idParameters = Array.from({ length: children.parameters }, () => ids);

  const totals = await prisma.$directSql.rows(
    `SELECT "parentId", COUNT(*) AS total FROM (${children.sql}) AS c GROUP BY "parentId"`,
    idParameters,
  );
  for (const { parentId, total } of totals) {
    pages.set(String(parentId), { startIndex, length: integerOf(total), indexes: [] });
  }
  if (pages.size === 0 || [...pages.values()].every((page) => page.length <= startIndex)) {
    return pages;
  }

  const [after, upTo] = children.next;
  const rows = await prisma.$directSql.rows(
    `SELECT "parentId", tbl, id FROM (` +
      `SELECT "parentId", tbl, id, ROW_NUMBER() OVER (PARTITION BY "parentId" ORDER BY created, id) AS position ` +
      `FROM (${children.sql}) AS c) AS p WHERE position > ${after} AND position <= ${upTo} ` +
      `ORDER BY "parentId", position`,
    [...idParameters, startIndex, startIndex + length],
  );
  for (const { parentId, tbl, id } of rows) {
    const reference: ChildReference = { table: String(tbl) as ChildTable, id: String(id) };
    pages.get(String(parentId))?.indexes.push(reference);
  }
  return pages;
}
