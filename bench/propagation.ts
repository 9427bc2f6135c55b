// `npm run bench:propagation` (builds server and client first): two browsers on one server; 30
// renames in A. For each, the time from the end of A's PUT response to the new name being in B's
// DOM, both read off page-side clocks.
// `npm run bench:propagation -- --cluster`: the same across instances: A on instance 1, B on
// instance 2 of a cluster (a new PostgreSQL database, its own redis-server, REDIS_URL).
// `-- --cluster --same-instance`: A and B both on instance 1 of that cluster (no hop through Redis
// to another instance), to tell the hop's share from the rest of the cluster setup's.
// Also counts the API requests each browser makes per rename (goal: 1 each — A's PUT, B's reload).
import type { Page, Request } from '@playwright/test';
import { DevServer } from '@smart-sync/dev-server';
import {
  Api,
  chooseLocation,
  openBrowsersAt,
  renameNode,
  signedInRequest,
  treeItem,
  uniqueName,
} from '@smart-sync/e2e-common';
import { installCleanup, trackChild } from './lib/cleanup';
import { startBenchCluster } from './lib/servers';
import { percentile } from './lib/stats';

const RENAMES = 30;
/** The acceptance figure for a change to reach another browser: p95, ms. */
const GOAL_P95_MS = 60;
const SEED_SCALE = 0.01;
/** The acceptance figure for API requests per rename, in A (the editor) and in B. */
const GOAL_REQUESTS_PER_RENAME = 1;
/** After the last rename, late requests still count for this long, ms. */
const REQUEST_SETTLE_MS = 1000;

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
    // A function, not a string: the server's Content-Security-Policy forbids the eval that
    // Playwright polls a string predicate with.
    const seen = await b.waitForFunction((name) => window.seenAt[name], renamed);
    delays.push(((await seen.jsonValue()) as number) - responseEnd);
    process.stdout.write(
      `${process.stdout.isTTY ? '\r' : '\n'}  rename ${i}/${RENAMES}: ${delays[i - 1].toFixed(1)} ms   `,
    );
    department = renamed;
  }
  return delays;
}

/** Counts the page's `/api/` requests from now until stop(), per method and path. */
function countApiRequests(page: Page) {
  const counts = new Map<string, number>();
  const onRequest = (request: Request) => {
    const { pathname } = new URL(request.url());
    if (!pathname.startsWith('/api/')) return;
    const key = `${request.method()} ${pathname}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  page.on('request', onRequest);
  return {
    stop() {
      page.off('request', onRequest);
      const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
      const detail = [...counts].map(([key, n]) => `${key} ×${n}`).join(', ') || 'none';
      return { perRename: total / RENAMES, detail };
    },
  };
}

/** Where browsers A and B open the app, and how to stop what serves it. */
interface Servers {
  what: string;
  /** A's base URL, B's. */
  baseURLs: [string, string];
  stop(): Promise<void>;
}

/** One server (port BENCH_PORT, default 3102) on a fresh SQLite database: A and B both on it. */
async function startOneServer(): Promise<Servers> {
  console.log('Starting the server on a fresh database…');
  const server = new DevServer({
    port: Number(process.env['BENCH_PORT'] ?? 3102),
    seedScale: SEED_SCALE,
    onSpawn: trackChild,
  });
  await server.start();
  return {
    what: 'one server',
    baseURLs: [server.baseURL, server.baseURL],
    stop: () => server.dispose(),
  };
}

/**
 * Two instances on a new PostgreSQL database and their own Redis: A on instance 1, B on instance
 * 2, or (`sameInstance`) both on instance 1.
 */
async function startTwoInstances(sameInstance: boolean): Promise<Servers> {
  console.log('Starting the cluster: a new PostgreSQL database, a redis-server, 2 instances…');
  const cluster = await startBenchCluster({ seedScale: SEED_SCALE });
  const [first, second] = cluster.baseURLs;
  return {
    what: `A on instance 1, B on instance ${sameInstance ? 1 : 2} of 2 (PostgreSQL + Redis)`,
    baseURLs: [first, sameInstance ? first : second],
    stop: cluster.stop,
  };
}

async function main() {
  installCleanup();
  const args = process.argv.slice(2);
  const servers = args.includes('--cluster')
    ? await startTwoInstances(args.includes('--same-instance'))
    : await startOneServer();
  try {
    const api = new Api(await signedInRequest(servers.baseURLs[0]));
    const location = uniqueName('Bench location');
    const department = uniqueName('Bench department');
    await api.add('departments', department, await api.add('locations', location));

    const { pages, close } = await openBrowsersAt(servers.baseURLs);
    try {
      for (const page of pages) {
        await chooseLocation(page, location);
        await treeItem(page, department).waitFor();
      }
      const counters = pages.map(countApiRequests);
      const delays = await measure(pages[0], pages[1], department);
      await new Promise((resolve) => setTimeout(resolve, REQUEST_SETTLE_MS));
      const [a, b] = counters.map((counter) => counter.stop());
      const p95 = percentile(delays, 95);
      const requestsOk = [a, b].every((c) => c.perRename === GOAL_REQUESTS_PER_RENAME);
      console.log(
        `\nPropagation A → B, ${servers.what}, over ${RENAMES} renames (ms from A's PUT response to B's DOM):` +
          `\n  p50 ${percentile(delays, 50).toFixed(1)}   p95 ${p95.toFixed(1)}   max ${Math.max(...delays).toFixed(1)}` +
          `\n  goal p95 ≤ ${GOAL_P95_MS} ms: ${p95 <= GOAL_P95_MS ? 'holds' : 'MISSED'}` +
          `\nrequests per rename: A ${a.perRename.toFixed(1)}, B ${b.perRename.toFixed(1)} (goal ${GOAL_REQUESTS_PER_RENAME.toFixed(1)} each): ${requestsOk ? 'holds' : 'MISSED'}` +
          `\n  A: ${a.detail}\n  B: ${b.detail}`,
      );
    } finally {
      await close();
    }
  } finally {
    await servers.stop();
  }
}

main().catch((error: unknown) => {
  console.error('bench:propagation failed:', error);
  process.exit(1);
});
