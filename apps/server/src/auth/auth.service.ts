import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { dateOf, hashPassword, verifyPassword, type SqlDialect } from '@smart-sync/server-db';
import { roleSchema } from '@smart-sync/shared-types';
import type { SignedInUser } from '../common/signed-in-user';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PrismaService } from '../db/prisma.service';
import { newSessionToken, sessionIdOf, sessionTokenIn } from './session-cookie';
import { UserCache } from './user-cache';

/** How long a user's rights are taken as read (see {@link UserCache}). */
export const USER_CACHE_MS = 5_000;

const USER_FIELDS = {
  id: true,
  username: true,
  admin: true,
  grants: { select: { locationId: true, role: true } },
} as const;

/** The per-request session lookup, through the driver adapter (see DirectSql). */
function sessionSql(dialect: SqlDialect): string {
  return `SELECT "userId", "expiresAt" FROM "sessions" WHERE "id" = ${dialect.parameter(1)}`;
}

interface StoredUser {
  id: string;
  username: string;
  admin: boolean;
  grants: { locationId: string; role: string }[];
}

function signedIn(user: StoredUser, session: { id: string; expiresAt: Date }): SignedInUser {
  return {
    id: user.id,
    username: user.username,
    admin: user.admin,
    // A role the schema does not know grants nothing.
    rights: new Map(
      user.grants.flatMap(({ locationId, role }) => {
        const parsed = roleSchema.safeParse(role);
        return parsed.success ? [[locationId, parsed.data] as const] : [];
      }),
    ),
    sessionId: session.id,
    expiresAt: session.expiresAt,
  };
}

/**
 * Sessions in the database: a sign-in creates one (a new random token every time; the table keeps
 * only its SHA-256), sign-out deletes it — on every instance at once, they share the database.
 */
@Injectable()
export class AuthService {
  private readonly users = new UserCache<StoredUser>(USER_CACHE_MS);
  /** Verified against for unknown usernames, so they cost what a wrong password costs. */
  private readonly dummyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: PrismaService,
  ) {
    this.dummyHash.catch(() => undefined);
  }

  /**
   * The user of the session a `Cookie` header names, when it is valid and unexpired: one indexed
   * lookup of the session per request and per socket handshake (straight through the driver
   * adapter: it is the one query every request makes); the user and their grants come from a
   * short-lived cache (two more queries when it has to read them).
   */
  async userOfCookie(cookieHeader: string | undefined): Promise<SignedInUser | undefined> {
    const token = sessionTokenIn(cookieHeader);
    if (!token) return undefined;
    const { $directSql: reads, $sqlDialect: dialect } = this.db.client;
    const id = sessionIdOf(token);
    const [row] = await reads.rows(sessionSql(dialect), [id]);
    const session = row && {
      id,
      userId: String(row['userId']),
      expiresAt: dateOf(row['expiresAt']),
    };
    if (!session || session.expiresAt.getTime() <= Date.now()) return undefined;
    const user = this.users.get(session.userId) ?? (await this.readUser(session.userId));
    return user && signedIn(user, session);
  }

  private async readUser(id: string): Promise<StoredUser | undefined> {
    const user = await this.db.client.user.findUnique({ where: { id }, select: USER_FIELDS });
    if (user) this.users.set(user);
    return user ?? undefined;
  }

  /**
   * A new session for a username and password (and the cookie's token), or undefined for a wrong
   * username or password alike: both cost one scrypt verification.
   */
  async login(
    username: string,
    password: string,
  ): Promise<{ token: string; user: SignedInUser } | undefined> {
    const user = await this.db.client.user.findUnique({
      where: { username },
      select: { ...USER_FIELDS, passwordHash: true },
    });
    const matches = await verifyPassword(password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !matches) return undefined;
    const { passwordHash: _, ...rights } = user;
    this.users.set(rights);
    const token = newSessionToken();
    const now = Date.now();
    await this.db.client.session.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
    const session = await this.db.client.session.create({
      data: {
        id: sessionIdOf(token),
        userId: user.id,
        expiresAt: new Date(now + this.config.sessionTtlMs),
      },
      select: { id: true, expiresAt: true },
    });
    return { token, user: signedIn(user, session) };
  }

  /** Revokes a session: its cookie no longer works anywhere. */
  async logout(sessionId: string): Promise<void> {
    await this.db.client.session.deleteMany({ where: { id: sessionId } });
  }
}
