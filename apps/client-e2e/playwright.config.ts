import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { SERVER_MAIN, serverEnv, WORKSPACE_ROOT } from '@smart-sync/dev-server';
import { chromiumLaunchOptions } from '@smart-sync/e2e-common';
import { E2E_SEED_SCALE } from './src/support/e2e-server';

const port = Number(process.env['E2E_PORT'] ?? 3100);
const baseURL = `http://localhost:${port}`;

// A new database for every run. Set once in the main process; workers inherit the variable.
process.env['E2E_DB_DIR'] ??= mkdtempSync(join(tmpdir(), 'smart-sync-e2e-'));

export default defineConfig({
  testDir: './src',
  outputDir: '../../dist/.playwright/apps/client-e2e/test-output',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['html', { outputFolder: '../../dist/.playwright/apps/client-e2e/report', open: 'never' }],
  ],
  globalTeardown: './src/support/global-teardown.ts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node "${SERVER_MAIN}"`,
    cwd: WORKSPACE_ROOT,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: serverEnv({
      port,
      databaseUrl: `file:${join(process.env['E2E_DB_DIR'], 'e2e.db')}`,
      seedScale: E2E_SEED_SCALE,
    }),
  },
});
