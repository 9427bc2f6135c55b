import {
  CdkFixedSizeVirtualScroll,
  CdkVirtualForOf,
  CdkVirtualScrollViewport,
} from '@angular/cdk/scrolling';
import { ChangeDetectionStrategy, Component, inject, viewChild } from '@angular/core';
import { LocationPicker } from './location-picker';
import { LocationTreeState } from './location-tree-state';
import { NewRows } from './new-rows';
import { RenderedRange } from './rendered-range';
import { RowAction } from './row-action';
import { RowRef } from './row-target';
import { TreeEdits } from './tree-edits';
import { TreeFocus } from './tree-focus';
import { TreeNode } from './tree-node';
import { TreeNodeView } from './tree-node-view';

/** Rows are this tall; the virtual scroller relies on it. */
export const ROW_HEIGHT = 40;

/**
 * The screen's container: the location picker over a virtual-scroll tree of the selected
 * location's departments. It reads the state, hands every row action (from the picker, a row or a
 * key) to the edits, and where focus goes next to the tree's focus.
 */
@Component({
  selector: 'app-location-tree',
  imports: [
    CdkFixedSizeVirtualScroll,
    CdkVirtualForOf,
    CdkVirtualScrollViewport,
    LocationPicker,
    RenderedRange,
    TreeFocus,
    TreeNode,
  ],
  templateUrl: './location-tree.html',
  styleUrl: './location-tree.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [LocationTreeState, NewRows, TreeEdits],
})
export class LocationTree {
  protected readonly state = inject(LocationTreeState);
  protected readonly edits = inject(TreeEdits);
  private readonly focus = viewChild.required(TreeFocus);

  protected readonly rowHeight = ROW_HEIGHT;
  protected readonly selectedLocation: RowRef = { kind: 'location' };

  protected trackKey(_index: number, node: TreeNodeView): string {
    return node.key;
  }

  protected applyRowAction(ref: RowRef, action: RowAction): void {
    this.focus().follow(this.edits.apply(ref, action));
  }
}
