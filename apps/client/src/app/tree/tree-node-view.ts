import { NodeKind } from './node-kinds';

/** One row of the flat tree, as the presentational node component draws it. */
export interface TreeNodeView {
  /** Stable per position, for the virtual scroller's trackBy. */
  readonly key: string;
  /** The row's client id; empty while the row is not known yet. */
  readonly id: string;
  readonly level: 1 | 2;
  /** Undefined while loading. */
  readonly kind: NodeKind | undefined;
  readonly name: string;
  readonly loading: boolean;
  /** 1-based position among its siblings, and their count (for aria-posinset / aria-setsize). */
  readonly position: number;
  readonly siblings: number;
  /** Departments only: whether its children are shown, and how many it has. */
  readonly expanded?: boolean;
  readonly childCount?: number;
  /** The department this row is or belongs to. */
  readonly departmentId: string;
}
