// `npm run bench:propagation`: two browsers on one server; 30 renames in A. For each, the time from
// the end of A's PUT response to the new name being in B's DOM, both read off page-side clocks.
import { request } from '@playwright/test';
import { Api, uniqueName } from '../support/api';
import { openSeparateBrowsers } from '../support/browsers';
import { ServerProcess } from '../support/server-process';
import { chooseLocation, renameNode, treeItem } from '../support/tree-page';

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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const server = new ServerProcess({ port: Number(process.env['BENCH_PORT'] ?? 3102) });
  console.log('Starting the server on a fresh database…');
  await server.start();
  const api = new Api(await request.newContext({ baseURL: server.baseURL }));
  const location = uniqueName('Bench location');
  const locationId = await api.add('locations', location);
  let department = uniqueName('Bench department');
  await api.add('departments', department, locationId);

  const { pages, close } = await openSeparateBrowsers(2, server.baseURL);
  try {
    const [a, b] = pages;
    for (const page of pages) {
      await chooseLocation(page, location);
      await treeItem(page, department).waitFor();
    }
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
      const seenAt = (
        await b.waitForFunction(`window.seenAt[${JSON.stringify(renamed)}]`)
      ).jsonValue();
      delays.push((await seenAt) - responseEnd);
      process.stdout.write(
        `${process.stdout.isTTY ? '\r' : '\n'}  rename ${i}/${RENAMES}: ${delays[i - 1].toFixed(1)} ms   `,
      );
      department = renamed;
    }
    const sorted = [...delays].sort((x, y) => x - y);
    console.log(
      `\nPropagation A → B over ${RENAMES} renames (ms from A's PUT response to B's DOM):` +
        `\n  p50 ${percentile(sorted, 50).toFixed(1)}   p95 ${percentile(sorted, 95).toFixed(1)}   max ${sorted[sorted.length - 1].toFixed(1)}`,
    );
  } finally {
    await close();
    await server.dispose();
  }
}

main().catch((error: unknown) => {
  console.error('bench:propagation failed:', error);
  process.exit(1);
});
