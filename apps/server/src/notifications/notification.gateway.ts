import { Logger } from '@nestjs/common';
import {
  type OnGatewayConnection,
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
import { ALL_ROOM, roomOf } from './notification-rules';

type DataNamespace = Namespace<ClientToServerEvents, ServerToClientEvents>;
type DataSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/**
 * The socket.io namespace clients listen on. A socket hears about the rows it loaded (it joins
 * each row's room, see TablesController) until it releases them or disconnects; a socket that
 * connects with `auth: { interest: 'all' }` hears everything. CORS and the origin check of the
 * handshake are the adapter's (see adapters/). Rooms and emits go through the socket.io adapter,
 * so with Redis they span every instance.
 */
@WebSocketGateway({ namespace: NOTIFICATION_NAMESPACE })
export class NotificationGateway implements OnGatewayConnection {
  private readonly logger = new Logger('Interest');

  @WebSocketServer()
  private readonly namespace?: DataNamespace;

  handleConnection(socket: DataSocket): void {
    const auth = socket.handshake.auth as { interest?: unknown } | undefined;
    if (auth?.interest === 'all') void socket.join(ALL_ROOM);
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

  /** Makes a socket (on any instance) interested in rows it loaded. */
  subscribe(socketId: string, table: ServerTable, ids: string[]): void {
    if (ids.length === 0) return;
    this.namespace?.in(socketId).socketsJoin(ids.map((id) => roomOf(table, id)));
  }

  /** One emit to the sockets in `rooms` (and the "all" room), except the writer's. */
  deliver(notification: SocketNotification, rooms: string[], except?: string): void {
    const namespace = this.namespace;
    if (!namespace) return;
    const target = namespace.to([...rooms, ALL_ROOM]);
    (except ? target.except(except) : target).emit(NOTIFICATION_EVENT, notification);
  }
}
