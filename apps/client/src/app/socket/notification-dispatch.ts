import { inject, Injectable } from '@angular/core';
import { socketNotificationSchema } from '@smart-sync/shared-types/mini';
import { toClientNotification } from '@smart-sync/socket-translation';
import { handleSocketNotification } from '@smarttools/smart-signals';
import { ActivityLog } from '../activity/activity-log';
import { LoadsInFlight } from './loads-in-flight';

/**
 * Hands the server's change notifications to SmartNgRX: validates each against the wire contract,
 * translates it to client tables and ids, logs it, and lets SmartNgRX reload or remove the rows it
 * holds. Rows an update names that are still loading are loaded again once that load has
 * answered ({@link LoadsInFlight}): SmartNgRX leaves them alone meanwhile.
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
    if (parsed.data.action === 'update') {
      this.loads.changedMeanwhile(parsed.data.table, parsed.data.ids);
    }
    try {
      handleSocketNotification(translated.table, translated.action, translated.ids);
    } catch (error) {
      console.warn('SmartNgRX could not apply a socket message', translated, error);
    }
  }
}
