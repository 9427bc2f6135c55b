import { expect, type Locator, type Page } from '@playwright/test';

// The activity panel: the socket messages this browser received, and how many rows it is
// subscribed to. Found by role and accessible name, like the tree.

export const activityToggle = (page: Page): Locator =>
  page.getByRole('button', { name: 'Activity', exact: true });

export const socketMessages = (page: Page): Locator =>
  page.getByRole('list', { name: 'Socket messages' }).getByRole('listitem');

export const subscribedRows = (page: Page): Locator =>
  page.getByRole('status', { name: /^Subscribed to \d+ rows?$/ });

export async function openActivity(page: Page): Promise<void> {
  await activityToggle(page).click();
  await expect(activityToggle(page)).toHaveAttribute('aria-pressed', 'true');
}
