import { ChildTable, CrudTable } from '@smart-sync/shared-types/mini';

/** What a tree row shows: a department or one of the four child kinds. */
export type NodeKind = 'departments' | ChildTable;

interface KindLook {
  /** Singular label, as in the add menu and a new row's name. */
  readonly label: string;
  /** Material Symbols ligature. */
  readonly icon: string;
}

/** How each kind of row looks: tree rows, and the selected location's new rows. */
export const NODE_KINDS: Readonly<Record<CrudTable, KindLook>> = {
  locations: { label: 'Location', icon: 'location_on' },
  departments: { label: 'Department', icon: 'apartment' },
  docs: { label: 'Doc', icon: 'description' },
  folders: { label: 'Folder', icon: 'folder' },
  lists: { label: 'List', icon: 'checklist' },
  sprintFolders: { label: 'Sprint folder', icon: 'directions_run' },
};
