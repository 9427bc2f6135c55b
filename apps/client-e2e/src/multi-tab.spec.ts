import { chooseLocation, renameNode, treeItem, uniqueName } from '@smart-sync/e2e-common';
import { expect, test } from './support/fixtures';

test('a rename in one tab shows in another tab of the same browser', async ({ context, own }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const page of [a, b]) {
    await page.goto('/');
    await chooseLocation(page, own.location.name);
    await expect(treeItem(page, own.department.name)).toBeVisible();
  }

  const renamed = uniqueName('Renamed');
  await renameNode(a, own.department.name, renamed);

  await expect(treeItem(b, renamed)).toBeVisible();
  await expect(treeItem(b, own.department.name)).toHaveCount(0);
});
