import { HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { SmartErrorHandler } from '@smarttools/smart-signals';
import { ErrorSnackbar } from './error-snackbar';

/** SmartNgRX names a failed load after the call that failed; say it for people. */
const HEADLINES: Readonly<Record<string, string>> = { loadByIds: 'Could not load rows' };

/** The server's own explanation when it gave one (NestJS: `{ message }`), else the HTTP status. */
export function describeError(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    const message: unknown = (error.error as { message?: unknown } | null)?.message;
    if (typeof message === 'string') {
      return message;
    }
    if (Array.isArray(message)) {
      return message.join('; ');
    }
    return error.status === 0
      ? 'the server cannot be reached'
      : `${error.status} ${error.statusText}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * SmartNgRX's error handler: every failed load or refused edit becomes a snackbar; but for a 401,
 * after which the sign-in page says all there is to say.
 */
@Injectable()
export class SnackbarErrorHandler implements SmartErrorHandler {
  private readonly snackbar = inject(ErrorSnackbar);

  handleError(message: string, error: unknown): void {
    console.error(message, error);
    if (error instanceof HttpErrorResponse && error.status === 401) {
      return;
    }
    void this.snackbar.show(`${HEADLINES[message] ?? message}: ${describeError(error)}`);
  }
}
