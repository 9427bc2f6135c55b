import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { ConnectionStatus } from '../socket/socket-connection';

const ICONS: Readonly<Record<ConnectionStatus, string>> = {
  connected: 'cloud_done',
  reconnecting: 'sync',
  offline: 'cloud_off',
};

/** Shows whether live updates are flowing: connected, reconnecting or offline. */
@Component({
  selector: 'app-connection-chip',
  imports: [MatIcon],
  template: `
    <mat-icon aria-hidden="true">{{ icons[status()] }}</mat-icon>
    <span class="text" role="status" aria-label="Connection status">{{ status() }}</span>
  `,
  styleUrl: './connection-chip.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[attr.data-status]': 'status()',
    '[class]': 'status()',
  },
})
export class ConnectionChip {
  readonly status = input.required<ConnectionStatus>();
  protected readonly icons = ICONS;
}
