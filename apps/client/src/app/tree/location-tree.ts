import { CdkVirtualScrollViewport, ScrollingModule } from '@angular/cdk/scrolling';
import {
  afterNextRender,
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
  viewChild,
  viewChildren,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import { ChildTable, TOP_ID } from '@smart-sync/shared-types';
import { filter, Observable, of } from 'rxjs';
import { ConfirmDeleteData, ConfirmDeleteDialog } from './confirm-delete-dialog';
import { LocationPicker } from './location-picker';
import { LocationTreeState } from './location-tree-state';
import { NewRows } from './new-rows';
import { nodeKey } from './node-key';
import { treeKeyAction } from './tree-keyboard';
import { TreeNode } from './tree-node';
import { TreeNodeView } from './tree-node-view';

/** Rows are this tall; the virtual scroller relies on it. */
export const ROW_HEIGHT = 40;

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The screen's container: picks the location, flattens its departments into a virtual-scroll
 * tree and turns the rows' and the picker's events into SmartNgRX edits (assign a name, delete,
 * add to store).
 */
@Component({
  selector: 'app-location-tree',
  imports: [ScrollingModule, LocationPicker, TreeNode],
  templateUrl: './location-tree.html',
  styleUrl: './location-tree.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [LocationTreeState, NewRows],
})
export class LocationTree {
  protected readonly state = inject(LocationTreeState);
  private readonly newRows = inject(NewRows);
  private readonly dialog = inject(MatDialog);
  private readonly viewport = viewChild.required(CdkVirtualScrollViewport);
  /** The rows the virtual scroller has rendered. */
  private readonly renderedRows = viewChildren(TreeNode);

  protected readonly rowHeight = ROW_HEIGHT;
  /** The client id of the row in the inline editor. */
  protected readonly editingId = signal<string | null>(null);
  protected readonly editingLocation = signal(false);

  /** The active row (the tree's one tab stop) by key, and the position it was last seen at. */
  private readonly active = signal({ key: '', index: 0 });
  /** Where the active row is now; the first row by default, the nearest one once it is gone. */
  protected readonly activeIndex = computed(() => {
    const nodes = this.state.nodes();
    const { key, index } = this.active();
    const found = nodes.findIndex((node) => node.key === key);
    return found >= 0 ? found : Math.max(Math.min(index, nodes.length - 1), 0);
  });
  /** A row to focus as soon as the virtual scroller has rendered it. */
  private readonly focusKey = signal<string | null>(null);

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      this.viewport()
        .renderedRangeStream.pipe(takeUntilDestroyed(destroyRef))
        .subscribe((range) => this.state.range.set(range));
    });
    afterRenderEffect(() => {
      const key = this.focusKey();
      if (key === null) {
        return;
      }
      const row = this.renderedRows().find((rendered) => rendered.node().key === key);
      if (row !== undefined) {
        row.focus();
        this.focusKey.set(null);
      } else if (!this.state.nodes().some((node) => node.key === key)) {
        this.focusKey.set(null);
      }
    });
  }

  protected trackKey(_index: number, node: TreeNodeView): string {
    return node.key;
  }

  /** Makes a row the tab stop when it (or anything in it) gets focus, by keyboard or pointer. */
  protected activate(node: TreeNodeView, index: number): void {
    this.active.set({ key: node.key, index });
  }

  /** The tree's keys, on a focused row only: keys typed in its editor or buttons stay theirs. */
  protected applyTreeKey(event: KeyboardEvent, index: number): void {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    const nodes = this.state.nodes();
    const action = treeKeyAction(event.key, nodes, index);
    if (action === undefined) {
      return;
    }
    event.preventDefault();
    const node = nodes[action.index];
    switch (action.kind) {
      case 'focus':
        this.focusRow(action.index);
        break;
      case 'expand':
        this.state.expand(node.departmentId);
        break;
      case 'collapse':
        this.state.collapse(node.departmentId);
        break;
      case 'edit':
        this.startEdit(node);
        break;
      case 'delete':
        this.remove(node);
        break;
    }
  }

  protected startEdit(node: TreeNodeView): void {
    this.editingLocation.set(false);
    this.editingId.set(node.id);
  }

  protected rename(node: TreeNodeView, name: string): void {
    const row = this.state.tree().rows.get(node.key);
    this.editingId.set(null);
    if (row !== undefined) {
      row.name = name;
    }
    this.focusRow(this.indexOf(node));
  }

  /** Closes the editor and focuses its row again, or the row above a new row it discards. */
  protected cancelEdit(node: TreeNodeView): void {
    const index = this.indexOf(node);
    this.editingId.set(null);
    if (this.newRows.isPending(node.id)) {
      this.newRows.discard(node.id);
      this.focusRow(Math.max(index - 1, 0));
    } else {
      this.focusRow(index);
    }
  }

  protected remove(node: TreeNodeView): void {
    const row = this.state.tree().rows.get(node.key);
    const childCount = node.childCount ?? 0;
    const confirmed =
      childCount === 0
        ? of(true)
        : this.confirm({
            what: 'department',
            name: node.name,
            cascade: count(childCount, 'child', 'children'),
          });
    confirmed.subscribe(() => row?.delete?.());
  }

  /** Adds an unsaved child at the end of the department and opens it in the editor. */
  protected add(node: TreeNodeView, table: ChildTable): void {
    const department = this.state.tree().departments.get(node.departmentId);
    if (department === undefined) {
      return;
    }
    this.state.expand(department.id);
    const index = department.children.length;
    const tempId = this.newRows.add(table, department.id);
    if (tempId !== undefined) {
      this.editRow(tempId, nodeKey({ kind: 'child', departmentId: department.id, index }));
    }
  }

  /** Adds an unsaved department at the end of the selected location and opens it in the editor. */
  protected addDepartment(): void {
    const location = this.state.location();
    const tempId = location && this.newRows.add('departments', location.id);
    if (tempId !== undefined) {
      this.editRow(tempId, nodeKey({ kind: 'department', departmentId: tempId }));
    }
  }

  /** Adds an unsaved location, selects it and opens it in the editor. */
  protected addLocation(): void {
    const tempId = this.newRows.add('locations', TOP_ID);
    if (tempId !== undefined) {
      this.state.choose(tempId);
      this.editingId.set(null);
      this.editingLocation.set(true);
    }
  }

  protected renameLocation(name: string): void {
    const location = this.state.location();
    this.editingLocation.set(false);
    if (location !== undefined) {
      location.name = name;
    }
  }

  protected cancelLocationEdit(): void {
    const id = this.state.location()?.id;
    this.editingLocation.set(false);
    if (id !== undefined && this.newRows.isPending(id)) {
      this.newRows.discard(id);
    }
  }

  protected removeLocation(): void {
    const location = this.state.location();
    if (location === undefined) {
      return;
    }
    const departments = location.departments.length;
    const confirmed =
      departments === 0
        ? of(true)
        : this.confirm({
            what: 'location',
            name: location.name,
            cascade: count(departments, 'department', 'departments'),
          });
    confirmed.subscribe(() => location.delete?.());
  }

  private confirm(data: ConfirmDeleteData): Observable<true> {
    return this.dialog
      .open<ConfirmDeleteDialog, ConfirmDeleteData, boolean>(ConfirmDeleteDialog, { data })
      .afterClosed()
      .pipe(filter((confirmed): confirmed is true => confirmed === true));
  }

  private indexOf(node: TreeNodeView): number {
    return this.state.nodes().findIndex((row) => row.key === node.key);
  }

  /** Makes a row active and focuses it, scrolling it into the rendered range first if need be. */
  private focusRow(index: number): void {
    const node = this.state.nodes().at(index);
    if (index < 0 || node === undefined) {
      return;
    }
    this.active.set({ key: node.key, index });
    if (!this.renderedRows().some((row) => row.node().key === node.key)) {
      this.viewport().scrollToIndex(index);
    }
    this.focusKey.set(node.key);
  }

  /** Opens a row in the editor and scrolls to it (by node key: a child's id may not be read). */
  private editRow(id: string, key: string): void {
    this.editingLocation.set(false);
    this.editingId.set(id);
    const position = this.state.nodes().findIndex((row) => row.key === key);
    if (position >= 0) {
      this.viewport().scrollToIndex(position);
    }
  }
}
