import type { ChildIndexPage, ChildReference, ChildTable } from '@smart-sync/shared-types';
import { TABLES, type TableDefinition } from './table-registry';

/** What the page queries need from a Prisma client. */
export interface RawQueries {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/**
 * One SELECT per child table, glued with UNION ALL, of the children of the parents in a JSON
 * array parameter: the list of parents is one parameter however long it is.
 */
function childrenOf(parent: TableDefinition): { sql: string; parameters: number } {
  const selects = parent.childTables.map((table) => {
    const link = TABLES[table].parent;
    if (link.table === 'top') throw new Error(`${table} has no foreign key`);
    const key = `"${link.foreignKey}"`;
    return (
      `SELECT ${key} AS parentId, '${table}' AS tbl, "id", "created" FROM "${table}" ` +
      `WHERE ${key} IN (SELECT value FROM json_each(?))`
    );
  });
  return { sql: selects.join(' UNION ALL '), parameters: selects.length };
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
  const children = childrenOf(parent);
  const ids = JSON.stringify(parentIds);
  const idParameters = Array.from({ length: children.parameters }, () => ids);

  const totals = await prisma.$queryRawUnsafe<{ parentId: string; total: number | bigint }[]>(
    `SELECT parentId, COUNT(*) AS total FROM (${children.sql}) GROUP BY parentId`,
    ...idParameters,
  );
  for (const { parentId, total } of totals) {
    pages.set(parentId, { startIndex, length: Number(total), indexes: [] });
  }
  if (pages.size === 0 || [...pages.values()].every((page) => page.length <= startIndex)) {
    return pages;
  }

  const rows = await prisma.$queryRawUnsafe<{ parentId: string; tbl: string; id: string }[]>(
    `SELECT parentId, tbl, id FROM (` +
      `SELECT parentId, tbl, id, ROW_NUMBER() OVER (PARTITION BY parentId ORDER BY created, id) AS position ` +
      `FROM (${children.sql})) WHERE position > ? AND position <= ? ORDER BY parentId, position`,
    ...idParameters,
    startIndex,
    startIndex + length,
  );
  for (const { parentId, tbl, id } of rows) {
    const reference: ChildReference = { table: tbl as ChildTable, id };
    pages.get(parentId)?.indexes.push(reference);
  }
  return pages;
}
