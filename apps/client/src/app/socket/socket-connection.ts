import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import {
  ClientToServerEvents,
  NOTIFICATION_EVENT,
  NOTIFICATION_NAMESPACE,
  Release,
  RELEASE_EVENT,
  ServerToClientEvents,
} from '@smart-sync/shared-types/mini';
import { Observable, Subject } from 'rxjs';
import { io, Socket } from 'socket.io-client';

/**
 * A WebSocket straight away, in one round trip, rather than long-polling first and upgrading:
 * the socket's id is known sooner, so fewer of the first loads have to be sent again under it.
 * Long-polling stays the fallback where a WebSocket cannot connect (e.g. a proxy that drops it).
 */
export const SOCKET_OPTIONS = { transports: ['websocket', 'polling'], tryAllTransports: true };

export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline';

/**
 * The socket.io connection to the server's notifications, on the page's own origin (the dev server
 * proxies `/socket.io`): whether it is up and under which id, what arrives on it, and each time it
 * (re)connects. The server only tells a socket about the rows it loaded, so every connect is a new
 * socket that has to load its rows again to hear about them.
 */
@Injectable({ providedIn: 'root' })
export class SocketConnection {
  private readonly statusState = signal<ConnectionStatus>('offline');
  private readonly idState = signal<string | undefined>(undefined);
  private readonly arrivals = new Subject<unknown>();
  private readonly connects = new Subject<string>();
  private readonly refusals = new Subject<void>();
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;

  readonly status = this.statusState.asReadonly();
  /** The socket's id while it is connected (every API request sends it), else undefined. */
  readonly id = this.idState.asReadonly();
  /**
   * Every notification as it arrived. Typed by the contract, but unchecked: a server of another
   * version, or a bug, may not keep it, so it is `unknown` until validated.
   */
  readonly notifications: Observable<unknown> = this.arrivals.asObservable();
  /** The socket's new id, each time it connects: the first time and after every loss. */
  readonly connected: Observable<string> = this.connects.asObservable();
  /**
   * Each time the server refused the socket or closed it: it does not come back by itself. The
   * usual reason is a session that ended (signed out elsewhere, expired, revoked).
   */
  readonly refused: Observable<void> = this.refusals.asObservable();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.disconnect());
  }

  connect(): void {
    if (this.socket !== undefined) {
      return;
    }
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(
      NOTIFICATION_NAMESPACE,
      SOCKET_OPTIONS,
    );
    this.socket = socket;
    /** Events of a socket this connection has let go of are of no interest any more. */
    const current = () => this.socket === socket;
    const followConnection = () => {
      if (!current()) {
        return;
      }
      this.idState.set(socket.connected ? socket.id : undefined);
      this.statusState.set(
        socket.connected ? 'connected' : socket.active ? 'reconnecting' : 'offline',
      );
    };
    socket.on('connect', () => {
      followConnection();
      const id = this.id();
      if (current() && id !== undefined) {
        this.connects.next(id);
      }
    });
    socket.on('disconnect', (reason) => {
      followConnection();
      if (current() && reason === 'io server disconnect') {
        this.refusals.next();
      }
    });
    socket.on('connect_error', () => {
      followConnection();
      // Refused by the server (e.g. no valid session), not merely unreachable: no retry follows.
      if (current() && !socket.active) {
        this.refusals.next();
      }
    });
    socket.io.on('reconnect_failed', () => {
      if (current()) {
        this.statusState.set('offline');
      }
    });
    socket.on(NOTIFICATION_EVENT, (message: unknown) => {
      if (current()) {
        this.arrivals.next(message);
      }
    });
  }

  /** Closes the socket (signed out); {@link connect} opens a new one. */
  disconnect(): void {
    const socket = this.socket;
    if (socket === undefined) {
      return;
    }
    this.socket = undefined;
    socket.disconnect();
    this.idState.set(undefined);
    this.statusState.set('offline');
  }

  /**
   * Tells the server this socket no longer holds these rows. Not sent while disconnected: the
   * interest ended with the old socket, and the next one starts with none.
   */
  release(release: Release): void {
    if (this.socket?.connected === true) {
      this.socket.emit(RELEASE_EVENT, release);
    }
  }
}
