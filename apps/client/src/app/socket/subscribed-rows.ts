import { Injectable, signal } from '@angular/core';
import { Release, ServerTable } from '@smart-sync/shared-types/mini';

/**
 * The rows the server tells this browser's socket about, as far as the client can know: every row
 * an API load returned while carrying the socket's id, less the rows released since. A new socket
 * starts with none, so the count starts again at every connect.
 */
@Injectable({ providedIn: 'root' })
export class SubscribedRows {
  /** `table:id` of each row, in server tables and ids. */
  private readonly rows = new Set<string>();
  private readonly countState = signal(0);

  readonly count = this.countState.asReadonly();

  /** Rows a load returned under the socket's current id: the server subscribed the socket. */
  loaded(table: ServerTable, ids: readonly string[]): void {
    for (const id of ids) {
      this.rows.add(rowKey(table, id));
    }
    this.countState.set(this.rows.size);
  }

  /** Rows the client told the server it no longer holds. */
  released({ table, ids }: Release): void {
    for (const id of ids) {
      this.rows.delete(rowKey(table, id));
    }
    this.countState.set(this.rows.size);
  }

  /** A new socket: the server knows of no interest of it yet. */
  reset(): void {
    this.rows.clear();
    this.countState.set(0);
  }
}

function rowKey(table: ServerTable, id: string): string {
  return `${table}:${id}`;
}
