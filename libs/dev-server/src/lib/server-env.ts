/** What a test or benchmark chooses about the server it runs (README "Configuration"). */
export interface ServerSettings {
  port: number;
  /** An SQLite URL, `file:/path/to.db`; the server migrates and seeds an empty one at start-up. */
  databaseUrl: string;
  /** Multiplies the seeded child rows; 1 (the default) seeds 40,033 rows. */
  seedScale?: number;
  /** Browser origins allowed besides the server's own. */
  corsOrigins?: readonly string[];
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
  };
}
