import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Change } from '@smart-sync/server-db';
import type { NotificationAction, ServerTable } from '@smart-sync/shared-types';
import { pino, type Logger } from 'pino';
import { requestContext } from '../common/request-context';
import { APP_LOGGER } from '../logging/logger';
import { deliveriesFor, interestRoom } from './notification-rules';
import { NotificationGateway } from './notification.gateway';
import { NO_SYNC_METRICS, SYNC_METRICS, type SyncMetrics } from './sync-metrics';

interface Pending {
  action: NotificationAction;
  table: ServerTable;
  ids: Set<string>;
  rooms: Set<string>;
  /** The socket whose request made the writes: it already has them (no echo). */
  writer: string | undefined;
  /** The requests that made the writes (usually one), for the log line. */
  requestIds: Set<string>;
  /** When its first change was recorded (right after its commit), `performance.now()`. */
  recordedAt: number;
}

/**
 * Turns committed changes into notifications and sends each to the sockets interested in its
 * rows, and to those with interest in everything under the write's location, never back to the
 * socket that made the write. Changes recorded in the same tick of the event loop are coalesced:
 * one message per (action, table, writer, location) with all their ids — never ids of two
 * locations in one message, so no socket hears of a row under a location it may not read —
 * sent in the order each first appeared.
 */
@Injectable()
export class NotificationService {
  private pending = new Map<string, Pending>();
  private flushScheduled = false;

  private readonly logger: Logger;

  constructor(
    private readonly gateway: NotificationGateway,
    @Optional() @Inject(SYNC_METRICS) private readonly metrics: SyncMetrics = NO_SYNC_METRICS,
    @Optional() @Inject(APP_LOGGER) logger: Logger = pino({ level: 'silent' }),
  ) {
    this.logger = logger.child({ context: 'Notifications' });
  }

  /** Called by the change recorder once a write has committed. */
  record(change: Change): void {
    const { socketId: writer, locationId, requestId } = requestContext();
    const now = performance.now();
    for (const { notification, rooms } of deliveriesFor(change)) {
      const { action, table, ids } = notification;
      const key = `${action}:${table}:${writer ?? ''}:${locationId ?? ''}`;
      let entry = this.pending.get(key);
      if (!entry) {
        entry = {
          action,
          table,
          ids: new Set(),
          rooms: new Set(),
          writer,
          requestIds: new Set(),
          recordedAt: now,
        };
        this.pending.set(key, entry);
      }
      if (requestId) entry.requestIds.add(requestId);
      for (const id of ids) entry.ids.add(id);
      for (const room of rooms) entry.rooms.add(room);
      if (locationId) entry.rooms.add(interestRoom(locationId));
    }
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // A turn of the event loop later, after the request's answer: the writer never waits for
      // a fan-out to thousands of sockets (flushed as a microtask, PUT p50 with 5,000 listeners
      // went from 5 to 110 ms), and concurrent writes' changes share one message per tick.
      setImmediate(() => this.flush());
    }
  }

  /** Sends the pending notifications now (at shutdown; otherwise once per tick). */
  flush(): void {
    const batch = this.pending;
    this.pending = new Map();
    this.flushScheduled = false;
    for (const { action, table, ids, rooms, writer, requestIds, recordedAt } of batch.values()) {
      const recipients = this.gateway.deliver({ action, table, ids: [...ids] }, [...rooms], writer);
      const delaySeconds = (performance.now() - recordedAt) / 1000;
      this.metrics.notificationSent({ table, action, recipients, delaySeconds });
      // The request's id, as its own line has it (`reqId`); more than one when coalesced.
      const [reqId, ...others] = requestIds;
      this.logger.info(
        {
          reqId,
          ...(others.length > 0 ? { coalescedReqIds: [...requestIds] } : {}),
          table,
          action,
          rows: ids.size,
          recipients,
          delayMs: Math.round(delaySeconds * 1e6) / 1e3,
        },
        'notification sent',
      );
    }
  }
}
