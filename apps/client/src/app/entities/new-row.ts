import { CrudTable } from '@smart-sync/shared-types/mini';
import { toClientTable } from '@smart-sync/socket-translation';
import { SmartEntityDefinition } from '@smarttools/smart-signals';
import {
  departmentChildrenDefinition,
  departmentsDefinition,
  locationsDefinition,
} from './entity-definitions';
import { newRowId } from './new-row-id';
import { NamedRow } from './rows';

const NAMED_DEFINITIONS: Readonly<Record<string, SmartEntityDefinition<NamedRow>>> = {
  locations: locationsDefinition,
  departments: departmentsDefinition,
  departmentChildren: departmentChildrenDefinition,
};

/**
 * A complete row of `table` that is not saved yet: the entity's default row (so child arrays
 * exist) under a temporary id, with the given name.
 */
export function newRow(table: CrudTable, name: string): NamedRow {
  return { ...NAMED_DEFINITIONS[toClientTable(table)].defaultRow(newRowId(table)), name };
}
