import { CdkVirtualScrollViewport, ScrollingModule } from '@angular/cdk/scrolling';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import { ChildTable } from '@smart-sync/shared-types';
import { filter, Observable, of } from 'rxjs';
import { DepartmentChildEffects } from '../entities/department-child-effects';
import { EntitySignals } from '../entities/entity-signals';
import { newRowId } from '../entities/new-row-id';
import { SocketService } from '../socket/socket.service';
import { ConfirmDeleteData, ConfirmDeleteDialog } from './confirm-delete-dialog';
import { LocationPicker } from './location-picker';
import { LocationTreeState } from './location-tree-state';
import { NODE_KINDS } from './node-kinds';
import { TreeNode } from './tree-node';
import { TreeNodeView } from './tree-node-view';

/** Rows are this tall; the virtual scroller relies on it. */
export const ROW_HEIGHT = 40;

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The screen's container: picks the location, flattens its departments into a virtual-scroll
 * tree and turns the rows' events into SmartNgRX edits (assign a name, delete, add to store).
 */
@Component({
  selector: 'app-location-tree',
  imports: [ScrollingModule, LocationPicker, TreeNode],
  templateUrl: './location-tree.html',
  styleUrl: './location-tree.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [LocationTreeState],
})
export class LocationTree {
  protected readonly state = inject(LocationTreeState);
  private readonly entities = inject(EntitySignals);
  private readonly dialog = inject(MatDialog);
  private readonly viewport = viewChild.required(CdkVirtualScrollViewport);

  protected readonly rowHeight = ROW_HEIGHT;
  /** The client id of the row in the inline editor. */
  protected readonly editingId = signal<string | null>(null);
  protected readonly editingLocation = signal(false);
  /** New rows not saved yet, by temporary id → their department. */
  private readonly pendingAdds = new Map<string, string>();

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => {
      this.viewport()
        .renderedRangeStream.pipe(takeUntilDestroyed(destroyRef))
        .subscribe((range) => this.state.range.set(range));
    });
    inject(DepartmentChildEffects)
      .addOutcome.pipe(takeUntilDestroyed())
      .subscribe(({ tempId, accepted }) => this.settleAdd(tempId, accepted));
    inject(SocketService)
      .reconnected.pipe(takeUntilDestroyed())
      .subscribe(() => this.entities.refreshAll());
  }

  protected trackKey(_index: number, node: TreeNodeView): string {
    return node.key;
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
  }

  protected cancelEdit(node: TreeNodeView): void {
    this.editingId.set(null);
    if (this.pendingAdds.has(node.id)) {
      this.discardNewRow(node.id);
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

  /** Adds an unsaved row at the end of the department and opens it in the editor. */
  protected add(node: TreeNodeView, table: ChildTable): void {
    const department = this.state.tree().departments.get(node.departmentId);
    if (department === undefined) {
      return;
    }
    this.state.expand(department.id);
    const tempId = newRowId(table);
    const index = department.children.length;
    department.children.addToStore?.(
      { id: tempId, name: `New ${NODE_KINDS[table].label.toLowerCase()}`, version: 0 },
      department,
    );
    this.pendingAdds.set(tempId, department.id);
    this.editingLocation.set(false);
    this.editingId.set(tempId);
    const position = this.state
      .nodes()
      .findIndex((row) => row.key === `c:${department.id}:${index}`);
    if (position >= 0) {
      this.viewport().scrollToIndex(position);
    }
  }

  protected renameLocation(name: string): void {
    const location = this.state.location();
    this.editingLocation.set(false);
    if (location !== undefined) {
      location.name = name;
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

  private settleAdd(tempId: string, accepted: boolean): void {
    if (!accepted && this.pendingAdds.has(tempId)) {
      this.discardNewRow(tempId);
    }
    this.pendingAdds.delete(tempId);
  }

  private discardNewRow(tempId: string): void {
    const department = this.state.tree().departments.get(this.pendingAdds.get(tempId) ?? '');
    this.pendingAdds.delete(tempId);
    if (department === undefined) {
      return;
    }
    department.children.removeFromStore?.({ id: tempId, name: '', version: 0 }, department);
    // SmartNgRX miscounts a virtual array after removeFromStore; the server's row is the truth.
    this.entities.refresh('departments', [department.id]);
  }
}
