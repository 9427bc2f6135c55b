import { CrudTable } from '@smart-sync/shared-types/mini';
import { toClientId } from '@smart-sync/socket-translation';

const NEW_ROW_PREFIX = 'new-';
let created = 0;

/** A temporary client id for a row that is not saved yet, e.g. `docs:new-lx3k2-1`, `new-lx3k2-2`. */
export function newRowId(table: CrudTable): string {
  return toClientId({ table, id: `${NEW_ROW_PREFIX}${Date.now().toString(36)}-${++created}` });
}

/**
 * True for ids the server cannot know: unsaved rows and SmartNgRX's placeholders for virtual-array
 * positions whose id is not loaded yet (`index-5`, `indexNoOp-5`).
 */
export function isPlaceholderId(id: string): boolean {
  return (
    id.startsWith('index-') ||
    id.startsWith('indexNoOp-') ||
    id.slice(id.indexOf(':') + 1).startsWith(NEW_ROW_PREFIX)
  );
}
