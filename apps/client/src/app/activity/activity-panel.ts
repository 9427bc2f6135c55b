import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { ActivityEntry } from './activity-log';

/**
 * The last socket messages: raw as the server sent them, and as the client's store saw them; and
 * how many rows the server sends this browser messages about.
 */
@Component({
  selector: 'app-activity-panel',
  imports: [MatIcon],
  templateUrl: './activity-panel.html',
  styleUrl: './activity-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityPanel {
  readonly entries = input.required<readonly ActivityEntry[]>();
  /** How many rows the server tells this browser about. */
  readonly subscribed = input.required<number>();

  protected readonly subscribedText = computed(() => {
    const count = this.subscribed();
    return `Subscribed to ${count} ${count === 1 ? 'row' : 'rows'}`;
  });

  /**
   * Each entry with its local time of day to the millisecond, and its translation as one line of
   * JSON, like the raw message above it.
   */
  protected readonly rows = computed(() =>
    this.entries().map((entry) => ({
      ...entry,
      clock: clockTime(entry.time),
      translatedText: entry.translated === undefined ? undefined : JSON.stringify(entry.translated),
    })),
  );
}

/** `HH:mm:ss.SSS` in local time (what DatePipe would print, without its locale machinery). */
export function clockTime(time: Date): string {
  const pad = (value: number, digits = 2) => String(value).padStart(digits, '0');
  return `${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}.${pad(time.getMilliseconds(), 3)}`;
}
