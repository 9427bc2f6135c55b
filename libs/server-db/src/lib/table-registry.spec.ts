import { CHILD_TABLES, CRUD_TABLES, PARENT_TABLE } from '@smart-sync/shared-types';
import { Prisma } from '../generated/prisma/client';
import {
  descendantFilters,
  isSyncedModel,
  parentTableOf,
  TABLES,
  tableOfModel,
  UNSYNCED_MODELS,
} from './table-registry';

describe('table registry', () => {
  it('defines every CRUD table with the parent shared-types names', () => {
    expect(Object.keys(TABLES).sort()).toEqual([...CRUD_TABLES].sort());
    for (const table of CRUD_TABLES) expect(parentTableOf(table)).toBe(PARENT_TABLE[table]);
  });

  it('derives each table’s child tables from the parents', () => {
    expect(TABLES.locations.childTables).toEqual(['departments']);
    expect(TABLES.departments.childTables).toEqual(CHILD_TABLES);
    expect(CHILD_TABLES.slice(0, 4)).toEqual(['docs', 'folders', 'lists', 'sprintFolders']);
    expect(TABLES.docs.childTables).toEqual([]);
  });

  it('finds a table by its Prisma model', () => {
    expect(tableOfModel('SprintFolder').table).toBe('sprintFolders');
    expect(() => tableOfModel('User')).toThrow(/unknown Prisma model "User"/);
  });

  it('leaves out exactly the models listed as not synced, and knows every other model', () => {
    const models = Object.values(Prisma.ModelName);
    const synced = models.filter(isSyncedModel);
    expect(synced.sort()).toEqual(
      Object.values(TABLES)
        .map((d) => d.model)
        .sort(),
    );
    expect(models.filter((model) => !isSyncedModel(model)).sort()).toEqual(
      [...UNSYNCED_MODELS].sort(),
    );
    expect(UNSYNCED_MODELS).toEqual(['User', 'Grant', 'Session']);
  });

  it('lists what a delete cascades to, with filters through the relations', () => {
    const filters = descendantFilters('locations', 'L').map(({ definition, where }) => [
      definition.table,
      where,
    ]);
    expect(filters.slice(0, 5)).toEqual([
      ['departments', { locationId: 'L' }],
      ['docs', { department: { locationId: 'L' } }],
      ['folders', { department: { locationId: 'L' } }],
      ['lists', { department: { locationId: 'L' } }],
      ['sprintFolders', { department: { locationId: 'L' } }],
    ]);
    // A department child kind added later cascades the same way.
    expect(filters.slice(1)).toEqual(
      CHILD_TABLES.map((table) => [table, { department: { locationId: 'L' } }]),
    );
    expect(descendantFilters('departments', 'D')[0].where).toEqual({ departmentId: 'D' });
    expect(descendantFilters('docs', 'x')).toEqual([]);
  });
});
