import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Auth } from './auth/auth';
import { FirstScreenPreload } from './tree/first-screen-preload';
import { SignIn } from './auth/sign-in';
import { Workspace } from './workspace/workspace';

/**
 * The shell: the sign-in page while signed out, the app once signed in. The app is only created
 * for a signed-in user (nothing loads before), and when the session ends it stays, hidden and as
 * it was, under the sign-in page: signing in again brings the user back where they were.
 */
@Component({
  selector: 'app-root',
  imports: [SignIn, Workspace],
  templateUrl: './app.html',
  styleUrl: './app.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly auth = inject(Auth);
  protected readonly firstScreen = inject(FirstScreenPreload);
}
