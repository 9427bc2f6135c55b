import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { ActivityEntry } from './activity-log';

/** The last socket messages: raw as the server sent them, and as the client's store saw them. */
@Component({
  selector: 'app-activity-panel',
  imports: [DatePipe, MatIcon],
  templateUrl: './activity-panel.html',
  styleUrl: './activity-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityPanel {
  readonly entries = input.required<readonly ActivityEntry[]>();

  /** Each entry with its translation as one line of JSON, like the raw message above it. */
  protected readonly rows = computed(() =>
    this.entries().map((entry) => ({
      ...entry,
      translatedText: entry.translated === undefined ? undefined : JSON.stringify(entry.translated),
    })),
  );
}
