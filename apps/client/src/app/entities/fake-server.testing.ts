import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import {
  CHILD_TABLES,
  CrudTable,
  TOP_ID,
  VERSION_CONFLICT_MESSAGE,
} from '@smart-sync/shared-types/mini';

interface StoredRow {
  readonly table: CrudTable;
  readonly id: string;
  name: string;
  version: number;
  readonly parentId: string;
}

/** Lets SmartNgRX's buffers, promises and 0 ms timers run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve));
  }
}

/**
 * The server's REST API over rows in memory, answering an `HttpTestingController` as the real
 * server answers: loads, renames, adds and deletes. It sends no socket messages, so what the store
 * shows after a write comes from the write's response alone. `requests` lists every request it
 * answered, as `METHOD url`.
 */
export class FakeServer {
  readonly requests: string[] = [];
  private readonly rows: StoredRow[] = [];
  private created = 0;

  constructor(private readonly http: HttpTestingController) {}

  /** Puts a row on the server, e.g. `seed('docs', 'a', 'd1')`; a location's parent is top. */
  seed(table: CrudTable, id: string, parentId: string = TOP_ID): void {
    this.rows.push({ table, id, name: `${table} ${id}`, version: 1, parentId });
  }

  /** Renames a row as another user would: the client hears nothing of it. */
  renameElsewhere(table: CrudTable, id: string, name: string): void {
    const row = this.find(table, id) as StoredRow;
    row.name = name;
    row.version++;
  }

  /** Answers every request the client sends, and those they lead to, until it sends no more. */
  async answer(): Promise<void> {
    await settle();
    for (let pending = this.pending(); pending.length > 0; pending = this.pending()) {
      for (const request of pending) {
        this.requests.push(`${request.request.method} ${request.request.url}`);
        this.respond(request);
      }
      await settle();
    }
  }

  private pending(): TestRequest[] {
    return this.http.match(() => true);
  }

  private respond(request: TestRequest): void {
    const { method, url, body } = request.request;
    const [table, suffix] = url.replace(/^\/api\//, '').split('/') as [CrudTable | 'top', string?];
    if (table === 'top') {
      request.flush([{ id: TOP_ID, locations: this.childIds('locations', TOP_ID) }]);
      return;
    }
    switch (method === 'POST' ? (suffix ?? 'load') : method) {
      case 'load':
        request.flush(
          (body as string[]).flatMap((id) => {
            const row = this.find(table, id);
            return row ? [this.toWire(row)] : [];
          }),
        );
        return;
      case 'PUT': {
        const { id, name, version } = body as { id: string; name: string; version?: number };
        const row = this.find(table, id) as StoredRow;
        if (version !== undefined && version !== row.version) {
          const current = this.toWire(row);
          const conflict = { statusCode: 409, message: VERSION_CONFLICT_MESSAGE, current };
          request.flush(conflict, { status: 409, statusText: 'Conflict' });
          return;
        }
        row.name = name;
        row.version++;
        request.flush([this.toWire(row)]);
        return;
      }
      case 'add': {
        const { name, parentId } = body as { name: string; parentId?: string };
        const row = { table, id: `${table}-${++this.created}`, name, version: 1 };
        this.rows.push({ ...row, parentId: parentId ?? TOP_ID });
        request.flush([this.toWire(row)]);
        return;
      }
      case 'DELETE':
        this.rows.splice(this.rows.indexOf(this.find(table, suffix as string) as StoredRow), 1);
        request.flush(null, { status: 204, statusText: 'No Content' });
        return;
      default:
        throw new Error(`The fake server does not answer ${method} ${url}`);
    }
  }

  private find(table: CrudTable, id: string): StoredRow | undefined {
    return this.rows.find((row) => row.table === table && row.id === id);
  }

  private childIds(table: CrudTable, parentId: string): string[] {
    return this.rows
      .filter((row) => row.table === table && row.parentId === parentId)
      .map((row) => row.id);
  }

  private toWire({ table, id, name, version }: Omit<StoredRow, 'parentId'>): object {
    const row = { id, name, version };
    if (table === 'locations') {
      return { ...row, departments: this.childIds('departments', id) };
    }
    if (table === 'departments') {
      const indexes = this.rows.filter(
        (child) => CHILD_TABLES.some((t) => t === child.table) && child.parentId === id,
      );
      return {
        ...row,
        children: {
          startIndex: 0,
          length: indexes.length,
          indexes: indexes.map((child) => ({ table: child.table, id: child.id })),
        },
      };
    }
    return row;
  }
}
