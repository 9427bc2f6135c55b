import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import {
  NOTIFICATION_EVENT,
  NOTIFICATION_NAMESPACE,
  socketNotificationSchema,
} from '@smart-sync/shared-types';
import { ClientNotification, toClientNotification } from '@smart-sync/socket-translation';
import { handleSocketNotification } from '@smarttools/smart-signals';
import { Observable, Subject } from 'rxjs';
import { io, Socket } from 'socket.io-client';

export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline';

/** One message as the activity panel shows it: what arrived and what the store was told. */
export interface ActivityEntry {
  readonly time: Date;
  /** The message as received, as JSON. */
  readonly raw: string;
  /** Set when the message was valid and handed to SmartNgRX. */
  readonly translated?: ClientNotification;
  /** Set when the message was dropped, saying why. */
  readonly problem?: string;
}

/** How many messages the activity panel keeps. */
export const ACTIVITY_LIMIT = 50;

/**
 * Listens to the server's change notifications on the page's own origin (the dev server proxies
 * `/socket.io`), validates each against the wire contract, translates it to client tables and ids,
 * and lets SmartNgRX refresh or remove the rows it holds.
 */
@Injectable({ providedIn: 'root' })
export class SocketService {
  private readonly destroyRef = inject(DestroyRef);
  private readonly statusState = signal<ConnectionStatus>('offline');
  private readonly activityState = signal<readonly ActivityEntry[]>([]);
  private readonly reconnects = new Subject<void>();
  private socket: Socket | undefined;
  private wasConnected = false;

  readonly status = this.statusState.asReadonly();
  /** The latest messages, newest first. */
  readonly activity = this.activityState.asReadonly();
  /** Emits when the connection comes back after a loss: messages may have been missed. */
  readonly reconnected: Observable<void> = this.reconnects.asObservable();

  connect(): void {
    if (this.socket !== undefined) {
      return;
    }
    const socket = io(NOTIFICATION_NAMESPACE);
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
    socket.on(NOTIFICATION_EVENT, (message: unknown) => this.receive(message));
    this.destroyRef.onDestroy(() => socket.disconnect());
  }

  /** Validates, translates and applies one message; an invalid one is logged and dropped. */
  receive(message: unknown): void {
    const time = new Date();
    const raw = JSON.stringify(message) ?? String(message);
    const parsed = socketNotificationSchema.safeParse(message);
    if (!parsed.success) {
      const problem = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'message'}: ${issue.message}`)
        .join('; ');
      console.warn(`Dropped an invalid socket message (${problem})`, message);
      this.record({ time, raw, problem });
      return;
    }
    const translated = toClientNotification(parsed.data);
    this.record({ time, raw, translated });
    try {
      handleSocketNotification(translated.table, translated.action, translated.ids);
    } catch (error) {
      console.warn('SmartNgRX could not apply a socket message', translated, error);
    }
  }

  private record(entry: ActivityEntry): void {
    this.activityState.update((entries) => [entry, ...entries].slice(0, ACTIVITY_LIMIT));
  }
}
