import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium to drive: CHROME_PATH, else Debian's package, else Playwright's own download
 * (undefined lets Playwright pick it). Machines that cannot download browsers use the first two.
 */
export function chromiumExecutable(): string | undefined {
  if (process.env['CHROME_PATH']) return process.env['CHROME_PATH'];
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

/** The same options for Playwright's own launches and for specs that launch a second browser. */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: chromiumExecutable(),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
