import { TreeNodeView } from './tree-node-view';

/** What a key pressed on the active tree row asks for; every action names the row it acts on. */
export type TreeKeyAction =
  | { readonly kind: 'focus'; readonly index: number }
  | { readonly kind: 'expand'; readonly index: number }
  | { readonly kind: 'collapse'; readonly index: number }
  | { readonly kind: 'edit'; readonly index: number }
  | { readonly kind: 'delete'; readonly index: number };

function hasChildren(row: TreeNodeView): boolean {
  return row.level === 1 && !row.loading && (row.childCount ?? 0) > 0;
}

/** The department row a child row sits under: the nearest level-1 row above it. */
function parentIndex(rows: readonly TreeNodeView[], index: number): number {
  for (let at = index - 1; at >= 0; at--) {
    if (rows[at].level === 1) {
      return at;
    }
  }
  return -1;
}

/**
 * The WAI-ARIA tree pattern's keys, as a pure mapping from (key, visible rows, active row) to an
 * action; undefined when the key means nothing here. Loading rows are positions like any other
 * (moving over them must work, and they turn into real rows once in view) but can't be expanded,
 * edited or deleted. Nothing can be edited or deleted unless the rows are `editable` by the user.
 */
export function treeKeyAction(
  key: string,
  rows: readonly TreeNodeView[],
  active: number,
  editable: boolean,
): TreeKeyAction | undefined {
  if (rows.length === 0) {
    return undefined;
  }
  const last = rows.length - 1;
  const index = Math.min(Math.max(active, 0), last);
  const row = rows[index];
  switch (key) {
    case 'ArrowDown':
      return { kind: 'focus', index: Math.min(index + 1, last) };
    case 'ArrowUp':
      return { kind: 'focus', index: Math.max(index - 1, 0) };
    case 'Home':
      return { kind: 'focus', index: 0 };
    case 'End':
      return { kind: 'focus', index: last };
    case 'ArrowRight':
      if (!hasChildren(row)) {
        return undefined;
      }
      return row.expanded ? { kind: 'focus', index: index + 1 } : { kind: 'expand', index };
    case 'ArrowLeft': {
      if (hasChildren(row) && row.expanded) {
        return { kind: 'collapse', index };
      }
      const parent = row.level === 2 ? parentIndex(rows, index) : -1;
      return parent < 0 ? undefined : { kind: 'focus', index: parent };
    }
    case 'F2':
    case 'Enter':
      return row.loading || !editable ? undefined : { kind: 'edit', index };
    case 'Delete':
      return row.loading || !editable ? undefined : { kind: 'delete', index };
    default:
      return undefined;
  }
}
