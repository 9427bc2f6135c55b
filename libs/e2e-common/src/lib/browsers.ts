import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions, type Page } from '@playwright/test';
import { DEFAULT_USER, openSignedIn } from './sign-in';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium to drive: CHROME_PATH, else Debian's package, else Playwright's own download
 * (undefined lets Playwright pick it). Machines that cannot download browsers use the first two.
 */
function chromiumExecutable(): string | undefined {
  if (process.env['CHROME_PATH']) return process.env['CHROME_PATH'];
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

/** The same options for Playwright's own launches and for a second or third browser. */
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

/**
 * Opens the app in `count` separate browser processes (not tabs of one context), one page each,
 * to prove that a change crosses from one browser to another; signed in as `users[i]` (default:
 * the admin).
 */
export function openSeparateBrowsers(
  count: number,
  baseURL: string,
  users: readonly string[] = [],
): Promise<{ pages: Page[]; close: () => Promise<void> }> {
  return openBrowsersAt(
    Array.from({ length: count }, () => baseURL),
    users,
  );
}

/**
 * Opens the app in one separate browser process per base URL, e.g. one on each server instance of
 * a cluster and one through its load balancer; each signed in as `users[i]` (default: the admin).
 */
export async function openBrowsersAt(
  baseURLs: readonly string[],
  users: readonly string[] = [],
): Promise<{ pages: Page[]; close: () => Promise<void> }> {
  const browsers: Browser[] = await Promise.all(
    baseURLs.map(() => chromium.launch(chromiumLaunchOptions)),
  );
  const pages = await Promise.all(
    browsers.map(async (browser, i) =>
      openSignedIn(await browser.newContext({ baseURL: baseURLs[i] }), users[i] ?? DEFAULT_USER),
    ),
  );
  return { pages, close: async () => void (await Promise.all(browsers.map((b) => b.close()))) };
}
