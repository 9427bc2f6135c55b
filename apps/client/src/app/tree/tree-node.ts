import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { CHILD_TABLES } from '@smart-sync/shared-types/mini';
import { NameEditor } from './name-editor';
import { NODE_KINDS } from './node-kinds';
import { PlainRowAction, RowAction } from './row-action';
import { TreeNodeView } from './tree-node-view';

/**
 * One tree row: a department or a department child, with its edit, add and delete actions when
 * the user may change it.
 */
@Component({
  selector: 'app-tree-node',
  imports: [MatIcon, MatIconButton, MatMenu, MatMenuItem, MatMenuTrigger, NameEditor],
  templateUrl: './tree-node.html',
  styleUrl: './tree-node.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    role: 'treeitem',
    '[attr.tabindex]': 'active() ? 0 : -1',
    '[attr.aria-level]': 'node().level',
    '[attr.aria-label]': 'label()',
    '[attr.aria-posinset]': 'node().position',
    '[attr.aria-setsize]': 'node().siblings',
    '[attr.aria-expanded]': 'expandable() ? node().expanded : null',
    '[attr.aria-busy]': 'node().loading || null',
    '[class.child]': 'node().level === 2',
  },
})
export class TreeNode {
  readonly node = input.required<TreeNodeView>();
  readonly editing = input(false);
  /** The text its editor starts from, when not its name (see NameEditor). */
  readonly draft = input<string>();
  /** Whether the user may rename, add under and delete it: else it has no such controls. */
  readonly editable = input(false);
  /** The tree's one tab stop (roving tabindex): the row the arrow keys move from. */
  readonly active = input(false);

  /** Everything the row's controls ask for: edit, rename, cancel, delete, expand, collapse, add. */
  readonly rowAction = output<RowAction>();

  /** The row's element (the treeitem), where the tree's keys and focus land. */
  readonly element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  /**
   * The Add menu's trigger, once the actions are there. Also keeps the menu's code in the app's
   * chunk: only the rendering of the actions waits, not a download.
   */
  protected readonly addMenuTrigger = viewChild(MatMenuTrigger);

  protected readonly childKinds = CHILD_TABLES.map((table) => ({ table, ...NODE_KINDS[table] }));
  protected readonly label = computed(() => (this.node().loading ? 'Loading' : this.node().name));
  protected readonly icon = computed(() => {
    const kind = this.node().kind;
    return kind === undefined ? '' : NODE_KINDS[kind].icon;
  });
  protected readonly expandable = computed(
    () => this.node().level === 1 && !this.node().loading && (this.node().childCount ?? 0) > 0,
  );

  focus(): void {
    this.element.focus();
  }

  /** Asks for an action that needs nothing more than its kind. */
  protected request(kind: PlainRowAction['kind']): void {
    this.rowAction.emit({ kind });
  }
}
