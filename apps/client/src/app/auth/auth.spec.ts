import { HttpErrorResponse, HttpHeaders, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PageFirstScreen } from '../page/page-first-screen';
import { ADMIN, sessionUser } from './auth.testing';
import {
  Auth,
  LOGIN_URL,
  LOGOUT_URL,
  ME_URL,
  RELOAD_PAGE,
  retryAfterSeconds,
  signInErrorMessage,
} from './auth';

describe('Auth', () => {
  const bob = sessionUser('bob', { l1: 'editor', l2: 'viewer' });
  let auth: Auth;
  let backend: HttpTestingController;
  let reload: jest.Mock;

  beforeEach(() => {
    reload = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RELOAD_PAGE, useValue: reload },
      ],
    });
    auth = TestBed.inject(Auth);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  /** Answers the pending request to `url` and lets the service take the answer in. */
  async function answer(url: string, body: unknown, init?: { status: number; statusText: string }) {
    backend.expectOne(url).flush(body, init);
    await new Promise((resolve) => setTimeout(resolve));
  }

  const unauthorized = { status: 401, statusText: 'Unauthorized' };

  it('is checking until the server says who the session belongs to', async () => {
    expect(auth.status()).toBe('checking');
    const checked = auth.refresh();
    await answer(ME_URL, bob);
    await checked;
    expect(auth.status()).toBe('signed-in');
    expect(auth.user()).toEqual(bob);
    expect(auth.pageUser()).toEqual(bob);
  });

  it('is signed out when there is no session (401)', async () => {
    const checked = auth.refresh();
    await answer(ME_URL, { message: 'Unauthorized' }, unauthorized);
    await checked;
    expect(auth.status()).toBe('signed-out');
    expect(auth.user()).toBeNull();
    expect(auth.signedIn()).toBe(false);
  });

  it('is signed out at start-up when the server cannot tell, but stays signed in later', async () => {
    const first = auth.refresh();
    await answer(ME_URL, null, { status: 502, statusText: 'Bad Gateway' });
    await first;
    expect(auth.status()).toBe('signed-out');

    const signedIn = auth.signIn('bob', 'demo');
    await answer(LOGIN_URL, bob);
    await signedIn;
    const later = auth.refresh();
    await answer(ME_URL, null, { status: 502, statusText: 'Bad Gateway' });
    await later;
    expect(auth.status()).toBe('signed-in');
  });

  it('signs in with the username and password', async () => {
    const signedIn = auth.signIn('bob', 'demo');
    const request = backend.expectOne(LOGIN_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ username: 'bob', password: 'demo' });
    request.flush(bob);
    expect(await signedIn).toBeUndefined();
    expect(auth.user()).toEqual(bob);
  });

  it('says why a sign-in failed: wrong credentials (401), too many attempts (429)', async () => {
    const wrong = auth.signIn('bob', 'nope');
    backend.expectOne(LOGIN_URL).flush({ message: 'Unauthorized' }, unauthorized);
    expect(await wrong).toBe('Wrong username or password');

    const throttled = auth.signIn('bob', 'nope');
    backend.expectOne(LOGIN_URL).flush(null, {
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'Retry-After': '30' },
    });
    expect(await throttled).toBe('Too many attempts, try again in 30 s');
    expect(auth.status()).toBe('checking');
  });

  it('goes to signed out when the session ended, and resumes when the same user signs in', async () => {
    const signedIn = auth.signIn('bob', 'demo');
    await answer(LOGIN_URL, bob);
    await signedIn;
    auth.sessionEnded();
    expect(auth.status()).toBe('signed-out');
    expect(auth.pageUser()).toEqual(bob);

    const again = auth.signIn('bob', 'demo');
    await answer(LOGIN_URL, bob);
    await again;
    expect(auth.status()).toBe('signed-in');
    expect(reload).not.toHaveBeenCalled();
  });

  it('reloads the page when someone else signs in: the store holds the previous user’s rows', async () => {
    const signedIn = auth.signIn('bob', 'demo');
    await answer(LOGIN_URL, bob);
    await signedIn;
    auth.sessionEnded();
    const other = auth.signIn('alice', 'demo');
    await answer(LOGIN_URL, ADMIN);
    await other;
    expect(reload).toHaveBeenCalledTimes(1);
    expect(auth.pageUser()).toEqual(bob);
  });

  it('runs the sign-in hooks as each answer saying who is signed in is taken, signed in already', async () => {
    const seen: (string | undefined)[] = [];
    auth.afterSignIn(() => seen.push(auth.user()?.username));
    const checked = auth.refresh();
    await answer(ME_URL, bob);
    await checked;
    expect(seen).toEqual(['bob']);

    auth.sessionEnded();
    const again = auth.signIn('bob', 'demo');
    await answer(LOGIN_URL, bob);
    await again;
    expect(seen).toEqual(['bob', 'bob']);

    auth.sessionEnded();
    const other = auth.signIn('alice', 'demo');
    await answer(LOGIN_URL, ADMIN);
    await other;
    const failed = auth.signIn('bob', 'nope');
    backend.expectOne(LOGIN_URL).flush({ message: 'Unauthorized' }, unauthorized);
    await failed;
    expect(seen).toEqual(['bob', 'bob']);
  });

  it('runs a sign-in hook at once when it comes while someone is signed in', async () => {
    const checked = auth.refresh();
    await answer(ME_URL, bob);
    await checked;
    const hook = jest.fn();
    auth.afterSignIn(hook);
    expect(hook).toHaveBeenCalledTimes(1);
  });

  it('starts signed in as the user the page was made for, without asking the server', () => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: RELOAD_PAGE, useValue: reload },
        { provide: PageFirstScreen, useValue: { user: bob } },
      ],
    });
    const started = TestBed.inject(Auth);
    const hook = jest.fn();
    started.afterSignIn(hook);
    started.start();
    expect(started.user()).toEqual(bob);
    expect(started.pageUser()).toEqual(bob);
    expect(hook).toHaveBeenCalledTimes(1);
    TestBed.inject(HttpTestingController).expectNone(ME_URL);
  });

  it('asks the server at start-up when the page came without a user', async () => {
    auth.start();
    await answer(ME_URL, bob);
    expect(auth.user()).toEqual(bob);
  });

  it('signs out on the server, then reloads the page', async () => {
    const signedIn = auth.signIn('bob', 'demo');
    await answer(LOGIN_URL, bob);
    await signedIn;
    const hook = jest.fn(() => expect(auth.signingOut()).toBe(true));
    auth.beforeSignOut(hook);
    const signedOut = auth.signOut();
    expect(hook).toHaveBeenCalledTimes(1);
    const request = backend.expectOne(LOGOUT_URL);
    expect(request.request.method).toBe('POST');
    expect(reload).not.toHaveBeenCalled();
    request.flush(null, { status: 204, statusText: 'No Content' });
    await signedOut;
    expect(auth.status()).toBe('signed-out');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('counts a session the server no longer knows as signed out, but stays on other failures', async () => {
    const gone = auth.signOut();
    backend.expectOne(LOGOUT_URL).flush(null, unauthorized);
    await gone;
    expect(reload).toHaveBeenCalledTimes(1);

    const failed = auth.signOut();
    backend.expectOne(LOGOUT_URL).flush(null, { status: 500, statusText: 'Server Error' });
    await expect(failed).rejects.toBeInstanceOf(HttpErrorResponse);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(auth.signingOut()).toBe(false);
  });
});

describe('signInErrorMessage', () => {
  const error = (status: number, headers: Record<string, string> = {}) =>
    new HttpErrorResponse({ status, headers: new HttpHeaders(headers) });

  it.each([
    [error(401), 'Wrong username or password'],
    [error(429, { 'Retry-After': '12' }), 'Too many attempts, try again in 12 s'],
    [error(429), 'Too many attempts, try again later'],
    [error(0), 'The server cannot be reached'],
    [error(500), 'Sign-in failed (500), try again'],
    [new Error('not http'), 'Sign-in failed, try again'],
  ])('words %p as %p', (failure, message) => {
    expect(signInErrorMessage(failure)).toBe(message);
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds, or a date from now, rounded up', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterSeconds('45', now)).toBe(45);
    expect(retryAfterSeconds('Wed, 01 Jan 2025 00:00:09 GMT', now)).toBe(9);
    expect(retryAfterSeconds('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds('soon', now)).toBeUndefined();
    expect(retryAfterSeconds(null, now)).toBeUndefined();
  });
});
