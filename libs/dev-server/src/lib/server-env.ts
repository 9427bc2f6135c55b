/** What a test or benchmark chooses about the server it runs (README "Configuration"). */
export interface ServerSettings {
  port: number;
  /**
   * `file:/path/to.db` (SQLite) or `postgresql://…/<database>`; the server migrates and seeds an
   * empty one at start-up.
   */
  databaseUrl: string;
  /** Multiplies the seeded child rows; 1 (the default) seeds 40,033 rows. */
  seedScale?: number;
  /** Browser origins allowed besides the server's own. */
  corsOrigins?: readonly string[];
  /** Redis for the socket.io adapter, so that broadcasts reach the other instances' clients. */
  redisUrl?: string;
  /** How long a SIGTERM/SIGINT shutdown may take (the server's default: 10 s). */
  shutdownTimeoutMs?: number;
  /** Nest's log level (the server's default: `log`). */
  logLevel?: string;
}

/**
 * The environment variables that give the built server these settings. The one place that
 * spells them, for a server started here and for one that Playwright's webServer starts.
 */
export function serverEnv(settings: ServerSettings): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: String(settings.port),
    DATABASE_URL: settings.databaseUrl,
    SEED: 'true',
    SEED_SCALE: String(settings.seedScale ?? 1),
    ...(settings.corsOrigins ? { CORS_ORIGINS: settings.corsOrigins.join(',') } : {}),
    ...(settings.redisUrl ? { REDIS_URL: settings.redisUrl } : {}),
    ...(settings.shutdownTimeoutMs !== undefined
      ? { SHUTDOWN_TIMEOUT_MS: String(settings.shutdownTimeoutMs) }
      : {}),
    ...(settings.logLevel ? { LOG_LEVEL: settings.logLevel } : {}),
  };
}
