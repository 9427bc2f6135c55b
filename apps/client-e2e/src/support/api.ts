import type { APIRequestContext } from '@playwright/test';
import type {
  ChildRow,
  CrudTable,
  DepartmentRow,
  LocationRow,
  TopRow,
} from '@smart-sync/shared-types';

/** Test data made through the REST API, so each spec works on rows of its own. */
export class Api {
  constructor(private readonly request: APIRequestContext) {}

  private async post<T>(path: string, data: unknown): Promise<T> {
    const response = await this.request.post(path, { data });
    if (!response.ok())
      throw new Error(`POST ${path} → ${response.status()}: ${await response.text()}`);
    return (await response.json()) as T;
  }

  async add(table: CrudTable, name: string, parentId?: string): Promise<string> {
    const [row] = await this.post<{ id: string }[]>(
      `/api/${table}/add`,
      parentId ? { name, parentId } : { name },
    );
    return row.id;
  }

  async remove(table: CrudTable, id: string): Promise<void> {
    await this.request.delete(`/api/${table}/${id}`);
  }

  async firstLocation(): Promise<LocationRow> {
    const [top] = await this.post<TopRow[]>('/api/top', ['1']);
    const [location] = await this.post<LocationRow[]>('/api/locations', [top.locations[0]]);
    return location;
  }

  async department(id: string): Promise<DepartmentRow | undefined> {
    return (await this.post<DepartmentRow[]>('/api/departments', [id]))[0];
  }

  async row(table: CrudTable, id: string): Promise<ChildRow | undefined> {
    return (await this.post<ChildRow[]>(`/api/${table}`, [id]))[0];
  }
}

/** Names unique to one run of one spec, so parallel or repeated runs never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}
