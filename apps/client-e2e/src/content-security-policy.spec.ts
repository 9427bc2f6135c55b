import {
  addChild,
  chooseLocation,
  deleteNode,
  expandDepartment,
  openActivity,
  renameNode,
  treeItem,
  uniqueName,
} from '@smart-sync/e2e-common';
import { expect, test } from './support/fixtures';

// The server sends a Content-Security-Policy without inline scripts; the app must run under it.

declare global {
  interface Window {
    cspViolations: string[];
  }
}

test('the app runs under its Content-Security-Policy without a single violation', async ({
  page,
  own,
}) => {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");

  const existing = await own.add('docs', 'Doc');
  await chooseLocation(page, own.location.name);
  const renamed = uniqueName('Department');
  await renameNode(page, own.department.name, renamed);
  await expandDepartment(page, renamed);
  const doc = uniqueName('Doc');
  await expect(treeItem(page, existing.name)).toBeVisible();
  await addChild(page, renamed, 'Doc', doc);
  await expect(treeItem(page, doc)).toBeVisible();
  await deleteNode(page, doc);
  await expect(treeItem(page, doc)).toHaveCount(0);
  await openActivity(page);

  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
});
