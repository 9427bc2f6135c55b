import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { CHILD_TABLES, ChildTable } from '@smart-sync/shared-types';
import { NameEditor } from './name-editor';
import { NODE_KINDS } from './node-kinds';
import { TreeNodeView } from './tree-node-view';

/** One tree row: a department or a department child, with its edit, add and delete actions. */
@Component({
  selector: 'app-tree-node',
  imports: [MatButtonModule, MatIconModule, MatMenuModule, NameEditor],
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
  /** The tree's one tab stop (roving tabindex): the row the arrow keys move from. */
  readonly active = input(false);

  readonly toggleExpanded = output<void>();
  readonly startEdit = output<void>();
  readonly rename = output<string>();
  readonly cancelEdit = output<void>();
  readonly remove = output<void>();
  readonly add = output<ChildTable>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

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
    this.host.nativeElement.focus();
  }
}
