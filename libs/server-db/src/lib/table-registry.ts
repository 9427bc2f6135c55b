import {
  CRUD_TABLES,
  PARENT_TABLE,
  type CrudTable,
  type ServerTable,
} from '@smart-sync/shared-types';
import { Prisma } from '../generated/prisma/client';

/** A Prisma model name, as client extensions see it (`SprintFolder`). */
export type ModelName = Prisma.ModelName;
/** The Prisma client property of a model (`prisma.sprintFolder`). */
export type DelegateName = Uncapitalize<ModelName>;

/** Where a row's parent is: a foreign key (and its relation) to a table, or the virtual top row. */
export type ParentLink =
  { table: 'top' } | { table: CrudTable; foreignKey: `${DelegateName}Id`; relation: DelegateName };

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

/**
 * The one declaration per table: its Prisma model and how its rows list their children. Parents
 * come from shared-types' PARENT_TABLE; delegate, foreign key and relation names follow from the
 * model names (`departmentId` → `department` → model `Department`).
 */
const DECLARED: Record<CrudTable, Pick<TableDefinition, 'model' | 'childList'>> = {
  locations: { model: Prisma.ModelName.Location, childList: 'ids' },
  departments: { model: Prisma.ModelName.Department, childList: 'page' },
  docs: { model: Prisma.ModelName.Doc, childList: 'none' },
  folders: { model: Prisma.ModelName.Folder, childList: 'none' },
  lists: { model: Prisma.ModelName.List, childList: 'none' },
  sprintFolders: { model: Prisma.ModelName.SprintFolder, childList: 'none' },
};

/**
 * The Prisma models that are not synced tables: identity and access (users, their grants per
 * location, sessions). They have no REST API and the change recorder reports nothing of them.
 */
export const UNSYNCED_MODELS: readonly ModelName[] = [
  Prisma.ModelName.User,
  Prisma.ModelName.Grant,
  Prisma.ModelName.Session,
];

function delegateOf(model: ModelName): DelegateName {
  return (model.charAt(0).toLowerCase() + model.slice(1)) as DelegateName;
}

function parentLink(table: CrudTable): ParentLink {
  const parent: ServerTable = PARENT_TABLE[table];
  if (parent === 'top') return { table: 'top' };
  const relation = delegateOf(DECLARED[parent].model);
  return { table: parent, relation, foreignKey: `${relation}Id` };
}

function define(table: CrudTable): TableDefinition {
  const { model, childList } = DECLARED[table];
  return {
    table,
    model,
    childList,
    delegate: delegateOf(model),
    parent: parentLink(table),
    childTables: CRUD_TABLES.filter((child) => PARENT_TABLE[child] === table),
  };
}

/** Everything the generic CRUD and the change recorder know about the tables; nothing else does. */
export const TABLES: Readonly<Record<CrudTable, TableDefinition>> = Object.fromEntries(
  CRUD_TABLES.map((table) => [table, define(table)]),
) as Record<CrudTable, TableDefinition>;

const BY_MODEL = new Map(Object.values(TABLES).map((definition) => [definition.model, definition]));

/** Whether a Prisma model is one of the synced tables (else one of {@link UNSYNCED_MODELS}). */
export function isSyncedModel(model: string): boolean {
  return BY_MODEL.has(model as ModelName);
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
