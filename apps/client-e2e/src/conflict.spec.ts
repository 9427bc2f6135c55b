import type { Locator, Page } from '@playwright/test';
import {
  chooseLocation,
  nameEditor,
  openSeparateBrowsers,
  treeItem,
  uniqueName,
} from '@smart-sync/e2e-common';
import { expect, test } from './support/fixtures';

// Two separate browser processes, A and B, both signed in as the admin, on the same server.
let pages: Page[];
let closeBrowsers: () => Promise<void>;

test.beforeEach(async ({ baseURL }) => {
  ({ pages, close: closeBrowsers } = await openSeparateBrowsers(2, baseURL as string));
});

test.afterEach(() => closeBrowsers());

/** The snack bar that says a rename was not saved. */
const conflictMessage = (page: Page): Locator =>
  page.getByText('changed by someone else meanwhile');

async function openEditor(page: Page, location: string, row: string): Promise<void> {
  await chooseLocation(page, location);
  await treeItem(page, row).getByRole('button', { name: 'Edit' }).click();
  await expect(nameEditor(page)).toHaveValue(row);
}

async function save(page: Page, name: string): Promise<void> {
  await nameEditor(page).fill(name);
  await nameEditor(page).press('Enter');
}

test('two browsers rename the same row from the same version: the second keeps its text and wins on a second try', async ({
  own,
}) => {
  const [a, b] = pages;
  const department = own.department.name;
  await openEditor(a, own.location.name, department);
  await openEditor(b, own.location.name, department);

  const theirs = uniqueName('A renamed');
  await save(a, theirs);
  await expect(treeItem(a, theirs)).toBeVisible();

  const mine = uniqueName('B renamed');
  await save(b, mine);
  await expect(conflictMessage(b)).toBeVisible();
  await expect(nameEditor(b)).toHaveValue(mine);
  await expect(treeItem(b, theirs)).toBeVisible();
  await expect(treeItem(a, theirs)).toBeVisible();

  await nameEditor(b).press('Enter');
  await expect(nameEditor(b)).toHaveCount(0);
  await expect(treeItem(b, mine)).toBeVisible();
  await expect(treeItem(a, mine)).toBeVisible();
  await expect(conflictMessage(a)).toHaveCount(0);
});
