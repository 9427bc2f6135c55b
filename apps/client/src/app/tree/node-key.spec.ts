import { nodeKey } from './node-key';

describe('nodeKey', () => {
  it('keys departments by id, children by department and position, skeletons by position', () => {
    expect(nodeKey({ kind: 'department', departmentId: 'd1' })).toBe('d:d1');
    expect(nodeKey({ kind: 'child', departmentId: 'd1', index: 3 })).toBe('c:d1:3');
    expect(nodeKey({ kind: 'skeleton', index: 3 })).toBe('s:3');
  });

  it('never gives two rows the same key', () => {
    const keys = [
      nodeKey({ kind: 'department', departmentId: '1' }),
      nodeKey({ kind: 'department', departmentId: 'd1:0' }),
      nodeKey({ kind: 'child', departmentId: '1', index: 0 }),
      nodeKey({ kind: 'child', departmentId: 'd1', index: 0 }),
      nodeKey({ kind: 'child', departmentId: 'd1', index: 10 }),
      nodeKey({ kind: 'child', departmentId: 'd1:1', index: 0 }),
      nodeKey({ kind: 'skeleton', index: 0 }),
      nodeKey({ kind: 'skeleton', index: 1 }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });
});
