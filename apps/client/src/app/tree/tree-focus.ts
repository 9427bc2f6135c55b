import { CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import {
  afterRenderEffect,
  computed,
  contentChildren,
  Directive,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { RowAction } from './row-action';
import { treeKeyAction } from './tree-keyboard';
import { TreeNode } from './tree-node';
import { TreeNodeView } from './tree-node-view';

/** Where focus goes after an edit: to a row by position, or a new row scrolled into view. */
export type FocusRequest =
  | { readonly kind: 'focus'; readonly index: number }
  | { readonly kind: 'reveal'; readonly key: string };

/** A key pressed on a tree row that asks for more than moving focus. */
export interface KeyAction {
  readonly node: TreeNodeView;
  readonly action: RowAction;
}

/**
 * Focus and keys in the tree's virtual viewport (WAI-ARIA tree, roving tabindex): which row is the
 * one tab stop; the arrow, Home and End keys move focus (scrolling the row into the rendered range
 * first when need be); the other tree keys are handed on as row actions. Goes on the viewport,
 * given the rows: `<cdk-virtual-scroll-viewport [appTreeFocus]="nodes">`.
 */
@Directive({
  selector: 'cdk-virtual-scroll-viewport[appTreeFocus]',
  exportAs: 'treeFocus',
  host: {
    '(focusin)': 'activateRowOf($event)',
    '(keydown)': 'applyTreeKey($event)',
  },
})
export class TreeFocus {
  readonly nodes = input.required<readonly TreeNodeView[]>({ alias: 'appTreeFocus' });
  /** Whether the rows may be edited and deleted by key (Enter, F2, Delete). */
  readonly editable = input(false);
  /** Edit, delete, expand or collapse, asked for by a key on a row. */
  readonly keyAction = output<KeyAction>();

  private readonly viewport = inject(CdkVirtualScrollViewport);
  /** The rows the virtual scroller has rendered. */
  private readonly renderedRows = contentChildren(TreeNode, { descendants: true });
  /** The active row by key, and the position it was last seen at. */
  private readonly active = signal({ key: '', index: 0 });
  /** A row to focus as soon as the virtual scroller has rendered it. */
  private readonly pendingKey = signal<string | null>(null);

  /** Where the active row is now; the first row by default, the nearest one once it is gone. */
  readonly activeIndex = computed(() => {
    const nodes = this.nodes();
    const { key, index } = this.active();
    const found = nodes.findIndex((node) => node.key === key);
    return found >= 0 ? found : Math.max(Math.min(index, nodes.length - 1), 0);
  });

  constructor() {
    afterRenderEffect(() => {
      const key = this.pendingKey();
      if (key === null) {
        return;
      }
      const row = this.renderedRows().find((rendered) => rendered.node().key === key);
      if (row !== undefined) {
        row.focus();
        this.pendingKey.set(null);
      } else if (!this.nodes().some((node) => node.key === key)) {
        this.pendingKey.set(null);
      }
    });
  }

  /** Makes a row the tab stop when it (or anything in it) gets focus, by keyboard or pointer. */
  protected activateRowOf(event: FocusEvent): void {
    const target = event.target as Node | null;
    const row = this.renderedRows().find((rendered) => rendered.element.contains(target));
    const key = row?.node().key;
    const index = this.nodes().findIndex((node) => node.key === key);
    if (key !== undefined && index >= 0) {
      this.active.set({ key, index });
    }
  }

  /** The tree's keys, on a focused row only: keys typed in its editor or buttons stay theirs. */
  protected applyTreeKey(event: KeyboardEvent): void {
    const row = this.renderedRows().find((rendered) => rendered.element === event.target);
    if (row === undefined || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const nodes = this.nodes();
    const index = nodes.findIndex((node) => node.key === row.node().key);
    const action = treeKeyAction(event.key, nodes, index, this.editable());
    if (action === undefined) {
      return;
    }
    event.preventDefault();
    if (action.kind === 'focus') {
      this.focusRow(action.index);
    } else {
      this.keyAction.emit({ node: nodes[action.index], action: { kind: action.kind } });
    }
  }

  /** Makes a row active and focuses it, scrolling it into the rendered range first if need be. */
  focusRow(index: number): void {
    const node = this.nodes().at(index);
    if (index < 0 || node === undefined) {
      return;
    }
    this.active.set({ key: node.key, index });
    if (!this.renderedRows().some((row) => row.node().key === node.key)) {
      this.viewport.scrollToIndex(index);
    }
    this.pendingKey.set(node.key);
  }

  /** Does what an edit asks: focuses a row, or scrolls a new row into view (its editor takes focus). */
  follow(request: FocusRequest | undefined): void {
    if (request?.kind === 'focus') {
      this.focusRow(request.index);
    } else if (request?.kind === 'reveal') {
      const index = this.nodes().findIndex((node) => node.key === request.key);
      if (index >= 0) {
        this.viewport.scrollToIndex(index);
      }
    }
  }
}
