import { toServerRef } from '@smart-sync/socket-translation';
import { nodeKey } from './node-key';
import { TreeNodeView } from './tree-node-view';

/** A row as SmartNgRX hands it out: assigning `name` saves it, `delete()` deletes it. */
export interface RowSource {
  readonly id: string;
  name: string;
  readonly version?: number;
  readonly isLoading?: boolean;
  delete?(): void;
}

/** An array whose items are produced (and loaded) only when read, such as a SmartNgRX array. */
export interface LazyRows<Row> {
  readonly length: number;
  readonly [index: number]: Row | string;
}

export interface DepartmentSource extends RowSource {
  readonly children: LazyRows<RowSource>;
}

/** The flat positions whose rows are read; every other child row stays an unread placeholder. */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

/** The flattened rows, and the rows and departments they were read from. */
export interface FlatTree<Department extends DepartmentSource> {
  readonly nodes: TreeNodeView[];
  /** Rows read while flattening, by node key, for the container's edit and delete actions. */
  readonly rows: ReadonlyMap<string, RowSource>;
  readonly departments: ReadonlyMap<string, Department>;
}

function rowAt<Row>(rows: LazyRows<Row>, index: number): Row | undefined {
  const row = rows[index];
  return typeof row === 'string' ? undefined : row;
}

/**
 * Flattens departments (level 1) and the children of expanded ones (level 2) into tree rows.
 * Departments are all read; a child row is read only when its flat position is in `range`, so a
 * department with 10,000 children costs 10,000 placeholders and a screenful of loads.
 */
export function flattenTree<Department extends DepartmentSource>(
  departments: readonly Department[],
  expanded: ReadonlySet<string>,
  range: RowRange,
): FlatTree<Department> {
  const nodes: TreeNodeView[] = [];
  const rows = new Map<string, RowSource>();
  const departmentsById = new Map<string, Department>();
  departments.forEach((department, departmentIndex) => {
    const loading = department.isLoading === true;
    const childCount = loading ? 0 : department.children.length;
    const isExpanded = !loading && expanded.has(department.id);
    const key = nodeKey({ kind: 'department', departmentId: department.id });
    nodes.push({
      key,
      id: department.id,
      level: 1,
      kind: loading ? undefined : 'departments',
      name: department.name,
      loading,
      position: departmentIndex + 1,
      siblings: departments.length,
      expanded: isExpanded,
      childCount,
      departmentId: department.id,
    });
    rows.set(key, department);
    departmentsById.set(department.id, department);
    if (!isExpanded) {
      return;
    }
    for (let index = 0; index < childCount; index++) {
      const childKey = nodeKey({ kind: 'child', departmentId: department.id, index });
      const inRange = nodes.length >= range.start && nodes.length < range.end;
      const child = inRange ? rowAt(department.children, index) : undefined;
      const childLoading = child === undefined || child.isLoading === true;
      nodes.push({
        key: childKey,
        id: childLoading ? '' : child.id,
        level: 2,
        kind: childLoading ? undefined : toServerRef(child.id).table,
        name: childLoading ? '' : child.name,
        loading: childLoading,
        position: index + 1,
        siblings: childCount,
        departmentId: department.id,
      });
      if (!childLoading) {
        rows.set(childKey, child);
      }
    }
  });
  return { nodes, rows, departments: departmentsById };
}
