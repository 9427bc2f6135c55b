import type { APIRequestContext } from '@playwright/test';
import { TOP_ID, type CrudTable, type LocationRow } from '@smart-sync/shared-types';

/** Test data made through the REST API, so each test or benchmark works on rows of its own. */
export class Api {
  constructor(private readonly request: APIRequestContext) {}

  /** Adds a row (under `parentId`, except locations) and returns its id. */
  async add(table: CrudTable, name: string, parentId?: string): Promise<string> {
    const data = parentId ? { name, parentId } : { name };
    const [row] = (await this.post(`/api/${table}/add`, data)) as { id: string }[];
    return row.id;
  }

  /** Renames a row, as a script would: without a socket id, so every interested browser hears. */
  async rename(table: CrudTable, id: string, name: string): Promise<void> {
    const response = await this.request.put(`/api/${table}`, { data: { id, name } });
    if (!response.ok())
      throw new Error(`PUT /api/${table} → ${response.status()}: ${await response.text()}`);
  }

  /** The id of the location named `name` (of those this user may read). */
  async locationId(name: string): Promise<string> {
    const [top] = (await this.post('/api/top', [TOP_ID])) as { locations: string[] }[];
    const locations = (await this.post('/api/locations', top.locations)) as LocationRow[];
    const location = locations.find((row) => row.name === name);
    if (!location) throw new Error(`no location named ${name}`);
    return location.id;
  }

  private async post(path: string, data: unknown): Promise<unknown> {
    const response = await this.request.post(path, { data });
    if (!response.ok())
      throw new Error(`POST ${path} → ${response.status()}: ${await response.text()}`);
    return response.json();
  }

  /** Deletes a row and, by cascade, everything under it. */
  async remove(table: CrudTable, id: string): Promise<void> {
    await this.request.delete(`/api/${table}/${id}`);
  }
}

/** Names unique to one run of one test, so parallel or repeated runs never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}
