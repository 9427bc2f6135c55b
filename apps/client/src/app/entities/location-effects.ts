import { HttpClient } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import { locationRowSchema } from '@smart-sync/shared-types/mini';
import { EffectService, PartialArrayDefinition } from '@smarttools/smart-signals';
import { Observable, throwError } from 'rxjs';
import { AddOutcomes } from './add-outcomes';
import { MutationFailures } from './mutation-failures';
import { RenameConflicts } from './rename-conflicts';
import { LocationRow } from './rows';
import { TableApi } from './table-api';

export const locationEffectsToken = new InjectionToken<EffectService<LocationRow>>(
  'LocationEffects',
);

/** Locations: client ids are server ids, rows travel unchanged. */
@Injectable()
export class LocationEffects extends EffectService<LocationRow> {
  private readonly api = new TableApi(inject(HttpClient), 'locations', locationRowSchema);
  private readonly failures = inject(MutationFailures);
  private readonly addOutcomes = inject(AddOutcomes);
  private readonly conflicts = inject(RenameConflicts);

  override loadByIds(ids: string[]): Observable<LocationRow[]> {
    return this.api.load(ids).pipe(this.failures.reportAndSkip('Could not load locations'));
  }

  override loadByIndexes(): Observable<PartialArrayDefinition> {
    return throwError(() => new Error('locations have no virtual arrays'));
  }

  override update(row: LocationRow): Observable<LocationRow[]> {
    return this.api
      .update(row.id, row.name, this.conflicts.versionOf(row))
      .pipe(this.failures.rollBackUpdate(row, () => this.api.load([row.id])));
  }

  override add(row: LocationRow): Observable<LocationRow[]> {
    return this.api
      .add(row.name)
      .pipe(this.failures.report('Add refused'), this.addOutcomes.track(row.id));
  }

  override delete(id: string): Observable<void> {
    return this.api.delete(id).pipe(this.failures.report('Delete refused'));
  }
}
