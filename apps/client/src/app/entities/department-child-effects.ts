import { HttpClient } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import { CHILD_TABLES, ChildRow, childRowSchema, ChildTable } from '@smart-sync/shared-types/mini';
import { toClientId, toServerRef } from '@smart-sync/socket-translation';
import { EffectService, PartialArrayDefinition } from '@smarttools/smart-signals';
import { forkJoin, map, Observable, of, throwError } from 'rxjs';
import { AddOutcomes } from './add-outcomes';
import { MutationFailures } from './mutation-failures';
import { RenameConflicts } from './rename-conflicts';
import { DepartmentChildRow } from './rows';
import { TableApi } from './table-api';

export const departmentChildEffectsToken = new InjectionToken<EffectService<DepartmentChildRow>>(
  'DepartmentChildEffects',
);

/**
 * Docs, folders, lists and sprint folders share one client table. Every call routes each client id
 * (`docs:ID`, …) to its server table through the translation library and maps the rows back.
 */
@Injectable()
export class DepartmentChildEffects extends EffectService<DepartmentChildRow> {
  private readonly http = inject(HttpClient);
  private readonly failures = inject(MutationFailures);
  private readonly apis = Object.fromEntries(
    CHILD_TABLES.map((table) => [table, new TableApi(this.http, table, childRowSchema)]),
  ) as Record<ChildTable, TableApi<ChildRow>>;
  private readonly addOutcomes = inject(AddOutcomes);
  private readonly conflicts = inject(RenameConflicts);

  override loadByIds(ids: string[]): Observable<DepartmentChildRow[]> {
    const idsByTable = new Map<ChildTable, string[]>();
    for (const { table, id } of ids.map(toServerRef)) {
      idsByTable.set(table, [...(idsByTable.get(table) ?? []), id]);
    }
    if (idsByTable.size === 0) {
      return of([]);
    }
    return forkJoin(
      [...idsByTable].map(([table, serverIds]) =>
        this.apis[table]
          .load(serverIds)
          .pipe(map((rows) => rows.map((row) => withClientId(table, row)))),
      ),
    ).pipe(
      map((groups) => groups.flat()),
      this.failures.reportAndSkip('Could not load rows'),
    );
  }

  override loadByIndexes(): Observable<PartialArrayDefinition> {
    return throwError(() => new Error('department children have no virtual arrays'));
  }

  override update(row: DepartmentChildRow): Observable<DepartmentChildRow[]> {
    const { table, id } = toServerRef(row.id);
    const api = this.apis[table];
    return api.update(id, row.name, this.conflicts.versionOf(row)).pipe(
      this.failures.rollBackUpdate(row, () => api.load([id])),
      map((rows) => rows.map((saved) => withClientId(table, saved))),
    );
  }

  /** `row.id` is the temporary client id of the new row; its prefix names the server table. */
  override add(row: DepartmentChildRow): Observable<DepartmentChildRow[]> {
    const { table } = toServerRef(row.id);
    return this.apis[table].add(row.name, row.parentId).pipe(
      map((rows) => rows.map((saved) => withClientId(table, saved))),
      this.failures.report('Add refused'),
      this.addOutcomes.track(row.id),
    );
  }

  override delete(clientId: string): Observable<void> {
    const { table, id } = toServerRef(clientId);
    return this.apis[table].delete(id).pipe(this.failures.report('Delete refused'));
  }
}

function withClientId(table: ChildTable, row: ChildRow): DepartmentChildRow {
  return { ...row, id: toClientId({ table, id: row.id }) };
}
