import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';

/** Who is signed in, and the way to sign out. */
@Component({
  selector: 'app-signed-in-user',
  imports: [MatButton, MatIcon],
  template: `
    <mat-icon aria-hidden="true">account_circle</mat-icon>
    <span class="username">{{ username() }}</span>
    <button mat-button type="button" (click)="signOut.emit()">
      <mat-icon aria-hidden="true">logout</mat-icon>
      Sign out
    </button>
  `,
  styleUrl: './signed-in-user.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignedInUser {
  readonly username = input.required<string>();
  readonly signOut = output<void>();
}
