import { inject, Injectable } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { CrudTable, PARENT_TABLE } from '@smart-sync/shared-types/mini';
import { toClientTable } from '@smart-sync/socket-translation';
import { AddOutcome, AddOutcomes } from '../entities/add-outcomes';
import { EntitySignals } from '../entities/entity-signals';
import { newRow } from '../entities/new-row';
import { LocationTreeState, ParentTable } from './location-tree-state';
import { NODE_KINDS } from './node-kinds';

interface ParentRef {
  readonly table: ParentTable;
  readonly id: string;
}

/**
 * Rows added to the store but not saved yet, of any table: adds them at the end of their parent's
 * child array, discards them (Escape, or the server refused), and follows saved ones to their id.
 * Naming the row (assigning `name`) is what makes SmartNgRX send the add to the server.
 */
@Injectable()
export class NewRows {
  private readonly state = inject(LocationTreeState);
  private readonly entities = inject(EntitySignals);
  /** Unsaved rows by temporary id → their parent. */
  private readonly pending = new Map<string, ParentRef>();

  constructor() {
    inject(AddOutcomes)
      .outcome.pipe(takeUntilDestroyed())
      .subscribe((outcome) => this.settle(outcome));
  }

  /** Adds a `New <kind>` row of `table` under the parent; its temporary id, or undefined if the parent is gone. */
  add(table: CrudTable, parentId: string): string | undefined {
    const parent: ParentRef = { table: PARENT_TABLE[table], id: parentId };
    const list = this.state.childList(parent.table, parent.id);
    if (list === undefined) {
      return undefined;
    }
    const row = newRow(table, `New ${NODE_KINDS[table].label.toLowerCase()}`);
    list.rows.addToStore?.(row, list.parent);
    this.pending.set(row.id, parent);
    return row.id;
  }

  isPending(id: string): boolean {
    return this.pending.has(id);
  }

  /** Takes an unsaved row out of the store again. */
  discard(tempId: string): void {
    const parent = this.pending.get(tempId);
    this.pending.delete(tempId);
    const list = parent && this.state.childList(parent.table, parent.id);
    if (parent === undefined || list === undefined) {
      return;
    }
    list.rows.removeFromStore?.({ id: tempId, name: '', version: 0 }, list.parent);
    // SmartNgRX miscounts a virtual array after removeFromStore; the server's row is the truth.
    this.entities.reload(toClientTable(parent.table), [parent.id]);
  }

  private settle(outcome: AddOutcome): void {
    if (!this.pending.has(outcome.tempId)) {
      return;
    }
    if (outcome.accepted) {
      this.pending.delete(outcome.tempId);
      this.state.followSaved(outcome.tempId, outcome.savedId);
    } else {
      this.discard(outcome.tempId);
    }
  }
}
