import { AsyncLocalStorage } from 'node:async_hooks';
import { SOCKET_ID_HEADER } from '@smart-sync/shared-types';
import type { IncomingMessage } from 'node:http';
import type { onRequestHookHandler } from 'fastify';
import { requestIdOf } from './request-id';
import type { SignedInUser } from './signed-in-user';

/**
 * What the code running for one HTTP request knows about it, wherever it runs. Filled in as the
 * request passes: the header here, the user by the auth guard, the socket check by the
 * notifications' socket-owner guard, the written location by the tables' access check.
 */
export interface RequestContext {
  /**
   * The requesting browser's `/data` socket (the X-Socket-Id header), when it sent a valid one
   * that belongs to the signed-in user (else it is dropped before the route runs).
   */
  socketId?: string;
  /** The signed-in user (every route but health and login has one). */
  user?: SignedInUser;
  /** The location a write is under, once its access check found it: who else may hear of it. */
  locationId?: string;
  /** The request's id (see request-id.ts): the notifications it causes log it too. */
  requestId?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();
/** The same contexts by request, for code that runs outside it (the request log line). */
const byRequest = new WeakMap<IncomingMessage, RequestContext>();

/** A socket.io socket id: 20 base64url characters today; anything else is ignored. */
const SOCKET_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The context of the request the calling code runs for (empty outside requests). */
export function requestContext(): RequestContext {
  return storage.getStore() ?? {};
}

/** The context of a request, once it got one. */
export function contextOf(request: IncomingMessage): RequestContext | undefined {
  return byRequest.get(request);
}

/**
 * Runs the rest of each request inside its {@link RequestContext}. Fastify carries the context
 * through the body's parsing to the route.
 */
export function withRequestContext(): onRequestHookHandler {
  const header = SOCKET_ID_HEADER.toLowerCase();
  return (request, _reply, done) => {
    const value = request.headers[header];
    const socketId = typeof value === 'string' && SOCKET_ID.test(value) ? value : undefined;
    const context: RequestContext = { socketId, requestId: requestIdOf(request.raw) };
    byRequest.set(request.raw, context);
    storage.run(context, done);
  };
}
