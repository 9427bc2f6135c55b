import type {
  ChildIndexPage,
  ChildReference,
  ChildTable,
  CrudTable,
} from '@smart-sync/shared-types';
import { integerOf, type DirectRow, type DirectSql } from './direct-sql';
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
 * array parameter (the list of parents is one parameter however long it is).
 */
function childrenOf(parent: TableDefinition, dialect: SqlDialect) {
  const selects = parent.childTables.map((table, index) => {
    const key = foreignKeyOf(table);
    return (
      `SELECT ${key} AS "parentId" FROM "${table}" ` +
      `WHERE ${key} IN (${dialect.textValuesOf(dialect.parameter(index + 1))})`
    );
  });
  return { sql: selects.join(' UNION ALL '), parameters: selects.length };
}

/**
 * A page of the children of `parentId` (an SQL expression) across the parent's child tables, in
 * creation order (`created`, then `id`). Each table's rows come from its (parent, created) index
 * in order, so the database reads about a page of them, not every child.
 */
function pageOf(parent: TableDefinition, parentId: string, limit: string, offset: string): string {
  const selects = parent.childTables.map(
    (table) =>
      `SELECT '${table}' AS tbl, "id", "created" FROM "${table}" ` +
      `WHERE ${foreignKeyOf(table)} = ${parentId}`,
  );
  return `${selects.join(' UNION ALL ')} ORDER BY "created", "id" LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * The rows of a page of each parent's children, with its `parentId`. PostgreSQL: one statement,
 * a page per parent through a lateral join (one round trip). SQLite has no lateral join, and
 * runs in process: one prepared statement per parent, the parent's id once per child table.
 */
async function pageRows(
  prisma: RawQueries,
  parent: TableDefinition,
  parentIds: string[],
  startIndex: number,
  length: number,
): Promise<DirectRow[]> {
  const dialect = prisma.$sqlDialect;
  if (parentIds.length === 0) return [];
  if (dialect.kind === 'postgresql') {
    const [first, second, third] = [1, 2, 3].map((n) => dialect.parameter(n));
    const page = pageOf(parent, 'p."parentId"', second, third);
    return prisma.$directSql.rows(
      `SELECT p."parentId", c.tbl, c.id FROM (${dialect.textValuesOf(first)}) AS p("parentId") ` +
        `CROSS JOIN LATERAL (${page}) AS c ORDER BY p."parentId", c."created", c."id"`,
      [JSON.stringify(parentIds), length, startIndex],
    );
  }
  const page = pageOf(parent, '?', '?', '?');
  const pages = await Promise.all(
    parentIds.map(async (parentId) => {
      const rows = await prisma.$directSql.rows(page, [
        ...parent.childTables.map(() => parentId),
        length,
        startIndex,
      ]);
      return rows.map((row) => ({ ...row, parentId }));
    }),
  );
  return pages.flat();
}

function foreignKeyOf(table: CrudTable): string {
  const link = TABLES[table].parent;
  if (link.table === 'top') throw new Error(`${table} has no foreign key`);
  return `"${link.foreignKey}"`;
}

/**
 * Pages of the children of several parents (departments) across all their child tables, merged in
 * creation order (`created`, then `id`): one query counts the children of every parent, then one
 * per parent that has any at `startIndex` reads its page. Parents with no children are missing
 * from the map.
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
  const children = childrenOf(parent, prisma.$sqlDialect);
  const ids = JSON.stringify(parentIds);
  const totals = await prisma.$directSql.rows(
    `SELECT "parentId", COUNT(*) AS total FROM (${children.sql}) AS c GROUP BY "parentId"`,
    Array.from({ length: children.parameters }, () => ids),
  );
  for (const { parentId, total } of totals) {
    pages.set(String(parentId), { startIndex, length: integerOf(total), indexes: [] });
  }

  const withRows = [...pages].filter(([, page]) => page.length > startIndex).map(([id]) => id);
  for (const { parentId, tbl, id } of await pageRows(
    prisma,
    parent,
    withRows,
    startIndex,
    length,
  )) {
    const reference: ChildReference = { table: String(tbl) as ChildTable, id: String(id) };
    pages.get(String(parentId))?.indexes.push(reference);
  }
  return pages;
}
