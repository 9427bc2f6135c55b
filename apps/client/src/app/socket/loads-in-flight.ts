import { HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ServerTable } from '@smart-sync/shared-types/mini';
import { finalize } from 'rxjs';
import { LOAD_AGAIN } from './load-again';
import { loadedTable } from './socket-id-interceptor';

/**
 * The loads on their way, per server table and id, and the ids a notification changed meanwhile.
 * Such a load may have read its rows before the change and answer after SmartNgRX applied it:
 * SmartNgRX stores answers as they arrive, so that older answer would stand for good (a renamed
 * row's old name; a parent's child list with a deleted child back in it). Once the last load of
 * such an id has been answered (or failed), the id is loaded again.
 */
@Injectable({ providedIn: 'root' })
export class LoadsInFlight {
  private readonly loadAgain = inject(LOAD_AGAIN);
  private readonly loading = new Map<ServerTable, Map<string, number>>();
  private readonly changed = new Map<ServerTable, Set<string>>();

  /** A load of these ids was sent: the returned function says it has been answered or failed. */
  started(table: ServerTable, ids: readonly string[]): () => void {
    const counts = this.loading.get(table) ?? new Map<string, number>();
    this.loading.set(table, counts);
    ids.forEach((id) => counts.set(id, (counts.get(id) ?? 0) + 1));
    let ended = false;
    return () => {
      if (ended) {
        return;
      }
      ended = true;
      const again = ids.filter((id) => {
        const left = (counts.get(id) ?? 1) - 1;
        if (left > 0) {
          counts.set(id, left);
          return false;
        }
        counts.delete(id);
        return this.changed.get(table)?.delete(id) === true;
      });
      if (again.length > 0) {
        this.loadAgain(table, again);
      }
    };
  }

  /**
   * Every row of `table` on its way may have changed (e.g. its child list lost a deleted child):
   * each is loaded again once answered.
   */
  allChangedMeanwhile(table: ServerTable): void {
    this.changedMeanwhile(table, [...(this.loading.get(table)?.keys() ?? [])]);
  }

  /** A notification changed these rows: those on their way are loaded again once answered. */
  changedMeanwhile(table: ServerTable, ids: readonly string[]): void {
    const counts = this.loading.get(table);
    const inFlight = ids.filter((id) => counts?.has(id) === true);
    if (inFlight.length === 0) {
      return;
    }
    const changed = this.changed.get(table) ?? new Set<string>();
    this.changed.set(table, changed);
    inFlight.forEach((id) => changed.add(id));
  }
}

/** `POST /api/departments/indexes`: a page of a department's child list. */
const CHILD_PAGE = /^\/api\/departments\/indexes$/;

/** The server table and ids of the rows a request loads (a child page counts as its department). */
function loadedRows(request: HttpRequest<unknown>): [ServerTable, string[]] | undefined {
  const table = loadedTable(request);
  if (table !== undefined && Array.isArray(request.body)) {
    return [table, request.body.filter((id): id is string => typeof id === 'string')];
  }
  const parentId = (request.body as { parentId?: unknown } | null)?.parentId;
  return request.method === 'POST' && CHILD_PAGE.test(request.url) && typeof parentId === 'string'
    ? ['departments', [parentId]]
    : undefined;
}

/**
 * Tells {@link LoadsInFlight} of every load of rows (`POST /api/<table>` by ids, a department's
 * child page), sent and ended.
 */
export const loadsInFlightInterceptor: HttpInterceptorFn = (request, next) => {
  const loaded = loadedRows(request);
  return loaded === undefined
    ? next(request)
    : next(request).pipe(finalize(inject(LoadsInFlight).started(...loaded)));
};
