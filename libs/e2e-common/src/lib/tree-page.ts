import { expect, type Locator, type Page } from '@playwright/test';

// One locator or action per function, found by ARIA role and accessible name — the same contract
// a screen reader user relies on.

export const tree = (page: Page): Locator => page.getByRole('tree');

export const treeItem = (page: Page, name: string): Locator =>
  tree(page).getByRole('treeitem', { name, exact: true });

export const nameEditor = (page: Page): Locator => page.getByRole('textbox', { name: 'Name' });

export const locationSelect = (page: Page): Locator =>
  page.getByRole('combobox', { name: 'Location' });

export const selectedLocation = (page: Page): Locator =>
  page.getByRole('group', { name: 'Selected location' });

export const connectionStatus = (page: Page): Locator =>
  page.getByRole('status', { name: 'Connection' });

async function typeName(page: Page, name: string): Promise<void> {
  const editor = nameEditor(page);
  await editor.fill(name);
  await editor.press('Enter');
}

export async function renameNode(page: Page, name: string, newName: string): Promise<void> {
  await treeItem(page, name).getByRole('button', { name: 'Edit' }).click();
  await typeName(page, newName);
}

export async function expandDepartment(page: Page, name: string): Promise<void> {
  await treeItem(page, name).getByRole('button', { name: 'Expand' }).click();
  await expect(treeItem(page, name).getByRole('button', { name: 'Collapse' })).toBeVisible();
}

/** Adds a child of the given kind (the add menu's item text) and names it in the inline editor. */
export async function addChild(
  page: Page,
  department: string,
  kind: string,
  name: string,
): Promise<void> {
  await treeItem(page, department).getByRole('button', { name: 'Add' }).click();
  await page.getByRole('menuitem', { name: kind, exact: true }).click();
  await typeName(page, name);
}

export async function deleteNode(page: Page, name: string): Promise<void> {
  await treeItem(page, name).getByRole('button', { name: 'Delete' }).click();
}

export async function chooseLocation(page: Page, name: string): Promise<void> {
  await locationSelect(page).click();
  await page.getByRole('option', { name, exact: true }).click();
  await expect(locationSelect(page)).toHaveText(name);
}

export async function renameSelectedLocation(page: Page, newName: string): Promise<void> {
  await selectedLocation(page).getByRole('button', { name: 'Edit' }).click();
  await typeName(page, newName);
}

/** Adds a department to the selected location and names it in the inline editor. */
export async function addDepartment(page: Page, name: string): Promise<void> {
  await selectedLocation(page).getByRole('button', { name: 'Add department', exact: true }).click();
  await typeName(page, name);
}
