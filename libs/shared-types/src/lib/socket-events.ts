import type { Release } from './interest';
import { NOTIFICATION_EVENT, type SocketNotification } from './notification';

/**
 * socket.io's typed event maps for the `/data` namespace (socket.io's TypeScript docs): the server
 * types its namespace as `Namespace<ClientToServerEvents, ServerToClientEvents>`, the client its
 * socket as `Socket<ServerToClientEvents, ClientToServerEvents>`.
 */
export interface ServerToClientEvents {
  [NOTIFICATION_EVENT]: (notification: SocketNotification) => void;
}

/** What a client sends: the rows it dropped (see interest.ts). */
export interface ClientToServerEvents {
  release: (release: Release) => void;
}
