import { HttpInterceptorFn, HttpRequest, HttpResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { SERVER_TABLES, ServerTable, SOCKET_ID_HEADER } from '@smart-sync/shared-types/mini';
import { map } from 'rxjs';
import { LOAD_AGAIN } from './load-again';
import { SocketConnection } from './socket-connection';
import { SubscribedRows } from './subscribed-rows';

const LOAD_URL = /^\/api\/([^/?#]+)$/;

/** The table a request loads rows of (`POST /api/top`, `POST /api/<table>`): loading subscribes. */
export function loadedTable(request: HttpRequest<unknown>): ServerTable | undefined {
  const table = request.method === 'POST' ? LOAD_URL.exec(request.url)?.[1] : undefined;
  return SERVER_TABLES.find((known) => known === table);
}

/** The ids of the rows in a load's response body. */
export function rowIds(body: unknown): string[] {
  return Array.isArray(body)
    ? body.flatMap((row: { id?: unknown } | null) => (typeof row?.id === 'string' ? [row.id] : []))
    : [];
}

/** A request to the app's own server (a relative URL), never to another origin. */
function isOwnServer(url: string): boolean {
  return !/^([a-z][a-z\d+.-]*:)?\/\//i.test(url);
}

/**
 * Sends the `/data` socket's id with every request to the server (none while it is not
 * connected), so the server subscribes that socket to the rows it loads and does not echo its
 * writes back to it. A load answered after the socket has connected under another id subscribed
 * nothing this client still listens to: its rows reach the store at once (nothing waits for the
 * socket), and are loaded again under the new id, whose answer also brings whatever changed
 * meanwhile. The rows each load subscribes are counted in {@link SubscribedRows}.
 */
export const socketIdInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isOwnServer(request.url)) {
    return next(request);
  }
  const connection = inject(SocketConnection);
  const subscribed = inject(SubscribedRows);
  const loadAgain = inject(LOAD_AGAIN);
  const table = loadedTable(request);

  const socketId = connection.id();
  const sent = next(
    socketId === undefined
      ? request
      : request.clone({ setHeaders: { [SOCKET_ID_HEADER]: socketId } }),
  );
  if (table === undefined) {
    return sent;
  }
  return sent.pipe(
    map((event) => {
      if (!(event instanceof HttpResponse)) {
        return event;
      }
      const now = connection.id();
      const ids = rowIds(event.body);
      if (now !== socketId && now !== undefined) {
        // Connected (again), under another id, while the load was on its way.
        if (ids.length > 0) {
          loadAgain(table, ids);
        }
      } else if (now !== undefined) {
        subscribed.loaded(table, ids);
      }
      return event;
    }),
  );
};
