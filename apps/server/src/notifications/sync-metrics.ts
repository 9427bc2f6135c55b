import type { NotificationAction, ServerTable } from '@smart-sync/shared-types';

/** One message this instance emitted. */
export interface SentNotification {
  table: ServerTable;
  action: NotificationAction;
  /** The sockets on this instance it went to (the writer's left out). */
  recipients: number;
  /** From the commit of its first change to the emit. */
  delaySeconds: number;
}

/**
 * What the notifications report to the metrics (provided by the metrics module, a layer above:
 * notifications never import it).
 */
export interface SyncMetrics {
  socketConnected(): void;
  socketDisconnected(): void;
  notificationSent(sent: SentNotification): void;
}

/** Injection token of the {@link SyncMetrics}. */
export const SYNC_METRICS = Symbol('SYNC_METRICS');

/** Reports to nobody (unit tests that build the services by hand). */
export const NO_SYNC_METRICS: SyncMetrics = {
  socketConnected: () => undefined,
  socketDisconnected: () => undefined,
  notificationSent: () => undefined,
};
