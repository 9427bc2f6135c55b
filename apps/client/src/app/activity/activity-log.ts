import { Injectable, signal } from '@angular/core';
import { ClientNotification } from '@smart-sync/socket-translation';

/** One message as the activity panel shows it: what arrived and what the store was told. */
export interface ActivityEntry {
  readonly time: Date;
  /** The message as received, as JSON. */
  readonly raw: string;
  /** Set when the message was valid and handed to SmartNgRX. */
  readonly translated?: ClientNotification;
  /** Set when the message was dropped, saying why. */
  readonly problem?: string;
}

/** How many messages the activity panel keeps. */
export const ACTIVITY_LIMIT = 50;

/** The latest socket messages, newest first, as the activity panel lists them. */
@Injectable({ providedIn: 'root' })
export class ActivityLog {
  private readonly entriesState = signal<readonly ActivityEntry[]>([]);

  readonly entries = this.entriesState.asReadonly();

  record(entry: ActivityEntry): void {
    this.entriesState.update((entries) => [entry, ...entries].slice(0, ACTIVITY_LIMIT));
  }
}
