import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MAT_ICON_DEFAULT_OPTIONS, MatIcon } from '@angular/material/icon';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { ActivityLog } from '../activity/activity-log';
import { ActivityPanel } from '../activity/activity-panel';
import { Auth } from '../auth/auth';
import { ErrorSnackbar } from '../errors/error-snackbar';
import { describeError } from '../errors/snackbar-error-handler';
import { SocketConnection } from '../socket/socket-connection';
import { SubscribedRows } from '../socket/subscribed-rows';
import { ConnectionChip } from '../toolbar/connection-chip';
import { SignedInUser } from '../toolbar/signed-in-user';
import { LocationTree } from '../tree/location-tree';

/**
 * The app of a signed-in user: the toolbar (connection, activity toggle, who is signed in), the
 * tree, and the activity panel beside it. Its icons (and those of everything in it, menus too)
 * are Material Symbols ligatures.
 */
@Component({
  selector: 'app-workspace',
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
    SignedInUser,
  ],
  templateUrl: './workspace.html',
  styleUrl: './workspace.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [
    { provide: MAT_ICON_DEFAULT_OPTIONS, useValue: { fontSet: 'material-symbols-outlined' } },
  ],
})
export class Workspace {
  readonly username = input.required<string>();

  private readonly auth = inject(Auth);
  private readonly snackbar = inject(ErrorSnackbar);
  protected readonly connection = inject(SocketConnection);
  protected readonly activity = inject(ActivityLog);
  protected readonly subscribed = inject(SubscribedRows);
  protected readonly activityOpen = signal(false);
  /** Whether the panel is out, until its closing animation has ended. */
  protected readonly activityShown = signal(false);

  protected async signOut(): Promise<void> {
    try {
      await this.auth.signOut();
    } catch (error) {
      await this.snackbar.show(`Could not sign out: ${describeError(error)}`);
    }
  }
}
