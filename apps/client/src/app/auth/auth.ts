import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import {
  computed,
  DOCUMENT,
  EnvironmentProviders,
  inject,
  Injectable,
  InjectionToken,
  provideAppInitializer,
  signal,
  untracked,
} from '@angular/core';
import {
  AUTH_LOGIN_PATH,
  AUTH_LOGOUT_PATH,
  AUTH_ME_PATH,
  LoginBody,
  SessionUser,
  sessionUserSchema,
} from '@smart-sync/shared-types/mini';
import { firstValueFrom } from 'rxjs';
import { PageFirstScreen } from '../page/page-first-screen';

/** Whether someone is signed in: not known yet (start-up), signed in, or signed out. */
export type AuthStatus = 'checking' | 'signed-in' | 'signed-out';

export const LOGIN_URL = `/api/${AUTH_LOGIN_PATH}`;
export const LOGOUT_URL = `/api/${AUTH_LOGOUT_PATH}`;
export const ME_URL = `/api/${AUTH_ME_PATH}`;

/** Reloads the page; a test replaces it. */
export const RELOAD_PAGE = new InjectionToken<() => void>('RELOAD_PAGE', {
  providedIn: 'root',
  factory: () => {
    const location = inject(DOCUMENT).location;
    return () => location.reload();
  },
});

/** What the sign-in form says when the server refused a sign-in. */
export function signInErrorMessage(error: unknown, now = Date.now()): string {
  if (!(error instanceof HttpErrorResponse)) {
    return 'Sign-in failed, try again';
  }
  switch (error.status) {
    case 401:
      return 'Wrong username or password';
    case 429: {
      const seconds = retryAfterSeconds(error.headers.get('Retry-After'), now);
      return seconds === undefined
        ? 'Too many attempts, try again later'
        : `Too many attempts, try again in ${seconds} s`;
    }
    case 0:
      return 'The server cannot be reached';
    default:
      return `Sign-in failed (${error.status}), try again`;
  }
}

/** A Retry-After header (seconds, or an HTTP date) as whole seconds from `now`. */
export function retryAfterSeconds(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') {
    return undefined;
  }
  if (/^\d+$/.test(header.trim())) {
    return Number(header.trim());
  }
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(Math.ceil((at - now) / 1000), 0);
}

function sameUser(a: SessionUser, b: SessionUser): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Who is signed in. The session is an HttpOnly cookie the browser sends by itself (same origin);
 * this only knows the user it stands for: from `GET /api/auth/me` at start-up, from a sign-in, and
 * signed out when the server answers 401 anywhere ({@link authInterceptor}).
 *
 * The store holds one user's rows. While the session is lost, the app stays where it was (hidden
 * under the sign-in page); signing in again as the same user resumes there. Signing in as anyone
 * else, or signing out, reloads the page: the simplest way to be sure nothing of the previous
 * user's rows, requests or socket survives (SmartNgRX has no "forget everything").
 */
@Injectable({ providedIn: 'root' })
export class Auth {
  private readonly http = inject(HttpClient);
  private readonly reloadPage = inject(RELOAD_PAGE);
  private readonly page = inject(PageFirstScreen);
  /** Undefined until the start-up check has answered, null while signed out. */
  private readonly userState = signal<SessionUser | null | undefined>(undefined);
  private readonly pageUserState = signal<SessionUser | undefined>(undefined);

  /** The signed-in user; null while signed out, undefined until known. */
  readonly user = this.userState.asReadonly();
  /** The user this page's data belongs to: the first one signed in; kept while signed out. */
  readonly pageUser = this.pageUserState.asReadonly();
  readonly status = computed<AuthStatus>(() => {
    const user = this.user();
    return user === undefined ? 'checking' : user === null ? 'signed-out' : 'signed-in';
  });
  readonly signedIn = computed(() => this.status() === 'signed-in');
  private readonly signingOutState = signal(false);
  /** From a sign-out's start until it failed or the page reloads: live updates stop at once. */
  readonly signingOut = this.signingOutState.asReadonly();
  private readonly signOutHooks: (() => void)[] = [];
  private readonly signInHooks: (() => void)[] = [];

  /**
   * Finds out at start-up who is signed in: the user the page was made for, when the server put
   * one into it; otherwise it asks ({@link refresh}).
   */
  start(): void {
    const pageUser = this.page.user;
    if (pageUser === undefined) {
      void this.refresh();
    } else {
      this.accept(pageUser);
    }
  }

  /** Asks the server who the session cookie (if any) belongs to. */
  async refresh(): Promise<void> {
    try {
      this.accept(sessionUserSchema.parse(await firstValueFrom(this.http.get<unknown>(ME_URL))));
    } catch (error) {
      // Not signed in (401), or the server cannot tell: either way, sign-in is the way on.
      if (this.user() === undefined || (error as HttpErrorResponse | undefined)?.status === 401) {
        this.sessionEnded();
      }
    }
  }

  /** Signs in; resolves to what went wrong, or undefined once signed in. */
  async signIn(username: string, password: string): Promise<string | undefined> {
    const body: LoginBody = { username, password };
    try {
      this.accept(
        sessionUserSchema.parse(await firstValueFrom(this.http.post<unknown>(LOGIN_URL, body))),
      );
      return undefined;
    } catch (error) {
      return signInErrorMessage(error);
    }
  }

  /**
   * Signs out on the server (which also closes this session's sockets), then reloads the page,
   * which starts signed out, with an empty store. A session the server no longer knows (401) is
   * as good as signed out; any other failure is thrown and the user stays signed in.
   */
  /**
   * Runs `hook` when a sign-out starts, before the server ends the session: e.g. the socket closes
   * itself rather than being closed by the server and reconnecting meanwhile.
   */
  beforeSignOut(hook: () => void): void {
    this.signOutHooks.push(hook);
  }

  /**
   * Runs `hook` each time someone is signed in (the start-up check or a sign-in), as soon as the
   * answer is in: before the change detection that follows it, where effects would only see it
   * after the app has rendered. Runs it at once too when someone already is.
   */
  afterSignIn(hook: () => void): void {
    this.signInHooks.push(hook);
    if (untracked(() => this.signedIn())) {
      hook();
    }
  }

  async signOut(): Promise<void> {
    this.signingOutState.set(true);
    this.signOutHooks.forEach((hook) => hook());
    try {
      await firstValueFrom(this.http.post(LOGOUT_URL, null));
    } catch (error) {
      if (!(error instanceof HttpErrorResponse && error.status === 401)) {
        this.signingOutState.set(false);
        throw error;
      }
    }
    this.userState.set(null);
    this.reloadPage();
  }

  /** The server said the session is gone (401): the sign-in page takes over. */
  sessionEnded(): void {
    if (this.user() !== null) {
      this.userState.set(null);
    }
  }

  private accept(user: SessionUser): void {
    const pageUser = this.pageUser();
    if (pageUser !== undefined && !sameUser(pageUser, user)) {
      // Another user (or other rights): the store holds rows they must not see.
      this.reloadPage();
      return;
    }
    this.pageUserState.set(user);
    this.userState.set(user);
    this.signInHooks.forEach((hook) => hook());
  }
}

/** Finds out at start-up who is signed in (without holding the app back: it shows nothing till then). */
export function provideAuth(): EnvironmentProviders {
  return provideAppInitializer(() => inject(Auth).start());
}
