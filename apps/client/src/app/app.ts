import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { ActivityLog } from './activity/activity-log';
import { ActivityPanel } from './activity/activity-panel';
import { SocketConnection } from './socket/socket-connection';
import { SubscribedRows } from './socket/subscribed-rows';
import { ConnectionChip } from './toolbar/connection-chip';
import { LocationTree } from './tree/location-tree';

@Component({
  selector: 'app-root',
  imports: [
    MatIcon,
    MatIconButton,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatToolbar,
    ActivityPanel,
    ConnectionChip,
    LocationTree,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly connection = inject(SocketConnection);
  protected readonly activity = inject(ActivityLog);
  protected readonly subscribed = inject(SubscribedRows);
  protected readonly activityOpen = signal(false);
}
