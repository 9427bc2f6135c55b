import {
  Api,
  chooseLocation,
  connectionStatus,
  openSeparateBrowsers,
  renameNode,
  signedInRequest,
  treeItem,
  uniqueName,
} from '@smart-sync/e2e-common';
import { DevServer } from '@smart-sync/dev-server';
import { E2E_SEED_SCALE } from './support/e2e-server';
import { expect, test } from './support/fixtures';

// This spec restarts a server, so it runs its own (own port, own database) rather than the shared one.
const server = new DevServer({
  port: Number(process.env['E2E_RESTART_PORT'] ?? 3101),
  seedScale: E2E_SEED_SCALE,
});

test.beforeAll(() => server.start());

test.afterAll(() => server.dispose());

test('after a server restart both browsers reconnect and edits still sync', async () => {
  const api = new Api(await signedInRequest(server.baseURL));
  const location = uniqueName('Location');
  const department = uniqueName('Department');
  await api.add('departments', department, await api.add('locations', location));
  const { pages, close } = await openSeparateBrowsers(2, server.baseURL);
  try {
    const [a, b] = pages;
    for (const page of pages) {
      await expect(connectionStatus(page)).toHaveText(/^\s*connected\s*$/i);
      await chooseLocation(page, location);
      await expect(treeItem(page, department)).toBeVisible();
    }

    await server.stop();
    for (const page of pages)
      await expect(connectionStatus(page)).toHaveText(/reconnecting|offline/i);
    await server.start();
    for (const page of pages) {
      await expect(connectionStatus(page)).toHaveText(/^\s*connected\s*$/i, { timeout: 20_000 });
    }

    const renamed = uniqueName('After restart');
    await renameNode(a, department, renamed);
    await expect(treeItem(b, renamed)).toBeVisible();
  } finally {
    await close();
  }
});
