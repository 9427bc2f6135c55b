import { Injector } from '@angular/core';
import { filter, from, Observable, of, switchMap } from 'rxjs';

export interface ConfirmDeleteData {
  /** What is being deleted, e.g. "department". */
  readonly what: string;
  readonly name: string;
  /** How many rows go with it, described, e.g. "3 children". */
  readonly cascade: string;
}

/**
 * What to ask before deleting a row that takes `count` rows with it, e.g. "2 departments";
 * undefined when it takes none, as there is nothing to ask.
 */
export function deleteQuestion(
  what: string,
  name: string,
  count: number,
  [one, many]: readonly [string, string],
): ConfirmDeleteData | undefined {
  return count === 0 ? undefined : { what, name, cascade: `${count} ${count === 1 ? one : many}` };
}

/**
 * Emits once the deletion may go ahead: at once with no question, else when the user confirms.
 * The dialog (and Material's dialog code) loads with the first question.
 */
export function confirmDelete(
  injector: Injector,
  question: ConfirmDeleteData | undefined,
): Observable<true> {
  if (question === undefined) {
    return of(true);
  }
  return from(import('./confirm-delete-dialog')).pipe(
    switchMap(({ askToDelete }) => askToDelete(injector, question)),
    filter((confirmed): confirmed is true => confirmed === true),
  );
}
