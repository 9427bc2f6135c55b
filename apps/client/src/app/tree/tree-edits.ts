import { computed, inject, Injectable, Injector, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ChildTable, CrudTable, TOP_ID } from '@smart-sync/shared-types/mini';
import { RenameConflict, RenameConflicts } from '../entities/rename-conflicts';
import { confirmDelete } from './confirm-delete';
import { LocationTreeState } from './location-tree-state';
import { NewRows } from './new-rows';
import { nodeKey } from './node-key';
import { RowAction } from './row-action';
import { RowRef, rowTarget } from './row-target';
import { FocusRequest } from './tree-focus';
import { allows } from './tree-rights';

/** What an open editor knows besides its row: what the user edits, and from where. */
interface EditorState {
  /** The row's version when the editor opened: a rename is made from it. */
  readonly version?: number;
  /** Text to start from instead of the row's name: a refused rename's. */
  readonly draft?: string;
}

/** What is open in an editor: nothing, the selected location, or one tree row (by client id). */
export type Editing =
  | { readonly kind: 'nothing' }
  | ({ readonly kind: 'location' } & EditorState)
  | ({ readonly kind: 'row'; readonly id: string } & EditorState);

const NOTHING: Editing = { kind: 'nothing' };

/**
 * The screen's edits: the one editing state, and one path per row action for any kind of row
 * (open the editor, rename, cancel, delete, expand, collapse, add). Each says where focus goes.
 */
@Injectable()
export class TreeEdits {
  private readonly state = inject(LocationTreeState);
  private readonly newRows = inject(NewRows);
  private readonly injector = inject(Injector);
  private readonly conflicts = inject(RenameConflicts);
  private readonly editingState = signal<Editing>(NOTHING);

  readonly editing = this.editingState.asReadonly();
  readonly editingLocation = computed(() => this.editing().kind === 'location');
  /** The client id of the tree row in the editor, if any. */
  readonly editingRowId = computed(() => {
    const editing = this.editing();
    return editing.kind === 'row' ? editing.id : null;
  });
  /** The text the open editor starts from, when it is not the row's name. */
  readonly draft = computed(() => {
    const editing = this.editing();
    return editing.kind === 'nothing' ? undefined : editing.draft;
  });

  constructor() {
    this.conflicts.conflict.pipe(takeUntilDestroyed()).subscribe((conflict) => {
      this.reopen(conflict);
    });
  }

  /**
   * Applies a row's action, the same way for every kind of row; says where focus goes next. An
   * action the user's rights do not allow is ignored (its controls are not even shown).
   */
  apply(ref: RowRef, action: RowAction): FocusRequest | undefined {
    if (!allows(this.state.rights(), ref, action)) {
      return undefined;
    }
    const target = rowTarget(ref, this.state);
    const index = target.index;
    const department = ref.kind === 'node' ? ref.node.departmentId : undefined;
    switch (action.kind) {
      case 'edit': {
        const version = target.row?.version;
        this.editingState.set(
          ref.kind === 'location'
            ? { kind: 'location', version }
            : { kind: 'row', id: ref.node.id, version },
        );
        return undefined;
      }
      case 'rename': {
        const { version } = this.editingState() as EditorState;
        this.editingState.set(NOTHING);
        if (
          target.id !== undefined &&
          version !== undefined &&
          !this.newRows.isPending(target.id)
        ) {
          this.conflicts.editedAt(target.id, version);
        }
        if (target.row !== undefined) {
          target.row.name = action.name;
        }
        return index === undefined ? undefined : { kind: 'focus', index };
      }
      case 'cancel': {
        this.editingState.set(NOTHING);
        // A new row is discarded; focus goes to the row above it.
        const discard = target.id !== undefined && this.newRows.isPending(target.id);
        if (discard) {
          this.newRows.discard(target.id);
        }
        return index === undefined
          ? undefined
          : { kind: 'focus', index: discard ? Math.max(index - 1, 0) : index };
      }
      case 'delete':
        confirmDelete(this.injector, target.question).subscribe(() => target.row?.delete?.());
        return undefined;
      case 'expand':
        if (department !== undefined) {
          this.state.expand(department);
        }
        return undefined;
      case 'collapse':
        if (department !== undefined) {
          this.state.collapse(department);
        }
        return undefined;
      case 'add':
        return this.add(action.table, department);
    }
  }

  /**
   * Opens the editor of a row whose rename was refused (someone else changed it meanwhile) again,
   * with the typed name, made from the row's version now: saving again overwrites their change.
   * Not while another editor is open, nor for a location that is no longer the selected one.
   */
  private reopen({ id, name, version }: RenameConflict): void {
    if (this.editing().kind !== 'nothing') {
      return;
    }
    const isLocation = this.state.locationOptions().some((location) => location.id === id);
    if (isLocation && this.state.location()?.id !== id) {
      return;
    }
    this.editingState.set(
      isLocation
        ? { kind: 'location', version, draft: name }
        : { kind: 'row', id, version, draft: name },
    );
  }

  /** Adds an unsaved row of `table`, at the end of its parent's rows, and opens it in the editor. */
  private add(table: CrudTable, departmentId: string | undefined): FocusRequest | undefined {
    switch (table) {
      case 'locations':
        return this.addLocation();
      case 'departments':
        return this.addDepartment();
      default:
        return departmentId === undefined ? undefined : this.addChild(departmentId, table);
    }
  }

  /** A new location is also selected; its editor is the picker's. */
  private addLocation(): undefined {
    const tempId = this.newRows.add('locations', TOP_ID);
    if (tempId !== undefined) {
      this.state.choose(tempId);
      this.editingState.set({ kind: 'location' });
    }
    return undefined;
  }

  /** A new department goes under the selected location. */
  private addDepartment(): FocusRequest | undefined {
    const location = this.state.location();
    const tempId = location && this.newRows.add('departments', location.id);
    return tempId === undefined
      ? undefined
      : this.editNew(tempId, nodeKey({ kind: 'department', departmentId: tempId }));
  }

  /** A new child goes under its department, which is expanded to show it. */
  private addChild(departmentId: string, table: ChildTable): FocusRequest | undefined {
    const department = this.state.tree().departments.get(departmentId);
    if (department === undefined) {
      return undefined;
    }
    this.state.expand(department.id);
    const index = department.children.length;
    const tempId = this.newRows.add(table, department.id);
    const key = nodeKey({ kind: 'child', departmentId: department.id, index });
    return tempId === undefined ? undefined : this.editNew(tempId, key);
  }

  /** Opens a new row in the editor, scrolled into view (by key: a child's id may not be read). */
  private editNew(tempId: string, key: string): FocusRequest {
    this.editingState.set({ kind: 'row', id: tempId });
    return { kind: 'reveal', key };
  }
}
