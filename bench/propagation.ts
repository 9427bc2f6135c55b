// `npm run bench:propagation` (builds server and client first): two browsers on one server; 30
// renames in A. For each, the time from the end of A's PUT response to the new name being in B's
// DOM, both read off page-side clocks.
import { request, type Page } from '@playwright/test';
import { DevServer } from '@smart-sync/dev-server';
import {
  Api,
  chooseLocation,
  openSeparateBrowsers,
  renameNode,
  treeItem,
  uniqueName,
} from '@smart-sync/e2e-common';
import { percentile } from './lib/stats';

const RENAMES = 30;

declare global {
  interface Window {
    seenAt: Record<string, number>;
  }
}

/**
 * Records, in B, the wall-clock time each tree item name first appears. A string, not a function:
 * tsx's name-keeping helpers do not exist inside the page.
 */
const WATCH_NAMES = `(() => {
  window.seenAt = {};
  const record = () => {
    for (const item of document.querySelectorAll('[role="treeitem"]')) {
      const name = item.getAttribute('aria-label');
      if (name && !(name in window.seenAt)) window.seenAt[name] = performance.timeOrigin + performance.now();
    }
  };
  record();
  new MutationObserver(record).observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label'],
  });
})()`;

/** Renames the department RENAMES times in A; returns each rename's delay until B shows it, ms. */
async function measure(a: Page, b: Page, department: string): Promise<number[]> {
  await b.evaluate(WATCH_NAMES);
  const delays: number[] = [];
  for (let i = 1; i <= RENAMES; i++) {
    const renamed = `${department.split(' #')[0]} #${i}`;
    const response = a.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/departments'),
    );
    await renameNode(a, department, renamed);
    const timing = (await response).request().timing();
    const responseEnd = timing.startTime + timing.responseEnd;
    const seen = await b.waitForFunction(`window.seenAt[${JSON.stringify(renamed)}]`);
    delays.push(((await seen.jsonValue()) as number) - responseEnd);
    process.stdout.write(
      `${process.stdout.isTTY ? '\r' : '\n'}  rename ${i}/${RENAMES}: ${delays[i - 1].toFixed(1)} ms   `,
    );
    department = renamed;
  }
  return delays;
}

async function main() {
  const server = new DevServer({
    port: Number(process.env['BENCH_PORT'] ?? 3102),
    seedScale: 0.01,
  });
  try {
    console.log('Starting the server on a fresh database…');
    await server.start();
    const api = new Api(await request.newContext({ baseURL: server.baseURL }));
    const location = uniqueName('Bench location');
    const department = uniqueName('Bench department');
    await api.add('departments', department, await api.add('locations', location));

    const { pages, close } = await openSeparateBrowsers(2, server.baseURL);
    try {
      for (const page of pages) {
        await chooseLocation(page, location);
        await treeItem(page, department).waitFor();
      }
      const delays = await measure(pages[0], pages[1], department);
      console.log(
        `\nPropagation A → B over ${RENAMES} renames (ms from A's PUT response to B's DOM):` +
          `\n  p50 ${percentile(delays, 50).toFixed(1)}   p95 ${percentile(delays, 95).toFixed(1)}   max ${Math.max(...delays).toFixed(1)}`,
      );
    } finally {
      await close();
    }
  } finally {
    await server.dispose();
  }
}

main().catch((error: unknown) => {
  console.error('bench:propagation failed:', error);
  process.exit(1);
});
