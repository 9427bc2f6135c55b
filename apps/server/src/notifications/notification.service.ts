import { Injectable } from '@nestjs/common';
import type { NotificationAction, ServerTable } from '@smart-sync/shared-types';
import type { Change } from '@smart-sync/server-db';
import { notificationsFor } from './notification-rules';
import { NotificationGateway } from './notification.gateway';

interface Pending {
  action: NotificationAction;
  table: ServerTable;
  ids: Set<string>;
}

/**
 * Turns committed changes into notifications and broadcasts them. Changes recorded in the same
 * tick of the event loop are coalesced: one message per (action, table) with all their ids, sent
 * in the order each (action, table) first appeared.
 */
@Injectable()
export class NotificationService {
  private pending = new Map<string, Pending>();
  private flushScheduled = false;

  constructor(private readonly gateway: NotificationGateway) {}

  /** Called by the change recorder once a write has committed. */
  record(change: Change): void {
    for (const { action, table, ids } of notificationsFor(change)) {
      const key = `${action}:${table}`;
      let entry = this.pending.get(key);
      if (!entry) {
        entry = { action, table, ids: new Set() };
        this.pending.set(key, entry);
      }
      for (const id of ids) entry.ids.add(id);
    }
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Sends the pending notifications now (at shutdown; otherwise once per tick). */
  flush(): void {
    const batch = this.pending;
    this.pending = new Map();
    this.flushScheduled = false;
    for (const { action, table, ids } of batch.values()) {
      this.gateway.broadcast({ action, table, ids: [...ids] });
    }
  }
}
