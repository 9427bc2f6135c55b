import {
  CRUD_TABLES,
  PARENT_TABLE,
  type CrudTable,
  type ServerTable,
} from '@smart-sync/shared-types';

/** The Prisma client property of each table (`prisma.sprintFolder` for `sprintFolders`). */
export type DelegateName = 'location' | 'department' | 'doc' | 'folder' | 'list' | 'sprintFolder';
/** The Prisma model name of each table, as client extensions see it. */
export type ModelName = 'Location' | 'Department' | 'Doc' | 'Folder' | 'List' | 'SprintFolder';

/** Where a row's parent is: a foreign key (and its relation) to a table, or the virtual top row. */
export type ParentLink =
  | { table: 'top' }
  | {
      table: CrudTable;
      foreignKey: 'locationId' | 'departmentId';
      relation: 'location' | 'department';
    };

export interface TableDefinition {
  table: CrudTable;
  model: ModelName;
  delegate: DelegateName;
  parent: ParentLink;
  /** The tables whose rows hang off this table's rows (deleted with them by the database). */
  childTables: readonly CrudTable[];
  /** How a loaded row lists its children: every id, a first page of references, or not at all. */
  childList: 'ids' | 'page' | 'none';
}

type Declared = Omit<TableDefinition, 'table' | 'childTables'>;

const departmentParent = {
  table: 'departments',
  foreignKey: 'departmentId',
  relation: 'department',
} as const;

/** Everything the generic CRUD and the change recorder know about the tables; nothing else does. */
const DECLARED: Record<CrudTable, Declared> = {
  locations: {
    model: 'Location',
    delegate: 'location',
    parent: { table: 'top' },
    childList: 'ids',
  },
  departments: {
    model: 'Department',
    delegate: 'department',
    parent: { table: 'locations', foreignKey: 'locationId', relation: 'location' },
    childList: 'page',
  },
  docs: { model: 'Doc', delegate: 'doc', parent: departmentParent, childList: 'none' },
  folders: { model: 'Folder', delegate: 'folder', parent: departmentParent, childList: 'none' },
  lists: { model: 'List', delegate: 'list', parent: departmentParent, childList: 'none' },
  sprintFolders: {
    model: 'SprintFolder',
    delegate: 'sprintFolder',
    parent: departmentParent,
    childList: 'none',
  },
};

function define(table: CrudTable): TableDefinition {
  const declared = DECLARED[table];
  if (declared.parent.table !== PARENT_TABLE[table]) {
    throw new Error(`Table registry: ${table}'s parent disagrees with shared-types' PARENT_TABLE`);
  }
  return {
    table,
    ...declared,
    childTables: CRUD_TABLES.filter((child) => DECLARED[child].parent.table === table),
  };
}

export const TABLES: Readonly<Record<CrudTable, TableDefinition>> = Object.fromEntries(
  CRUD_TABLES.map((table) => [table, define(table)]),
) as Record<CrudTable, TableDefinition>;

const BY_MODEL = new Map(Object.values(TABLES).map((definition) => [definition.model, definition]));

export function tableOf(table: CrudTable): TableDefinition {
  return TABLES[table];
}

/** The definition of a Prisma model's table; throws for a model the registry does not know. */
export function tableOfModel(model: string): TableDefinition {
  const definition = BY_MODEL.get(model as ModelName);
  if (!definition) throw new Error(`Table registry: unknown Prisma model "${model}"`);
  return definition;
}

/** The table that holds a table's parent row (`top` for locations). */
export function parentTableOf(table: CrudTable): ServerTable {
  return TABLES[table].parent.table;
}

export interface DescendantFilter {
  definition: TableDefinition;
  where: Record<string, unknown>;
}

/**
 * Every table below `ancestor` (children, grandchildren, …) with the Prisma `where` that selects
 * its rows under the ancestor row `id`, nearest tables first: what a delete of that row cascades to.
 */
export function descendantFilters(ancestor: CrudTable, id: string): DescendantFilter[] {
  const result: DescendantFilter[] = [];
  const visit = (table: CrudTable, whereOfTable: Record<string, unknown> | null) => {
    for (const child of TABLES[table].childTables) {
      const definition = TABLES[child];
      const link = definition.parent;
      if (link.table === 'top') continue;
      const where = whereOfTable ? { [link.relation]: whereOfTable } : { [link.foreignKey]: id };
      result.push({ definition, where });
      visit(child, where);
    }
  };
  visit(ancestor, null);
  return result;
}
