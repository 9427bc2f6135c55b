import { rowDelegate, TABLES } from '@smart-sync/server-db';
import { CRUD_TABLES, type CrudTable } from '@smart-sync/shared-types';

/** A location with a department holding one row of each child table: the id of each table's row. */
export type TestTree = Record<CrudTable, string>;

/**
 * Makes a {@link TestTree} straight in the database (no notifications), table by table through the
 * registry: a table added later (`nx g @smart-sync/plugin:table`) gets its row too. Rows are named
 * `<name> <table>`.
 */
export async function createTestTree(client: object, name: string): Promise<TestTree> {
  const tree: Partial<TestTree> = {};
  const create = async (table: CrudTable) => {
    const { parent } = TABLES[table];
    const data = { name: `${name} ${table}` };
    if (parent.table !== 'top') Object.assign(data, { [parent.foreignKey]: tree[parent.table] });
    tree[table] = (await rowDelegate(client, TABLES[table]).create({ data })).id;
  };
  // Parents first; siblings at once.
  await create('locations');
  await create('departments');
  await Promise.all(CRUD_TABLES.filter((table) => !(table in tree)).map(create));
  return tree as TestTree;
}
