import type { Role, SessionUser } from '@smart-sync/shared-types';

/** What the access rules need to know of a user: admin, or a role per location. */
export interface Rights {
  /** Reads and edits everything; the only one who adds or deletes locations. */
  admin: boolean;
  /** The locations the user may read (and everything under them), with the role there. */
  rights: ReadonlyMap<string, Role>;
}

/** The user of a valid session, as the guard and the socket handshake find it. */
export interface SignedInUser extends Rights {
  id: string;
  username: string;
  /** The session's id (the SHA-256 of its cookie's token, never the token). */
  sessionId: string;
  expiresAt: Date;
}

/** The locations a user may read: all of them (an admin), or these. */
export function readableLocations(user: Rights): 'all' | string[] {
  return user.admin ? 'all' : [...user.rights.keys()];
}

/** The user's role under a location; undefined when they may not read it. */
export function roleUnder(user: Rights, locationId: string): Role | undefined {
  return user.admin ? 'editor' : user.rights.get(locationId);
}

/** The user as `GET /api/auth/me` and a login answer it. */
export function toSessionUser(user: SignedInUser): SessionUser {
  return {
    username: user.username,
    admin: user.admin,
    rights: [...user.rights].map(([locationId, role]) => ({ locationId, role })),
  };
}
