import { chooseLocation, nameEditor, treeItem, uniqueName } from '@smart-sync/e2e-common';
import { expect, test } from './support/fixtures';

test('the tree is navigated and a child renamed with the keyboard only', async ({ page, own }) => {
  const doc = await own.add('docs', 'Doc');
  await page.goto('/');
  await chooseLocation(page, own.location.name);

  const department = treeItem(page, own.department.name);
  await expect(department).toHaveAttribute('tabindex', '0');
  await department.focus();
  await page.keyboard.press('ArrowRight');
  await expect(department).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(treeItem(page, doc.name)).toBeFocused();
  await expect(treeItem(page, doc.name)).toHaveAttribute('tabindex', '0');

  const renamed = uniqueName('Renamed');
  await page.keyboard.press('Enter');
  await expect(nameEditor(page)).toBeFocused();
  await page.keyboard.type(renamed);
  await page.keyboard.press('Enter');

  await expect(treeItem(page, renamed)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(department).toBeFocused();
});
