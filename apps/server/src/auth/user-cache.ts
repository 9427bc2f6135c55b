/**
 * Recently read users with their grants, by id, for `ttlMs`: each request still checks its
 * session row (a sign-out counts at once, on every instance), but not its user's rights. Rights
 * changed in the database count within `ttlMs`, or at the user's next sign-in, which refreshes them.
 */
export class UserCache<User extends { id: string }> {
  private readonly users = new Map<string, { user: User; readAt: number }>();

  constructor(
    private readonly ttlMs: number,
    /** Bounds the memory: past it, the oldest entries go first. */
    private readonly maxUsers = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(id: string): User | undefined {
    const entry = this.users.get(id);
    if (!entry) return undefined;
    if (this.now() - entry.readAt < this.ttlMs) return entry.user;
    this.users.delete(id);
    return undefined;
  }

  set(user: User): void {
    this.users.delete(user.id);
    if (this.users.size >= this.maxUsers) {
      const oldest = this.users.keys().next().value;
      if (oldest !== undefined) this.users.delete(oldest);
    }
    this.users.set(user.id, { user, readAt: this.now() });
  }
}
