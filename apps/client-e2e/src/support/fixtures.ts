import { test as base } from '@playwright/test';
import { Api, signIn, uniqueName } from '@smart-sync/e2e-common';
import type { ChildTable } from '@smart-sync/shared-types';

export interface OwnRows {
  location: { id: string; name: string };
  department: { id: string; name: string };
  add(table: ChildTable, prefix: string): Promise<{ id: string; name: string }>;
}

/**
 * Signed in as the admin: `request` (and `api` on it) and `context` (so `page` too).
 * `own`: a location of this test's own with one department, made through the API before the test
 * and deleted (with everything under it) after, so specs never depend on each other's edits.
 */
export const test = base.extend<{ api: Api; own: OwnRows }>({
  request: async ({ request }, use) => {
    await signIn(request);
    await use(request);
  },
  context: async ({ context }, use) => {
    await signIn(context.request);
    await use(context);
  },
  api: async ({ request }, use) => use(new Api(request)),
  own: async ({ api }, use) => {
    const location = { id: '', name: uniqueName('Location') };
    location.id = await api.add('locations', location.name);
    const department = { id: '', name: uniqueName('Department') };
    department.id = await api.add('departments', department.name, location.id);
    await use({
      location,
      department,
      async add(table, prefix) {
        const name = uniqueName(prefix);
        return { id: await api.add(table, name, department.id), name };
      },
    });
    await api.remove('locations', location.id);
  },
});

export { expect } from '@playwright/test';
