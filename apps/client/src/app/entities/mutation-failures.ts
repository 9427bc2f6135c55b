import { inject, Injectable } from '@angular/core';
import { smartErrorHandlerToken } from '@smarttools/smart-signals';
import { catchError, EMPTY, map, MonoTypeOperatorFunction, Observable, of, throwError } from 'rxjs';
import { RenameConflicts } from './rename-conflicts';
import { VersionConflictError } from './table-api';

/**
 * What the effect services do when the server refuses a change: tell the user (through
 * SmartNgRX's error handler) and let the optimistic change be undone.
 */
@Injectable({ providedIn: 'root' })
export class MutationFailures {
  private readonly errorHandler = inject(smartErrorHandlerToken);
  private readonly conflicts = inject(RenameConflicts);

  /**
   * A refused update is reported, then answered with the server's current copy of the row, so
   * SmartNgRX replaces its optimistic row with the truth (SmartNgRX's own rollback would restore
   * the row it had before the edit, whose child array a department no longer holds as it was
   * loaded). A version conflict brings that copy along and is told to the screen, which opens the
   * editor again with the typed name; any other refusal reloads the row. If the row cannot be
   * reloaded, the error goes on and SmartNgRX restores the row it had before the edit.
   */
  rollBackUpdate<Row extends { readonly version: number }>(
    edit: { readonly id: string; readonly name: string },
    reload: () => Observable<Row[]>,
  ): MonoTypeOperatorFunction<Row[]> {
    return catchError((error: unknown) => {
      if (error instanceof VersionConflictError) {
        const current = error.current as Row;
        this.errorHandler.handleError('Not saved', error.response);
        this.conflicts.report({ id: edit.id, name: edit.name, version: current.version });
        return of([current]);
      }
      this.errorHandler.handleError('Rename refused', error);
      return reload().pipe(
        map((rows) => {
          if (rows.length === 0) {
            throw error;
          }
          return rows;
        }),
        catchError(() => throwError(() => error)),
      );
    });
  }

  /**
   * Reports a refused add or delete. SmartNgRX marks the parent row dirty but does not reload it
   * (docs/smartngrx-notes.md): a refused delete's row stays hidden until the parent reloads.
   */
  report<T>(message: string): MonoTypeOperatorFunction<T> {
    return catchError((error: unknown) => {
      this.errorHandler.handleError(message, error);
      return throwError(() => error);
    });
  }

  /**
   * Reports a failed load and ends it quietly: an error would end SmartNgRX's load pipeline of the
   * table for good (docs/smartngrx-notes.md). The rows stay loading until the next reload, e.g.
   * the one every socket connect makes.
   */
  reportAndSkip<T>(message: string): MonoTypeOperatorFunction<T> {
    return catchError((error: unknown) => {
      this.errorHandler.handleError(message, error);
      return EMPTY;
    });
  }
}
