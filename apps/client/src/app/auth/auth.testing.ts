import { computed, signal } from '@angular/core';
import { Role, SessionUser } from '@smart-sync/shared-types/mini';
import { Auth, AuthStatus } from './auth';

/** A session user with a role per location id. */
export function sessionUser(
  username: string,
  roles: Readonly<Record<string, Role>> = {},
  admin = false,
): SessionUser {
  const rights = Object.entries(roles).map(([locationId, role]) => ({ locationId, role }));
  return { username, admin, rights };
}

/** The admin: reads and edits everything, adds and deletes locations. */
export const ADMIN = sessionUser('alice', {}, true);

/**
 * Test double for {@link Auth}: the user in a signal (null: signed out, 'checking': not known
 * yet), spies for the calls.
 */
export function fakeAuth(initial: SessionUser | null | 'checking' = ADMIN) {
  const known = initial === 'checking' ? undefined : initial;
  const user = signal<SessionUser | null | undefined>(known);
  const pageUser = signal<SessionUser | undefined>(known ?? undefined);
  const status = computed<AuthStatus>(() => {
    const now = user();
    return now === undefined ? 'checking' : now === null ? 'signed-out' : 'signed-in';
  });
  const signingOut = signal(false);
  const signOutHooks: (() => void)[] = [];
  const signInHooks: (() => void)[] = [];
  const auth = {
    user,
    pageUser,
    status,
    signedIn: computed(() => status() === 'signed-in'),
    signingOut,
    signOutHooks,
    beforeSignOut: jest.fn((hook: () => void) => void signOutHooks.push(hook)),
    signInHooks,
    afterSignIn: jest.fn((hook: () => void) => void signInHooks.push(hook)),
    refresh: jest.fn(() => Promise.resolve()),
    signIn: jest.fn((): Promise<string | undefined> => Promise.resolve(undefined)),
    signOut: jest.fn(() => Promise.resolve()),
    sessionEnded: jest.fn(() => user.set(null)),
  };
  return { auth, user, pageUser, provider: { provide: Auth, useValue: auth } };
}
