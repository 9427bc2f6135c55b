import type { Page } from '@playwright/test';
import {
  chooseLocation,
  connectionStatus,
  locationSelect,
  openActivity,
  openSeparateBrowsers,
  renameNode,
  socketMessages,
  subscribedRows,
  treeItem,
  uniqueName,
} from '@smart-sync/e2e-common';
import { expect, test } from './support/fixtures';

// Targeted delivery: a browser hears about the rows it loaded, never about its own writes.

/** Every request the page makes to the API from now on, as `METHOD /path`. */
function recordApiRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/')) requests.push(`${request.method()} ${pathname}`);
  });
  return requests;
}

test('a rename reaches the browser showing its location, not one showing another', async ({
  baseURL,
  api,
  own,
}) => {
  const { pages, close } = await openSeparateBrowsers(3, baseURL as string);
  try {
    const [a, b, c] = pages;
    for (const page of [a, b]) {
      await chooseLocation(page, own.location.name);
      await expect(treeItem(page, own.department.name)).toBeVisible();
    }
    // C shows the first location, a seeded one: it never loaded the department.
    await expect(connectionStatus(c)).toHaveText(/^\s*connected\s*$/i);
    await expect(c.getByRole('treeitem').first()).toBeVisible();
    await expect(locationSelect(c)).not.toHaveText(own.location.name);
    await openActivity(c);
    await expect(subscribedRows(c)).not.toHaveAccessibleName('Subscribed to 0 rows');

    const renamed = uniqueName('Department');
    await renameNode(a, own.department.name, renamed);
    await expect(treeItem(b, renamed)).toBeVisible();

    // A later message C does hear (it holds every location row): once it is there, a message
    // about the department, sent before it, would be there too.
    const fence = uniqueName('Location');
    await api.rename('locations', own.location.id, fence);
    await expect(socketMessages(c).filter({ hasText: own.location.id })).not.toHaveCount(0);
    await expect(socketMessages(c).filter({ hasText: own.department.id })).toHaveCount(0);
    await expect(socketMessages(c).filter({ hasText: '"table":"departments"' })).toHaveCount(0);
  } finally {
    await close();
  }
});

test("a rename costs the editing browser one request, the PUT: its own change isn't echoed", async ({
  baseURL,
  own,
}) => {
  const { pages, close } = await openSeparateBrowsers(2, baseURL as string);
  try {
    const [a, b] = pages;
    for (const page of pages) {
      await expect(connectionStatus(page)).toHaveText(/^\s*connected\s*$/i);
      await chooseLocation(page, own.location.name);
      await expect(treeItem(page, own.department.name)).toBeVisible();
    }
    await openActivity(a);
    const requests = recordApiRequests(a);

    const renamed = uniqueName('Department');
    await renameNode(a, own.department.name, renamed);
    await expect(treeItem(b, renamed)).toBeVisible();
    await expect(treeItem(a, renamed)).toBeVisible();
    // B has the message; an echo to A would have come with it. Give A's reload time to start.
    await a.waitForTimeout(500);

    expect(requests).toEqual(['PUT /api/departments']);
    await expect(socketMessages(a).filter({ hasText: own.department.id })).toHaveCount(0);
  } finally {
    await close();
  }
});
