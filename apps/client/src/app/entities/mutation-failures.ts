import { inject, Injectable } from '@angular/core';
import { smartErrorHandlerToken } from '@smarttools/smart-signals';
import { catchError, EMPTY, map, MonoTypeOperatorFunction, Observable, throwError } from 'rxjs';

/**
 * What the effect services do when the server refuses a change: tell the user (through
 * SmartNgRX's error handler) and let the optimistic change be undone.
 */
@Injectable({ providedIn: 'root' })
export class MutationFailures {
  private readonly errorHandler = inject(smartErrorHandlerToken);

  /**
   * A refused update is reported, then answered with the server's current copy of the row, so
   * SmartNgRX replaces its optimistic row with the truth. If the row cannot be reloaded, the error
   * goes on and SmartNgRX restores the row it had before the edit.
   */
  rollBackUpdate<Row>(reload: () => Observable<Row[]>): MonoTypeOperatorFunction<Row[]> {
    return catchError((error: unknown) => {
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

  /** Reports a refused add or delete; SmartNgRX then refreshes the parent row. */
  report<T>(message: string): MonoTypeOperatorFunction<T> {
    return catchError((error: unknown) => {
      this.errorHandler.handleError(message, error);
      return throwError(() => error);
    });
  }

  /** Reports a failed background load and ends it quietly, so SmartNgRX's pipeline keeps running. */
  reportAndSkip<T>(message: string): MonoTypeOperatorFunction<T> {
    return catchError((error: unknown) => {
      this.errorHandler.handleError(message, error);
      return EMPTY;
    });
  }
}
