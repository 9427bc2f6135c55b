import {
  chooseLocation,
  expandDepartment,
  openSeparateBrowsers,
  renameNode,
  treeItem,
  uniqueName,
} from '@smart-sync/e2e-common';
import { expect, test } from './support/fixtures';

test('edits from A and B to different rows converge in A, B and C', async ({ baseURL, own }) => {
  const doc = await own.add('docs', 'Doc');
  const folder = await own.add('folders', 'Folder');
  const { pages, close } = await openSeparateBrowsers(3, baseURL as string);
  try {
    for (const page of pages) {
      await chooseLocation(page, own.location.name);
      await expandDepartment(page, own.department.name);
      await expect(treeItem(page, folder.name)).toBeVisible();
    }
    const [a, b] = pages;
    const docName = uniqueName('Doc by A');
    const folderName = uniqueName('Folder by B');

    await Promise.all([renameNode(a, doc.name, docName), renameNode(b, folder.name, folderName)]);

    for (const page of pages) {
      await expect(treeItem(page, docName)).toBeVisible();
      await expect(treeItem(page, folderName)).toBeVisible();
      await expect(treeItem(page, doc.name)).toHaveCount(0);
      await expect(treeItem(page, folder.name)).toHaveCount(0);
    }
  } finally {
    await close();
  }
});
