import { Injectable } from '@angular/core';
import { MonoTypeOperatorFunction, Observable, Subject, tap } from 'rxjs';

/** How the add of an unsaved row ended: saved under the server's id, or refused. */
export type AddOutcome =
  | { readonly tempId: string; readonly accepted: true; readonly savedId: string }
  | { readonly tempId: string; readonly accepted: false };

/**
 * Tells the screen how each add ended, by the temporary id of the new row, so it can follow a
 * saved row to its server id or discard a refused one. Every effect service's `add` reports here.
 */
@Injectable({ providedIn: 'root' })
export class AddOutcomes {
  private readonly outcomes = new Subject<AddOutcome>();

  readonly outcome: Observable<AddOutcome> = this.outcomes.asObservable();

  /** Reports the add of the row with this temporary id once the server has answered. */
  track<Row extends { readonly id: string }>(tempId: string): MonoTypeOperatorFunction<Row[]> {
    return tap({
      next: ([saved]) =>
        this.outcomes.next({ tempId, accepted: true, savedId: saved?.id ?? tempId }),
      error: () => this.outcomes.next({ tempId, accepted: false }),
    });
  }
}
