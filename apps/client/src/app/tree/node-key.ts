/** Which tree row a key names: a department, a department's child by position, or a skeleton row. */
export type NodeRef =
  | { readonly kind: 'department'; readonly departmentId: string }
  | { readonly kind: 'child'; readonly departmentId: string; readonly index: number }
  | { readonly kind: 'skeleton'; readonly index: number };

/**
 * A tree row's key: stable per position (the virtual scroller's trackBy), unique in the tree. A
 * child is keyed by its position, not its id, because its id is unknown until it has been read.
 */
export function nodeKey(ref: NodeRef): string {
  switch (ref.kind) {
    case 'department':
      return `d:${ref.departmentId}`;
    case 'child':
      return `c:${ref.departmentId}:${ref.index}`;
    case 'skeleton':
      return `s:${ref.index}`;
  }
}
