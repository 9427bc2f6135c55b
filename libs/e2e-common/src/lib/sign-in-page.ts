import type { Locator, Page } from '@playwright/test';

// The sign-in page and the toolbar's account controls, by role and accessible name.

export const usernameField = (page: Page): Locator => page.getByLabel('Username', { exact: true });

export const passwordField = (page: Page): Locator => page.getByLabel('Password', { exact: true });

export const signInButton = (page: Page): Locator =>
  page.getByRole('button', { name: 'Sign in', exact: true });

export const signOutButton = (page: Page): Locator =>
  page.getByRole('button', { name: 'Sign out', exact: true });

export const signInError = (page: Page): Locator =>
  page.getByRole('alert').filter({ hasText: /\S/ });

export async function signInThroughPage(
  page: Page,
  username: string,
  password: string,
): Promise<void> {
  await usernameField(page).fill(username);
  await passwordField(page).fill(password);
  await passwordField(page).press('Enter');
}
