import { ConfirmDeleteData, deleteQuestion } from './confirm-delete';
import { RowSource } from './flatten-tree';
import { LocationTreeState } from './location-tree-state';
import { TreeNodeView } from './tree-node-view';

/** The row an action is about: the selected location, or a tree row. */
export type RowRef =
  { readonly kind: 'location' } | { readonly kind: 'node'; readonly node: TreeNodeView };

/** A row as the row actions need it, whichever kind it is. */
export interface RowTarget {
  /** Its client id; undefined while no location is selected. */
  readonly id: string | undefined;
  /** The live row: assigning `name` saves it, `delete()` deletes it; undefined if not read. */
  readonly row: RowSource | undefined;
  /** What to ask before deleting it; undefined when it takes no other rows with it. */
  readonly question: ConfirmDeleteData | undefined;
  /** A tree row's position now, to give focus back to; undefined for the location. */
  readonly index?: number;
}

/** What a ref stands for in the screen's state, as it is now. */
export function rowTarget(
  ref: RowRef,
  state: Pick<LocationTreeState, 'location' | 'tree' | 'nodes'>,
): RowTarget {
  if (ref.kind === 'location') {
    const location = state.location();
    const departments = location?.departments.length ?? 0;
    return {
      id: location?.id,
      row: location,
      question:
        location &&
        deleteQuestion('location', location.name, departments, ['department', 'departments']),
    };
  }
  const { node } = ref;
  return {
    id: node.id,
    row: state.tree().rows.get(node.key),
    question: deleteQuestion('department', node.name, node.childCount ?? 0, ['child', 'children']),
    index: state.nodes().findIndex((row) => row.key === node.key),
  };
}
