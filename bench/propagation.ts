// `npm run bench:propagation` (builds server and client first): two browsers on one server; 100
// renames in A. For each, the time from the end of A's PUT response (A's Resource Timing) to the
// new name being in B's DOM, both read off page-side clocks; and, for comparison, from A sending
// the PUT. Nothing polls either page while a change travels.
// `npm run bench:propagation -- --cluster`: the same across instances: A on instance 1, B on
// instance 2 of a cluster (a new PostgreSQL database, its own redis-server, REDIS_URL).
// `-- --cluster --same-instance`: A and B both on instance 1 of that cluster (no hop through Redis
// to another instance), to tell the hop's share from the rest of the cluster setup's.
// Also counts the API requests each browser makes per rename (goal: 1 each — A's PUT, B's reload),
// and splits each delay (p50s printed): until B's socket has the message (DevTools protocol frame
// time), until B sends its reload, the reload, and from its answer to the name in B's DOM.
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
import { withTimeout } from './lib/clock';
import { startBenchCluster } from './lib/servers';
import { percentile } from './lib/stats';

const RENAMES = 100;
/** The acceptance figures for a change to reach another browser: p50 and p95, ms. */
const GOAL_P50_MS = 15;
const GOAL_P95_MS = 25;
const SEED_SCALE = 0.01;
/** The acceptance figure for API requests per rename, in A (the editor) and in B. */
const GOAL_REQUESTS_PER_RENAME = 1;
/** After the last rename, late requests still count for this long, ms. */
const REQUEST_SETTLE_MS = 1000;
/** A rename not in B's DOM this long after it was made fails the run, ms. */
const SEEN_TIMEOUT_MS = 10_000;

declare global {
  interface Window {
    seenAt: Record<string, number>;
    whenSeen(name: string): Promise<number>;
  }
}

/**
 * Records, in B, the wall-clock time each tree item name first appears; `whenSeen(name)` resolves
 * with it, from the DOM's own mutation callback (polling a predicate every animation frame would
 * load the very renderer being measured). A string, not a function: tsx's name-keeping helpers do
 * not exist inside the page.
 */
const WATCH_NAMES = `(() => {
  window.seenAt = {};
  const waiting = {};
  window.whenSeen = (name) =>
    name in window.seenAt
      ? Promise.resolve(window.seenAt[name])
      : new Promise((resolve) => { waiting[name] = resolve; });
  const record = () => {
    for (const item of document.querySelectorAll('[role="treeitem"]')) {
      const name = item.getAttribute('aria-label');
      if (name && !(name in window.seenAt)) {
        window.seenAt[name] = performance.timeOrigin + performance.now();
        waiting[name]?.(window.seenAt[name]);
        delete waiting[name];
      }
    }
  };
  record();
  new MutationObserver(record).observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-label'],
  });
})()`;

/**
 * Where one rename's delay went, ms: until B's socket had the message, until B sent its reload,
 * the reload, and B's rendering.
 */
interface Breakdown {
  toMessage: number;
  toReload: number;
  reload: number;
  render: number;
}

/**
 * The wall-clock time of the last socket.io message frame B received, ms (DevTools protocol:
 * frame times are monotonic, mapped to the wall clock through a request's wallTime).
 */
async function watchMessages(b: Page): Promise<() => number | undefined> {
  const cdp = await b.context().newCDPSession(b);
  let offset: number | undefined;
  let lastAt: number | undefined;
  cdp.on('Network.requestWillBeSent', (event) => {
    offset = event.wallTime * 1000 - event.timestamp * 1000;
  });
  cdp.on('Network.webSocketFrameReceived', (event) => {
    if (offset !== undefined && event.response.payloadData.startsWith('42/data'))
      lastAt = event.timestamp * 1000 + offset;
  });
  await cdp.send('Network.enable');
  // A first request maps the protocol's clock to the wall clock (before requests are counted).
  await b.evaluate(() => fetch('/api/auth/me').then(() => undefined));
  return () => lastAt;
}

/**
 * The page's last request to `/api/departments` (Resource Timing) as wall-clock start and end, ms:
 * A's PUT, or B's reload. Read off the page's own clock, as B's DOM times are: Playwright's
 * `request.timing()` puts a response's end before the request even reached the server (seen with
 * tcpdump), by 5–10 ms here.
 */
function lastDepartmentsRequest(page: Page): Promise<{ start: number; end: number } | undefined> {
  return page.evaluate(() => {
    const requests = performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname === '/api/departments');
    const last = requests[requests.length - 1] as PerformanceResourceTiming | undefined;
    performance.clearResourceTimings();
    return (
      last && {
        start: performance.timeOrigin + last.startTime,
        end: performance.timeOrigin + last.responseEnd,
      }
    );
  });
}

/**
 * Renames the department RENAMES times in A; returns each rename's delay until B shows it, and
 * where it went, ms.
 */
async function measure(
  a: Page,
  b: Page,
  department: string,
  lastMessageAt: () => number | undefined,
): Promise<{ delays: number[]; sinceSent: number[]; breakdowns: Breakdown[] }> {
  await b.evaluate(WATCH_NAMES);
  await Promise.all([lastDepartmentsRequest(a), lastDepartmentsRequest(b)]);
  const delays: number[] = [];
  const sinceSent: number[] = [];
  const breakdowns: Breakdown[] = [];
  for (let i = 1; i <= RENAMES; i++) {
    const renamed = `${department.split(' #')[0]} #${i}`;
    const seen = b.evaluate((name) => window.whenSeen(name), renamed);
    await renameNode(a, department, renamed);
    const seenAt = await withTimeout(seen, SEEN_TIMEOUT_MS, `B showing "${renamed}"`);
    // Read after B has the name, so that nothing polls A while the change travels; a PUT answered
    // but not yet in A's Resource Timing is waited for.
    await a.waitForFunction(() =>
      performance
        .getEntriesByType('resource')
        .some((entry) => new URL(entry.name).pathname === '/api/departments'),
    );
    const put = await lastDepartmentsRequest(a);
    if (!put) throw new Error("A's PUT is missing from its Resource Timing");
    const responseEnd = put.end;
    delays.push(seenAt - responseEnd);
    sinceSent.push(seenAt - put.start);
    const reload = await lastDepartmentsRequest(b);
    const messageAt = lastMessageAt();
    if (reload && messageAt !== undefined) {
      breakdowns.push({
        toMessage: messageAt - responseEnd,
        toReload: reload.start - messageAt,
        reload: reload.end - reload.start,
        render: seenAt - reload.end,
      });
    }
    process.stdout.write(
      `${process.stdout.isTTY ? '\r' : '\n'}  rename ${i}/${RENAMES}: ${delays[i - 1].toFixed(1)} ms   `,
    );
    department = renamed;
  }
  return { delays, sinceSent, breakdowns };
}

/** p50 of each part of the breakdowns, as one line. */
function describeBreakdowns(breakdowns: Breakdown[]): string {
  const p50 = (part: keyof Breakdown) =>
    percentile(
      breakdowns.map((breakdown) => breakdown[part]),
      50,
    ).toFixed(1);
  return (
    `  where it goes (p50 over ${breakdowns.length}): A's PUT answered → B's socket has the message ${p50('toMessage')}` +
    ` · → B sends its reload ${p50('toReload')}` +
    ` · B's reload ${p50('reload')} · reload answered → name in B's DOM ${p50('render')}`
  );
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
      const lastMessageAt = await watchMessages(pages[1]);
      const counters = pages.map(countApiRequests);
      const { delays, sinceSent, breakdowns } = await measure(
        pages[0],
        pages[1],
        department,
        lastMessageAt,
      );
      await new Promise((resolve) => setTimeout(resolve, REQUEST_SETTLE_MS));
      const [a, b] = counters.map((counter) => counter.stop());
      const p50 = percentile(delays, 50);
      const p95 = percentile(delays, 95);
      const requestsOk = [a, b].every((c) => c.perRename === GOAL_REQUESTS_PER_RENAME);
      console.log(
        `\nPropagation A → B, ${servers.what}, over ${RENAMES} renames (ms from A's PUT response to B's DOM):` +
          `\n  p50 ${p50.toFixed(1)}   p95 ${p95.toFixed(1)}   max ${Math.max(...delays).toFixed(1)}` +
          `\n  goal p50 ≤ ${GOAL_P50_MS} ms, p95 ≤ ${GOAL_P95_MS} ms: ${p50 <= GOAL_P50_MS && p95 <= GOAL_P95_MS ? 'holds' : 'MISSED'}` +
          `\n${describeBreakdowns(breakdowns)}` +
          `\n  from A sending its PUT (the server's PUT included): p50 ${percentile(sinceSent, 50).toFixed(1)}   p95 ${percentile(sinceSent, 95).toFixed(1)}` +
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
