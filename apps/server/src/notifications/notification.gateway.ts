import { Inject, Logger, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  NOTIFICATION_EVENT,
  NOTIFICATION_NAMESPACE,
  RELEASE_EVENT,
  releaseSchema,
  type ClientToServerEvents,
  type ServerTable,
  type ServerToClientEvents,
  type SocketNotification,
} from '@smart-sync/shared-types';
import type { Namespace, Socket } from 'socket.io';
import { AuthService } from '../auth/auth.service';
import type { SessionSockets } from '../auth/session-sockets';
import { localRecipients } from './local-recipients';
import { ALL_ROOM, roomOf, roomsOfSocket, sessionRoom } from './notification-rules';
import { SharedRoomNames } from './shared-room-names';
import { NO_SYNC_METRICS, SYNC_METRICS, type SyncMetrics } from './sync-metrics';

/** What a socket carries of its user (serializable: other instances read it through the adapter). */
interface SocketData {
  userId: string;
  sessionId: string;
  /** When the session expires (ms since the epoch): the socket is disconnected then. */
  expiresAt: number;
  /** The rooms its user's rights (and its interest) put it in. */
  rooms: string[];
}

type DataNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
type DataSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** setTimeout's longest delay (≈ 24.8 days); a later expiry disconnects early, and it reconnects. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The socket.io namespace clients listen on. The handshake needs the session cookie (refused with
 * `sign in first` otherwise); the socket is disconnected when its session expires or signs out.
 * A socket hears about the rows it loaded (it joins each row's room, see TablesController) until
 * it releases them or disconnects, and about the locations its user may read being deleted; with
 * `auth: { interest: 'all' }` it hears everything its user may read. CORS and the origin check of
 * the handshake are the adapter's (see adapters/). Rooms and emits go through the socket.io
 * adapter, so with Redis they span every instance.
 */
@WebSocketGateway({ namespace: NOTIFICATION_NAMESPACE })
export class NotificationGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, SessionSockets
{
  private readonly logger = new Logger('Interest');
  private readonly expiries = new Map<string, NodeJS.Timeout>();
  private roomNames?: SharedRoomNames;

  @WebSocketServer()
  private readonly namespace?: DataNamespace;

  // Not AuthService itself: it needs the database client, which needs this gateway (CHANGE_SINK).
  constructor(
    private readonly modules: ModuleRef,
    @Optional() @Inject(SYNC_METRICS) private readonly metrics: SyncMetrics = NO_SYNC_METRICS,
  ) {}

  /** Authenticates every handshake by the session cookie, before the socket connects. */
  afterInit(namespace: DataNamespace): void {
    this.roomNames = new SharedRoomNames(namespace.adapter);
    const auth = this.modules.get(AuthService, { strict: false });
    namespace.use((socket, next) => {
      auth.userOfCookie(socket.handshake.headers.cookie).then(
        (user) => {
          if (!user) return next(new Error('sign in first'));
          const auth = socket.handshake.auth as { interest?: unknown } | undefined;
          socket.data = {
            userId: user.id,
            sessionId: user.sessionId,
            expiresAt: user.expiresAt.getTime(),
            rooms: roomsOfSocket(user, auth?.interest === 'all'),
          };
          next();
        },
        (error: Error) => next(error),
      );
    });
  }

  handleConnection(socket: DataSocket): void {
    const { rooms, expiresAt } = socket.data;
    void socket.join(rooms);
    const timer = setTimeout(
      () => socket.disconnect(true),
      Math.min(Math.max(0, expiresAt - Date.now()), MAX_TIMER_MS),
    );
    timer.unref();
    this.expiries.set(socket.id, timer);
    this.metrics.socketConnected();
  }

  handleDisconnect(socket: DataSocket): void {
    clearTimeout(this.expiries.get(socket.id));
    this.expiries.delete(socket.id);
    this.metrics.socketDisconnected();
  }

  /** The client dropped rows from its store: it no longer hears about them. */
  @SubscribeMessage(RELEASE_EVENT)
  release(socket: DataSocket, payload: unknown): void {
    const parsed = releaseSchema.safeParse(payload);
    if (!parsed.success) {
      const problem = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
        .join('; ');
      this.logger.warn(`socket ${socket.id}: ignored an invalid release (${problem})`);
      return;
    }
    const { table, ids } = parsed.data;
    for (const id of ids) void socket.leave(roomOf(table, id));
  }

  /**
   * Whether a socket (on any instance) is one of this user's: only then does an X-Socket-Id
   * header count. A local socket is looked at directly, others through the adapter.
   */
  async belongsTo(socketId: string, userId: string): Promise<boolean> {
    const namespace = this.namespace;
    if (!namespace) return false;
    const local = namespace.sockets.get(socketId);
    if (local) return local.data.userId === userId;
    try {
      const [remote] = await namespace.in(socketId).fetchSockets();
      return remote?.data.userId === userId;
    } catch {
      return false;
    }
  }

  /** Makes a socket (on any instance) interested in rows it loaded. */
  subscribe(socketId: string, table: ServerTable, ids: string[]): void {
    if (ids.length === 0) return;
    this.namespace?.in(socketId).socketsJoin(ids.map((id) => this.roomOfRow(table, id)));
  }

  /** The socket (on any instance) no longer hears about these rows. */
  unsubscribe(socketId: string, table: ServerTable, ids: string[]): void {
    if (ids.length === 0) return;
    this.namespace?.in(socketId).socketsLeave(ids.map((id) => roomOf(table, id)));
  }

  /** A row's room, as the string it already has when it exists (see SharedRoomNames). */
  private roomOfRow(table: ServerTable, id: string): string {
    const room = roomOf(table, id);
    return this.roomNames?.of(room) ?? room;
  }

  /**
   * One emit to the sockets in `rooms` (and the admins' "all" room), except the writer's.
   * Returns how many sockets of this instance it reached.
   */
  deliver(notification: SocketNotification, rooms: string[], except?: string): number {
    const namespace = this.namespace;
    if (!namespace) return 0;
    const targets = [...rooms, ALL_ROOM];
    const target = namespace.to(targets);
    (except ? target.except(except) : target).emit(NOTIFICATION_EVENT, notification);
    return localRecipients(namespace.adapter.rooms, targets, except);
  }

  /** Sign-out: the session's sockets close, on every instance. */
  disconnectSession(sessionId: string): void {
    this.namespace?.in(sessionRoom(sessionId)).disconnectSockets(true);
  }
}
