import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import {
  ClientToServerEvents,
  NOTIFICATION_EVENT,
  NOTIFICATION_NAMESPACE,
  ServerToClientEvents,
} from '@smart-sync/shared-types';
import { Observable, Subject } from 'rxjs';
import { io, Socket } from 'socket.io-client';

export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline';

/**
 * The socket.io connection to the server's notifications, on the page's own origin (the dev server
 * proxies `/socket.io`): whether it is up, what arrives on it, and when it comes back after a loss.
 */
@Injectable({ providedIn: 'root' })
export class SocketConnection {
  private readonly destroyRef = inject(DestroyRef);
  private readonly statusState = signal<ConnectionStatus>('offline');
  private readonly arrivals = new Subject<unknown>();
  private readonly reconnects = new Subject<void>();
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  private wasConnected = false;

  readonly status = this.statusState.asReadonly();
  /**
   * Every notification as it arrived. Typed by the contract, but unchecked: a server of another
   * version, or a bug, may not keep it, so it is `unknown` until validated.
   */
  readonly notifications: Observable<unknown> = this.arrivals.asObservable();
  /** Emits when the connection comes back after a loss: messages may have been missed. */
  readonly reconnected: Observable<void> = this.reconnects.asObservable();

  connect(): void {
    if (this.socket !== undefined) {
      return;
    }
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(NOTIFICATION_NAMESPACE);
    this.socket = socket;
    const followConnection = () =>
      this.statusState.set(
        socket.connected ? 'connected' : socket.active ? 'reconnecting' : 'offline',
      );
    socket.on('connect', () => {
      followConnection();
      if (this.wasConnected) {
        this.reconnects.next();
      }
      this.wasConnected = true;
    });
    socket.on('disconnect', followConnection);
    socket.on('connect_error', followConnection);
    socket.io.on('reconnect_failed', () => this.statusState.set('offline'));
    socket.on(NOTIFICATION_EVENT, (message: unknown) => this.arrivals.next(message));
    this.destroyRef.onDestroy(() => socket.disconnect());
  }
}
