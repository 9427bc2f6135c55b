import { DepartmentSource, flattenTree, LazyRows, RowSource } from './flatten-tree';
import { nodeKey } from './node-key';

/** A lazy array that records which indexes were read. */
function lazyChildren(length: number, reads: number[]): LazyRows<RowSource> {
  return new Proxy({ length } as LazyRows<RowSource>, {
    get(target, prop) {
      if (typeof prop === 'string' && /^\d+$/.test(prop)) {
        reads.push(Number(prop));
        return { id: `docs:${prop}`, name: `Doc ${prop}` };
      }
      return Reflect.get(target, prop);
    },
  });
}

function department(id: string, children: LazyRows<RowSource>): DepartmentSource {
  return { id, name: `Department ${id}`, children };
}

const everything = { start: 0, end: Number.MAX_SAFE_INTEGER };

describe('flattenTree', () => {
  it('lists collapsed departments at level 1 with their positions and child counts', () => {
    const reads: number[] = [];
    const { nodes } = flattenTree(
      [department('a', lazyChildren(2, reads)), department('b', lazyChildren(0, reads))],
      new Set(),
      everything,
    );
    expect(nodes).toEqual([
      expect.objectContaining({
        key: nodeKey({ kind: 'department', departmentId: 'a' }),
        id: 'a',
        level: 1,
        kind: 'departments',
        name: 'Department a',
        position: 1,
        siblings: 2,
        expanded: false,
        childCount: 2,
      }),
      expect.objectContaining({
        key: nodeKey({ kind: 'department', departmentId: 'b' }),
        id: 'b',
        level: 1,
        position: 2,
        siblings: 2,
        expanded: false,
        childCount: 0,
      }),
    ]);
    expect(reads).toEqual([]);
  });

  it('lists the children of an expanded department at level 2, with their kind from the id', () => {
    const reads: number[] = [];
    const { nodes, rows } = flattenTree(
      [department('a', lazyChildren(2, reads))],
      new Set(['a']),
      everything,
    );
    expect(
      nodes.map((node) => [node.level, node.id, node.kind, node.position, node.siblings]),
    ).toEqual([
      [1, 'a', 'departments', 1, 1],
      [2, 'docs:0', 'docs', 1, 2],
      [2, 'docs:1', 'docs', 2, 2],
    ]);
    expect(rows.get('c:a:1')).toEqual({ id: 'docs:1', name: 'Doc 1' });
  });

  it('reads only the children whose flat position is in range', () => {
    const reads: number[] = [];
    const { nodes } = flattenTree(
      [department('big', lazyChildren(10_000, reads))],
      new Set(['big']),
      {
        start: 5001,
        end: 5011,
      },
    );
    expect(nodes).toHaveLength(10_001);
    expect(reads).toEqual([5000, 5001, 5002, 5003, 5004, 5005, 5006, 5007, 5008, 5009]);
    expect(nodes[1]).toEqual(
      expect.objectContaining({
        key: nodeKey({ kind: 'child', departmentId: 'big', index: 0 }),
        loading: true,
        name: '',
        id: '',
      }),
    );
    expect(nodes[5001]).toEqual(
      expect.objectContaining({
        key: nodeKey({ kind: 'child', departmentId: 'big', index: 5000 }),
        loading: false,
        name: 'Doc 5000',
      }),
    );
  });

  it('shows rows that are still loading as placeholders without a kind', () => {
    const loadingChild: LazyRows<RowSource> = {
      length: 1,
      0: { id: 'index-0', name: '', isLoading: true },
    };
    const { nodes, rows } = flattenTree(
      [
        { id: 'a', name: '', isLoading: false, children: loadingChild },
        { id: 'b', name: '', isLoading: true, children: { length: 0 } },
      ],
      new Set(['a', 'b']),
      everything,
    );
    expect(nodes[1]).toEqual(expect.objectContaining({ level: 2, loading: true, kind: undefined }));
    expect(nodes[2]).toEqual(
      expect.objectContaining({ level: 1, loading: true, kind: undefined, expanded: false }),
    );
    expect(rows.has('c:a:0')).toBe(false);
  });
});
