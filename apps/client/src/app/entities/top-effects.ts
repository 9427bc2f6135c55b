import { HttpClient } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import { topRowSchema } from '@smart-sync/shared-types/mini';
import { EffectService, PartialArrayDefinition } from '@smarttools/smart-signals';
import { map, Observable, of, throwError } from 'rxjs';
import * as z from 'zod/mini';
import { MutationFailures } from './mutation-failures';
import { TopRow } from './rows';

export const topEffectsToken = new InjectionToken<EffectService<TopRow>>('TopEffects');

/** Loads the virtual `top` row: the list of every location id. It is never edited. */
@Injectable()
export class TopEffects extends EffectService<TopRow> {
  private readonly http = inject(HttpClient);
  private readonly rows = z.array(topRowSchema);
  private readonly failures = inject(MutationFailures);

  override loadByIds(ids: string[]): Observable<TopRow[]> {
    return this.http.post<unknown>('/api/top', ids).pipe(
      map((body) => this.rows.parse(body)),
      this.failures.reportAndSkip('Could not load the locations'),
    );
  }

  override loadByIndexes(): Observable<PartialArrayDefinition> {
    return throwError(() => new Error('top has no virtual arrays'));
  }

  override update(): Observable<TopRow[]> {
    return of([]);
  }

  override add(): Observable<TopRow[]> {
    return of([]);
  }

  override delete(): Observable<void> {
    return of(undefined);
  }
}
