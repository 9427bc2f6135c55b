import { inject, Injectable } from '@angular/core';
import { PARENT_TABLE, socketNotificationSchema } from '@smart-sync/shared-types/mini';
import { toClientNotification } from '@smart-sync/socket-translation';
import { handleSocketNotification } from '@smarttools/smart-signals';
import { ActivityLog } from '../activity/activity-log';
import { LoadsInFlight } from './loads-in-flight';

/**
 * Hands the server's change notifications to SmartNgRX: validates each against the wire contract,
 * translates it to client tables and ids, logs it, and lets SmartNgRX reload or remove the rows it
 * holds. A load on its way that may have read a row before the change (the row an update names;
 * the parent of a deleted row) is followed by another once answered ({@link LoadsInFlight}).
 */
@Injectable({ providedIn: 'root' })
export class NotificationDispatch {
  private readonly log = inject(ActivityLog);
  private readonly loads = inject(LoadsInFlight);

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
      this.log.record({ time, raw, problem });
      return;
    }
    const translated = toClientNotification(parsed.data);
    this.log.record({ time, raw, translated });
    const { action, table, ids } = parsed.data;
    if (action === 'update') {
      this.loads.changedMeanwhile(table, ids);
    } else if (table !== 'top') {
      // The deleted rows leave their parent's child list, which a parent load on its way lists.
      this.loads.allChangedMeanwhile(PARENT_TABLE[table]);
    }
    try {
      handleSocketNotification(translated.table, translated.action, translated.ids);
    } catch (error) {
      console.warn('SmartNgRX could not apply a socket message', translated, error);
    }
  }
}
