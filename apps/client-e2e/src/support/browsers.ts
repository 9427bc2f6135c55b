import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './browser';

/**
 * Opens the app in `count` separate browser processes (not tabs of one context), one page each,
 * for specs that prove a change crosses from one browser to another.
 */
export async function openSeparateBrowsers(
  count: number,
  baseURL: string,
): Promise<{ pages: Page[]; close: () => Promise<void> }> {
  const browsers: Browser[] = await Promise.all(
    Array.from({ length: count }, () => chromium.launch(chromiumLaunchOptions)),
  );
  const pages = await Promise.all(
    browsers.map(async (browser) => {
      const page = await (await browser.newContext({ baseURL })).newPage();
      await page.goto('/');
      return page;
    }),
  );
  return { pages, close: async () => void (await Promise.all(browsers.map((b) => b.close()))) };
}
