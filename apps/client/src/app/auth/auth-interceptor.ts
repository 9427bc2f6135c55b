import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { Auth, LOGIN_URL } from './auth';

/** A request to the app's own API (`/api/…`, same origin). */
function isApi(url: string): boolean {
  return url.startsWith('/api/');
}

/**
 * A 401 from the API means the session is gone (expired, revoked, signed out elsewhere): the app
 * goes to the sign-in page, and stays where it was under it. The sign-in call's own 401 (wrong
 * password) is the form's to show. The error still reaches the caller.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApi(request.url) || request.url === LOGIN_URL) {
    return next(request);
  }
  const auth = inject(Auth);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401) {
        auth.sessionEnded();
      }
      return throwError(() => error);
    }),
  );
};
