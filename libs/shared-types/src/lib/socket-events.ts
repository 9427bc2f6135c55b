import { NOTIFICATION_EVENT, type SocketNotification } from './notification';

/**
 * socket.io's typed event maps for the `/data` namespace (socket.io's TypeScript docs): the server
 * types its namespace as `Namespace<ClientToServerEvents, ServerToClientEvents>`, the client its
 * socket as `Socket<ServerToClientEvents, ClientToServerEvents>`.
 */
export interface ServerToClientEvents {
  [NOTIFICATION_EVENT]: (notification: SocketNotification) => void;
}

/** What a client may send: nothing yet. */
export type ClientToServerEvents = Record<string, never>;
