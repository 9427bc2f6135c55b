// The sign-in contract's plain constants and rule, shared by the classic contract (auth.ts) and the
// browser's mini build (mini.ts), so neither pulls the other's zod in.
import type { Role, SessionUser } from './auth';

export const AUTH_LOGIN_PATH = 'auth/login';
export const AUTH_LOGOUT_PATH = 'auth/logout';
export const AUTH_ME_PATH = 'auth/me';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'sid';

/** The users the demo data comes with; each has the password {@link DEMO_PASSWORD}. */
export const DEMO_USERS = [
  { username: 'alice', rights: 'admin: reads and edits everything, adds and deletes locations' },
  { username: 'bob', rights: 'editor of Location 1, viewer of Location 2' },
  { username: 'carol', rights: 'viewer of Location 1' },
  { username: 'dave', rights: 'editor of Location 3' },
] as const;
export const DEMO_PASSWORD = 'demo';

/** What a user may do under one location. */
export const ROLES = ['viewer', 'editor'] as const;

/** The role a user has under a location, or undefined when they may not read it. */
export function roleIn(user: SessionUser, locationId: string): Role | undefined {
  if (user.admin) return 'editor';
  return user.rights.find((right) => right.locationId === locationId)?.role;
}
