/**
 * Injection token of the {@link SessionSockets} the auth layer tells when a session ends. The
 * notifications module provides it, so the auth layer never imports the layers above it.
 */
export const SESSION_SOCKETS = Symbol('SESSION_SOCKETS');

export interface SessionSockets {
  /** Disconnects a session's sockets, on every instance. */
  disconnectSession(sessionId: string): void;
}
