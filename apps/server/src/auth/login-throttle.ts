/** Failed sign-ins of one username that are allowed within {@link LOGIN_WINDOW_MS}. */
export const LOGIN_FAILURES_ALLOWED = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Usernames remembered at most (the oldest is forgotten first): memory stays bounded. */
const MAX_USERNAMES = 10_000;

/**
 * Slows down password guessing: after {@link LOGIN_FAILURES_ALLOWED} failed sign-ins of one
 * username within {@link LOGIN_WINDOW_MS}, further attempts are refused until the oldest failure
 * leaves the window; a successful sign-in forgets the failures. Per instance, in memory.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly allowed = LOGIN_FAILURES_ALLOWED,
    private readonly windowMs = LOGIN_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `username` may try again; 0 when it may now. */
  retryAfterSeconds(username: string): number {
    const recent = this.recent(username);
    if (recent.length < this.allowed) return 0;
    return Math.max(1, Math.ceil((recent[0] + this.windowMs - this.now()) / 1000));
  }

  failed(username: string): void {
    const key = username.toLowerCase();
    const recent = [...this.recent(username), this.now()];
    this.failures.delete(key);
    this.failures.set(key, recent);
    if (this.failures.size > MAX_USERNAMES) {
      this.failures.delete(this.failures.keys().next().value as string);
    }
  }

  succeeded(username: string): void {
    this.failures.delete(username.toLowerCase());
  }

  private recent(username: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(username.toLowerCase()) ?? []).filter((time) => time > since);
  }
}
