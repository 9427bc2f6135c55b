import {
  request as playwrightRequest,
  type APIRequestContext,
  type BrowserContext,
  type Page,
} from '@playwright/test';
import { AUTH_LOGIN_PATH, DEMO_PASSWORD } from '@smart-sync/shared-types';

/** The demo user every spec and benchmark acts as unless it is about rights: the admin. */
export const DEFAULT_USER = 'alice';

/**
 * Signs `request` in as a demo user: its cookie jar keeps the session. A browser context's own
 * `context.request` shares the context's cookies, so this signs the browser in too.
 */
export async function signIn(
  request: APIRequestContext,
  username: string = DEFAULT_USER,
  password: string = DEMO_PASSWORD,
): Promise<void> {
  const response = await request.post(`/api/${AUTH_LOGIN_PATH}`, { data: { username, password } });
  if (!response.ok())
    throw new Error(`sign-in as ${username} → ${response.status()}: ${await response.text()}`);
}

/** A request context on `baseURL`, signed in as `username`. */
export async function signedInRequest(
  baseURL: string,
  username: string = DEFAULT_USER,
): Promise<APIRequestContext> {
  const request = await playwrightRequest.newContext({ baseURL });
  await signIn(request, username);
  return request;
}

/** Signs a browser context in (through the API) and opens the app in a new page of it. */
export async function openSignedIn(
  context: BrowserContext,
  username: string = DEFAULT_USER,
): Promise<Page> {
  await signIn(context.request, username);
  const page = await context.newPage();
  await page.goto('/');
  return page;
}
