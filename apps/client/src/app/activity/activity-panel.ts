import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { ActivityEntry } from '../socket/socket.service';

/** The last socket messages: raw as the server sent them, and as the client's store saw them. */
@Component({
  selector: 'app-activity-panel',
  imports: [DatePipe, JsonPipe, MatIconModule],
  templateUrl: './activity-panel.html',
  styleUrl: './activity-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityPanel {
  readonly entries = input.required<readonly ActivityEntry[]>();
}
