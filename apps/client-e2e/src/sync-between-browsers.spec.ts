import type { Page } from '@playwright/test';
import {
  addChild,
  addDepartment,
  chooseLocation,
  deleteNode,
  expandDepartment,
  locationSelect,
  openSeparateBrowsers,
  renameNode,
  renameSelectedLocation,
  treeItem,
  uniqueName,
} from '@smart-sync/e2e-common';
import { expect, test } from './support/fixtures';

// Every spec here drives two separate browser processes, A and B, on the same server.
let pages: Page[];
let closeBrowsers: () => Promise<void>;

test.beforeEach(async ({ baseURL }) => {
  ({ pages, close: closeBrowsers } = await openSeparateBrowsers(2, baseURL as string));
});

test.afterEach(() => closeBrowsers());

async function showDepartment(page: Page, location: string, department: string, expand = false) {
  await chooseLocation(page, location);
  await expect(treeItem(page, department)).toBeVisible();
  if (expand) await expandDepartment(page, department);
}

test('renaming a department in A shows the new name in B without a reload', async ({ own }) => {
  const [a, b] = pages;
  await showDepartment(a, own.location.name, own.department.name);
  await showDepartment(b, own.location.name, own.department.name);

  const renamed = uniqueName('Department');
  await renameNode(a, own.department.name, renamed);

  await expect(treeItem(b, renamed)).toBeVisible();
  await expect(treeItem(b, own.department.name)).toHaveCount(0);
});

test('renaming a doc in A shows in B, which has the department expanded', async ({ own }) => {
  const doc = await own.add('docs', 'Doc');
  const [a, b] = pages;
  await showDepartment(a, own.location.name, own.department.name, true);
  await showDepartment(b, own.location.name, own.department.name, true);
  await expect(treeItem(b, doc.name)).toBeVisible();

  const renamed = uniqueName('Doc');
  await renameNode(a, doc.name, renamed);

  await expect(treeItem(b, renamed)).toBeVisible();
  await expect(treeItem(b, renamed)).toHaveAttribute('aria-level', '2');
  await expect(treeItem(b, doc.name)).toHaveCount(0);
});

test('a folder added under a department in A appears under it in B', async ({ own }) => {
  await own.add('docs', 'Doc'); // so the department has children, and B can expand it
  const [a, b] = pages;
  await showDepartment(a, own.location.name, own.department.name, true);
  await showDepartment(b, own.location.name, own.department.name, true);

  const folder = uniqueName('Folder');
  await addChild(a, own.department.name, 'Folder', folder);

  await expect(treeItem(a, folder)).toBeVisible();
  await expect(treeItem(b, folder)).toBeVisible();
  await expect(treeItem(b, folder)).toHaveAttribute('aria-level', '2');
});

test('a department added to a location in A appears in B, which shows that location', async ({
  own,
}) => {
  const [a, b] = pages;
  await showDepartment(a, own.location.name, own.department.name);
  await showDepartment(b, own.location.name, own.department.name);

  const department = uniqueName('Department');
  await addDepartment(a, department);

  await expect(treeItem(a, department)).toBeVisible();
  await expect(treeItem(b, department)).toBeVisible();
  await expect(treeItem(b, department)).toHaveAttribute('aria-level', '1');
  await expect(treeItem(b, own.department.name)).toBeVisible();
});

test('a list deleted in A disappears in B, and stays gone after B reloads', async ({ own }) => {
  const list = await own.add('lists', 'List');
  const doc = await own.add('docs', 'Doc'); // keeps the department expandable once the list is gone
  const [a, b] = pages;
  await showDepartment(a, own.location.name, own.department.name, true);
  await showDepartment(b, own.location.name, own.department.name, true);
  await expect(treeItem(b, list.name)).toBeVisible();

  await deleteNode(a, list.name);

  await expect(treeItem(a, list.name)).toHaveCount(0);
  await expect(treeItem(b, list.name)).toHaveCount(0);
  await b.reload();
  await showDepartment(b, own.location.name, own.department.name, true);
  await expect(treeItem(b, doc.name)).toBeVisible();
  await expect(treeItem(b, list.name)).toHaveCount(0);
});

test("renaming a location in A changes B's location select", async ({ own }) => {
  const [a, b] = pages;
  await showDepartment(a, own.location.name, own.department.name);
  await showDepartment(b, own.location.name, own.department.name);

  const renamed = uniqueName('Location');
  await renameSelectedLocation(a, renamed);

  await expect(locationSelect(b)).toHaveText(renamed);
  await locationSelect(b).click();
  await expect(b.getByRole('option', { name: renamed, exact: true })).toBeVisible();
  await expect(b.getByRole('option', { name: own.location.name, exact: true })).toHaveCount(0);
});

test('an edit the server rejects is rolled back in A and never shows in B', async ({ own }) => {
  const doc = await own.add('docs', 'Doc');
  const [a, b] = pages;
  await showDepartment(a, own.location.name, own.department.name, true);
  await showDepartment(b, own.location.name, own.department.name, true);

  const tooLong = 'x'.repeat(101);
  await renameNode(a, doc.name, tooLong);

  await expect(
    a.getByText(/must be at most 100 characters|could not|failed/i).first(),
  ).toBeVisible();
  await expect(treeItem(a, doc.name)).toBeVisible();
  await expect(treeItem(a, tooLong)).toHaveCount(0);
  await expect(treeItem(b, doc.name)).toBeVisible();
  await expect(treeItem(b, tooLong)).toHaveCount(0);
});
