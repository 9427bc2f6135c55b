import { nodeKey } from './node-key';
import { treeKeyAction } from './tree-keyboard';
import { TreeNodeView } from './tree-node-view';

function department(id: string, childCount: number, expanded: boolean): TreeNodeView {
  return {
    key: nodeKey({ kind: 'department', departmentId: id }),
    id,
    level: 1,
    kind: 'departments',
    name: id,
    loading: false,
    position: 1,
    siblings: 2,
    expanded,
    childCount,
    departmentId: id,
  };
}

function child(departmentId: string, index: number, loading = false): TreeNodeView {
  return {
    key: nodeKey({ kind: 'child', departmentId, index }),
    id: loading ? '' : `docs:${departmentId}${index}`,
    level: 2,
    kind: loading ? undefined : 'docs',
    name: loading ? '' : `doc ${index}`,
    loading,
    position: index + 1,
    siblings: 2,
    departmentId,
  };
}

// 0 sales (expanded) · 1 its doc · 2 its unread child · 3 ops (collapsed, 4 children) · 4 empty
const rows: TreeNodeView[] = [
  department('sales', 2, true),
  child('sales', 0),
  child('sales', 1, true),
  department('ops', 4, false),
  department('empty', 0, false),
];

describe('treeKeyAction', () => {
  it('moves down and up one visible row, stopping at the ends', () => {
    expect(treeKeyAction('ArrowDown', rows, 0, true)).toEqual({ kind: 'focus', index: 1 });
    expect(treeKeyAction('ArrowDown', rows, 4, true)).toEqual({ kind: 'focus', index: 4 });
    expect(treeKeyAction('ArrowUp', rows, 3, true)).toEqual({ kind: 'focus', index: 2 });
    expect(treeKeyAction('ArrowUp', rows, 0, true)).toEqual({ kind: 'focus', index: 0 });
  });

  it('moves onto and past loading rows', () => {
    expect(treeKeyAction('ArrowDown', rows, 1, true)).toEqual({ kind: 'focus', index: 2 });
    expect(treeKeyAction('ArrowDown', rows, 2, true)).toEqual({ kind: 'focus', index: 3 });
  });

  it('jumps to the first and last rows with Home and End', () => {
    expect(treeKeyAction('Home', rows, 3, true)).toEqual({ kind: 'focus', index: 0 });
    expect(treeKeyAction('End', rows, 0, true)).toEqual({ kind: 'focus', index: 4 });
  });

  it('expands a collapsed department with ArrowRight, or moves into an expanded one', () => {
    expect(treeKeyAction('ArrowRight', rows, 3, true)).toEqual({ kind: 'expand', index: 3 });
    expect(treeKeyAction('ArrowRight', rows, 0, true)).toEqual({ kind: 'focus', index: 1 });
    expect(treeKeyAction('ArrowRight', rows, 4, true)).toBeUndefined();
    expect(treeKeyAction('ArrowRight', rows, 1, true)).toBeUndefined();
  });

  it('collapses an expanded department with ArrowLeft, or moves from a child to its department', () => {
    expect(treeKeyAction('ArrowLeft', rows, 0, true)).toEqual({ kind: 'collapse', index: 0 });
    expect(treeKeyAction('ArrowLeft', rows, 1, true)).toEqual({ kind: 'focus', index: 0 });
    expect(treeKeyAction('ArrowLeft', rows, 2, true)).toEqual({ kind: 'focus', index: 0 });
    expect(treeKeyAction('ArrowLeft', rows, 3, true)).toBeUndefined();
  });

  it('edits with F2 or Enter and deletes with Delete, but not a loading row', () => {
    expect(treeKeyAction('F2', rows, 1, true)).toEqual({ kind: 'edit', index: 1 });
    expect(treeKeyAction('Enter', rows, 3, true)).toEqual({ kind: 'edit', index: 3 });
    expect(treeKeyAction('Delete', rows, 4, true)).toEqual({ kind: 'delete', index: 4 });
    expect(treeKeyAction('Enter', rows, 2, true)).toBeUndefined();
    expect(treeKeyAction('Delete', rows, 2, true)).toBeUndefined();
  });

  it('neither edits nor deletes rows the user may not change, but still moves and expands', () => {
    expect(treeKeyAction('F2', rows, 1, false)).toBeUndefined();
    expect(treeKeyAction('Enter', rows, 3, false)).toBeUndefined();
    expect(treeKeyAction('Delete', rows, 4, false)).toBeUndefined();
    expect(treeKeyAction('ArrowDown', rows, 0, false)).toEqual({ kind: 'focus', index: 1 });
    expect(treeKeyAction('ArrowRight', rows, 3, false)).toEqual({ kind: 'expand', index: 3 });
  });

  it('ignores other keys, an empty tree, and clamps an active index that fell off the end', () => {
    expect(treeKeyAction('a', rows, 0, true)).toBeUndefined();
    expect(treeKeyAction('ArrowDown', [], 0, true)).toBeUndefined();
    expect(treeKeyAction('ArrowUp', rows, 9, true)).toEqual({ kind: 'focus', index: 3 });
  });

  it('lets skeleton rows (all loading) be moved over without other actions', () => {
    const skeletons = [0, 1, 2].map((index) => ({ ...child('s', index, true), level: 1 as const }));
    expect(treeKeyAction('ArrowDown', skeletons, 0, true)).toEqual({ kind: 'focus', index: 1 });
    expect(treeKeyAction('ArrowRight', skeletons, 0, true)).toBeUndefined();
    expect(treeKeyAction('Enter', skeletons, 0, true)).toBeUndefined();
  });
});
