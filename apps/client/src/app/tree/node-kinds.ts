import { ChildTable } from '@smart-sync/shared-types';

/** What a tree row shows: a department or one of the four child kinds. */
export type NodeKind = 'departments' | ChildTable;

interface KindLook {
  /** Singular label, as in the add menu. */
  readonly label: string;
  /** Material Symbols ligature. */
  readonly icon: string;
}

export const NODE_KINDS: Readonly<Record<NodeKind, KindLook>> = {
  departments: { label: 'Department', icon: 'apartment' },
  docs: { label: 'Doc', icon: 'description' },
  folders: { label: 'Folder', icon: 'folder' },
  lists: { label: 'List', icon: 'checklist' },
  sprintFolders: { label: 'Sprint folder', icon: 'directions_run' },
};
