import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatToolbar } from '@angular/material/toolbar';
import { ActivityLog } from './activity/activity-log';
import { ActivityPanel } from './activity/activity-panel';
import { Auth } from './auth/auth';
import { SignIn } from './auth/sign-in';
import { describeError } from './errors/snackbar-error-handler';
import { SocketConnection } from './socket/socket-connection';
import { SubscribedRows } from './socket/subscribed-rows';
import { ConnectionChip } from './toolbar/connection-chip';
import { SignedInUser } from './toolbar/signed-in-user';
import { LocationTree } from './tree/location-tree';

/**
 * The shell: the sign-in page while signed out, the app once signed in. The app is only created
 * for a signed-in user (nothing loads before), and when the session ends it stays, hidden and as
 * it was, under the sign-in page: signing in again brings the user back where they were.
 */
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
    SignedInUser,
    SignIn,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly auth = inject(Auth);
  protected readonly connection = inject(SocketConnection);
  protected readonly activity = inject(ActivityLog);
  protected readonly subscribed = inject(SubscribedRows);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly activityOpen = signal(false);

  protected async signOut(): Promise<void> {
    try {
      await this.auth.signOut();
    } catch (error) {
      this.snackBar.open(`Could not sign out: ${describeError(error)}`, 'Dismiss', {
        duration: 6000,
      });
    }
  }
}
