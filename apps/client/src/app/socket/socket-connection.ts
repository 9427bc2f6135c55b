import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import {
  ClientToServerEvents,
  NOTIFICATION_EVENT,
  NOTIFICATION_NAMESPACE,
  Release,
  RELEASE_EVENT,
  ServerToClientEvents,
} from '@smart-sync/shared-types';
import { Observable, Subject } from 'rxjs';
import { io, Socket } from 'socket.io-client';

export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline';

/**
 * The socket.io connection to the server's notifications, on the page's own origin (the dev server
 * proxies `/socket.io`): whether it is up and under which id, what arrives on it, and each time it
 * (re)connects. The server only tells a socket about the rows it loaded, so every connect is a new
 * socket that has to load its rows again to hear about them.
 */
@Injectable({ providedIn: 'root' })
export class SocketConnection {
  private readonly destroyRef = inject(DestroyRef);
  private readonly statusState = signal<ConnectionStatus>('offline');
  private readonly idState = signal<string | undefined>(undefined);
  private readonly arrivals = new Subject<unknown>();
  private readonly connects = new Subject<string>();
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

  connect(): void {
    if (this.socket !== undefined) {
      return;
    }
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(NOTIFICATION_NAMESPACE);
    this.socket = socket;
    const followConnection = () => {
      this.idState.set(socket.connected ? socket.id : undefined);
      this.statusState.set(
        socket.connected ? 'connected' : socket.active ? 'reconnecting' : 'offline',
      );
    };
    socket.on('connect', () => {
      followConnection();
      const id = this.id();
      if (id !== undefined) {
        this.connects.next(id);
      }
    });
    socket.on('disconnect', followConnection);
    socket.on('connect_error', followConnection);
    socket.io.on('reconnect_failed', () => this.statusState.set('offline'));
    socket.on(NOTIFICATION_EVENT, (message: unknown) => this.arrivals.next(message));
    this.destroyRef.onDestroy(() => socket.disconnect());
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
