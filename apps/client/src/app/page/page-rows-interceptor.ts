import { HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { FirstScreenTable, SOCKET_ID_HEADER } from '@smart-sync/shared-types/mini';
import { of } from 'rxjs';
import { PageFirstScreen } from './page-first-screen';

const FIRST_SCREEN_LOAD = /^\/api\/(top|locations|departments)$/;

/**
 * Answers a first load (`POST /api/top|locations|departments` by ids) from the rows the page came
 * with, when it holds them all and no socket is connected yet (a load under a socket has to reach
 * the server, which subscribes the socket to its rows). Everything else goes on to the server.
 */
export const pageRowsInterceptor: HttpInterceptorFn = (request, next) => {
  const table =
    request.method === 'POST' && !request.headers.has(SOCKET_ID_HEADER)
      ? (FIRST_SCREEN_LOAD.exec(request.url)?.[1] as FirstScreenTable | undefined)
      : undefined;
  const rows = table === undefined ? undefined : inject(PageFirstScreen).take(table, request.body);
  return rows === undefined
    ? next(request)
    : of(new HttpResponse({ status: 200, statusText: 'OK', url: request.url, body: rows }));
};
