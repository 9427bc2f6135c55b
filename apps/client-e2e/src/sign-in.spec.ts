import type { Page, WebSocket } from '@playwright/test';
import {
  chooseLocation,
  openActivity,
  openSeparateBrowsers,
  passwordField,
  signInButton,
  signInError,
  signInThroughPage,
  signOutButton,
  socketMessages,
  treeItem,
  uniqueName,
  usernameField,
} from '@smart-sync/e2e-common';
import { expect, test } from './support/fixtures';

// Identity and access: sign-in, per-location rights, and sockets that carry only what the user
// may read. Seeded rights: bob edits Location 1, carol views it, dave edits Location 3 only.

const LOCATION_1 = 'Location 1';

/** socket.io's DISCONNECT packet of the /data namespace, whichever side sends it. */
const DATA_DISCONNECT = /^41\/data,/;

/** A WebSocket the page opened, and whether its /data socket was disconnected on it. */
interface RecordedSocket {
  socket: WebSocket;
  disconnected: boolean;
}

/** Every WebSocket the page opens from now on. */
function recordWebSockets(page: Page): RecordedSocket[] {
  const sockets: RecordedSocket[] = [];
  page.on('websocket', (socket) => {
    const recorded = { socket, disconnected: false };
    const look = ({ payload }: { payload: string | Buffer }) => {
      if (typeof payload === 'string' && DATA_DISCONNECT.test(payload))
        recorded.disconnected = true;
    };
    socket.on('framesent', look);
    socket.on('framereceived', look);
    sockets.push(recorded);
  });
  return sockets;
}

/**
 * The socket ended: closed, or its /data socket disconnected. The page reloads right after a
 * sign-out, and on a loaded machine Playwright sometimes never reports the close of a WebSocket
 * the reload tore down (1 CI run in ~8); the DISCONNECT packet still shows the sign-out closed it.
 */
function ended({ socket, disconnected }: RecordedSocket): boolean {
  return socket.isClosed() || disconnected;
}

test('the sign-in page refuses a wrong password inline, then signs in and out', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    const sockets = recordWebSockets(page);
    await page.goto('/');
    await expect(signInButton(page)).toBeVisible();

    await signInThroughPage(page, 'carol', 'not the password');
    await expect(signInError(page)).toHaveText(/wrong username or password/i);
    await expect(usernameField(page)).toHaveValue('carol');

    await passwordField(page).fill('demo');
    await signInButton(page).click();
    await expect(page.getByText('carol', { exact: true })).toBeVisible();
    await expect(treeItem(page, 'Department 1')).toBeVisible();
    await expect.poll(() => sockets.some((recorded) => !ended(recorded))).toBe(true);

    await signOutButton(page).click();
    await expect(signInButton(page)).toBeVisible();
    await expect.poll(() => sockets.every(ended)).toBe(true);
    await expect(treeItem(page, 'Department 1')).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("bob's rename reaches carol (a viewer, without edit controls) and never dave", async ({
  baseURL,
  api,
}) => {
  const locationId = await api.locationId(LOCATION_1);
  const department = uniqueName('Department');
  const departmentId = await api.add('departments', department, locationId);
  const { pages, close } = await openSeparateBrowsers(3, baseURL as string, [
    'bob',
    'carol',
    'dave',
  ]);
  try {
    const [bob, carol, dave] = pages;
    for (const page of [bob, carol]) {
      await chooseLocation(page, LOCATION_1);
      await expect(treeItem(page, department)).toBeVisible();
    }
    await openActivity(dave);
    await expect(dave.getByRole('treeitem').first()).toBeVisible();

    const item = treeItem(carol, department);
    for (const control of ['Edit', 'Add', 'Delete'])
      await expect(item.getByRole('button', { name: control, exact: true })).toHaveCount(0);
    await expect(treeItem(bob, department).getByRole('button', { name: 'Edit' })).toBeVisible();

    const renamed = uniqueName('Department');
    await treeItem(bob, department).getByRole('button', { name: 'Edit' }).click();
    await bob.getByRole('textbox', { name: 'Name' }).fill(renamed);
    await bob.getByRole('textbox', { name: 'Name' }).press('Enter');
    await expect(treeItem(carol, renamed)).toBeVisible();

    // A change dave does hear, made after bob's: once it is in his panel, bob's would be too.
    const fence = uniqueName('Department');
    const ownId = await api.add('departments', fence, await api.locationId('Location 3'));
    await expect(socketMessages(dave).filter({ hasText: '"table":"locations"' })).not.toHaveCount(
      0,
    );
    await expect(socketMessages(dave).filter({ hasText: departmentId })).toHaveCount(0);
    await expect(socketMessages(dave).filter({ hasText: locationId })).toHaveCount(0);
    await api.remove('departments', ownId);
  } finally {
    await close();
    await api.remove('departments', departmentId);
  }
});
