import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import {
  NOTIFICATION_EVENT,
  NOTIFICATION_NAMESPACE,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketNotification,
} from '@smart-sync/shared-types';
import type { Namespace } from 'socket.io';

/**
 * The socket.io namespace clients listen on. It only broadcasts: clients send nothing. CORS and
 * the origin check of the handshake are the adapter's (see adapters/).
 */
@WebSocketGateway({ namespace: NOTIFICATION_NAMESPACE })
export class NotificationGateway {
  @WebSocketServer()
  private readonly namespace?: Namespace<ClientToServerEvents, ServerToClientEvents>;

  /** One broadcast to every connected client: socket.io encodes the packet once for all. */
  broadcast(notification: SocketNotification): void {
    this.namespace?.emit(NOTIFICATION_EVENT, notification);
  }
}
