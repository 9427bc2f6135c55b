import { HttpClient } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import {
  ChildIndexPage,
  childIndexPageSchema,
  DepartmentRow as ServerDepartmentRow,
  departmentRowSchema,
  IndexPageRequest,
  MAX_PAGE_LENGTH,
} from '@smart-sync/shared-types/mini';
import { toClientId } from '@smart-sync/socket-translation';
import { EffectService, PartialArrayDefinition } from '@smarttools/smart-signals';
import { forkJoin, map, Observable } from 'rxjs';
import { AddOutcomes } from './add-outcomes';
import { MutationFailures } from './mutation-failures';
import { RenameConflicts } from './rename-conflicts';
import { DepartmentRow } from './rows';
import { TableApi } from './table-api';

export const departmentEffectsToken = new InjectionToken<EffectService<DepartmentRow>>(
  'DepartmentEffects',
);

/** A page of server child references as the virtual array wants it: client ids. */
function toPartialArray(page: ChildIndexPage): PartialArrayDefinition {
  return {
    startIndex: page.startIndex,
    length: page.length,
    indexes: page.indexes.map(toClientId),
  };
}

function toClientRow(row: ServerDepartmentRow): DepartmentRow {
  return { ...row, children: toPartialArray(row.children) };
}

/**
 * Departments: the row carries the first page of its children (a virtual array); further pages
 * come from `/api/departments/indexes`. Child references become client ids on the way in.
 */
@Injectable()
export class DepartmentEffects extends EffectService<DepartmentRow> {
  private readonly http = inject(HttpClient);
  private readonly api = new TableApi(this.http, 'departments', departmentRowSchema);
  private readonly failures = inject(MutationFailures);
  private readonly addOutcomes = inject(AddOutcomes);
  private readonly conflicts = inject(RenameConflicts);

  override loadByIds(ids: string[]): Observable<DepartmentRow[]> {
    return this.api.load(ids).pipe(
      map((rows) => rows.map(toClientRow)),
      this.failures.reportAndSkip('Could not load departments'),
    );
  }

  override loadByIndexes(
    parentId: string,
    _childField: string,
    startIndex: number,
    length: number,
  ): Observable<PartialArrayDefinition> {
    const pages: IndexPageRequest[] = [];
    for (let start = startIndex; start < startIndex + length; start += MAX_PAGE_LENGTH) {
      pages.push({
        parentId,
        startIndex: start,
        length: Math.min(MAX_PAGE_LENGTH, startIndex + length - start),
      });
    }
    return forkJoin(
      pages.map((page) =>
        this.http
          .post<unknown>('/api/departments/indexes', page)
          .pipe(map((body) => childIndexPageSchema.parse(body))),
      ),
    ).pipe(
      map((loaded) =>
        toPartialArray({
          startIndex,
          length: loaded[loaded.length - 1].length,
          indexes: loaded.flatMap((page) => page.indexes),
        }),
      ),
      this.failures.reportAndSkip('Could not load more children'),
    );
  }

  override update(row: DepartmentRow): Observable<DepartmentRow[]> {
    return this.api.update(row.id, row.name, this.conflicts.versionOf(row)).pipe(
      this.failures.rollBackUpdate(row, () => this.api.load([row.id])),
      map((rows) => rows.map(toClientRow)),
    );
  }

  /** `row.id` is the new row's temporary id; `row.parentId` its location. */
  override add(row: DepartmentRow): Observable<DepartmentRow[]> {
    return this.api.add(row.name, row.parentId).pipe(
      map((rows) => rows.map(toClientRow)),
      this.failures.report('Add refused'),
      this.addOutcomes.track(row.id),
    );
  }

  override delete(id: string): Observable<void> {
    return this.api.delete(id).pipe(this.failures.report('Delete refused'));
  }
}
