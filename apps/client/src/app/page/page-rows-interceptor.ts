import { HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { FIRST_SCREEN_TABLES, SOCKET_ID_HEADER } from '@smart-sync/shared-types/mini';
import { of } from 'rxjs';
import { loadedTable } from '../socket/socket-id-interceptor';
import { PageFirstScreen } from './page-first-screen';

/**
 * Answers a first load (`POST /api/top|locations|departments` by ids) from the rows the page came
 * with, when it holds them all and no socket is connected yet (a load under a socket has to reach
 * the server, which subscribes the socket to its rows). Everything else goes on to the server.
 */
export const pageRowsInterceptor: HttpInterceptorFn = (request, next) => {
  const loaded = request.headers.has(SOCKET_ID_HEADER) ? undefined : loadedTable(request);
  const table = FIRST_SCREEN_TABLES.find((known) => known === loaded);
  const rows = table === undefined ? undefined : inject(PageFirstScreen).take(table, request.body);
  return rows === undefined
    ? next(request)
    : of(new HttpResponse({ status: 200, statusText: 'OK', url: request.url, body: rows }));
};
