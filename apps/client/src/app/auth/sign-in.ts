import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  isDevMode,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { DEMO_PASSWORD, DEMO_USERS } from '@smart-sync/shared-types/mini';
import { Auth } from './auth';

/**
 * The sign-in page: username and password (Enter submits), and what went wrong under the form.
 * In development it lists the demo users; clicking one fills the form.
 */
@Component({
  selector: 'app-sign-in',
  imports: [MatButton, MatFormField, MatInput, MatLabel],
  templateUrl: './sign-in.html',
  styleUrl: './sign-in.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignIn {
  private readonly auth = inject(Auth);
  private readonly usernameBox = viewChild.required<ElementRef<HTMLInputElement>>('usernameBox');
  private readonly passwordBox = viewChild.required<ElementRef<HTMLInputElement>>('passwordBox');
  private readonly submitButton = viewChild.required('submitButton', { read: ElementRef });

  /** Listed in development only. */
  protected readonly demoUsers = isDevMode() ? DEMO_USERS : [];
  protected readonly demoPassword = DEMO_PASSWORD;
  protected readonly error = signal<string | undefined>(undefined);
  protected readonly pending = signal(false);

  constructor() {
    afterNextRender(() => this.usernameBox().nativeElement.focus());
  }

  protected async signIn(event: Event): Promise<void> {
    event.preventDefault();
    if (this.pending()) {
      return;
    }
    const username = this.usernameBox().nativeElement.value.trim();
    const password = this.passwordBox().nativeElement.value;
    if (username === '' || password === '') {
      this.error.set('Enter a username and a password');
      return;
    }
    this.pending.set(true);
    this.error.set(undefined);
    const error = await this.auth.signIn(username, password);
    this.pending.set(false);
    this.error.set(error);
  }

  /** Fills the form for a demo user; Enter or the Sign in button then signs in. */
  protected fillDemoUser(username: string): void {
    this.usernameBox().nativeElement.value = username;
    this.passwordBox().nativeElement.value = this.demoPassword;
    this.error.set(undefined);
    (this.submitButton().nativeElement as HTMLElement).focus();
  }
}
