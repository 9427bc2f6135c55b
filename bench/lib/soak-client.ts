// One simulated browser of the convergence soak (bench/soak.ts): the rows it holds and how it keeps
// them, the way SmartNgRX's effect services do. Pure of sockets and HTTP (soak-worker.ts wires
// them), so the bookkeeping has a spec.
import type {
  ChildRow,
  ChildTable,
  DepartmentRow,
  SocketNotification,
} from '@smart-sync/shared-types';

/** Loads rows of a table by id (`POST /api/<table>` with the socket's X-Socket-Id); throws on failure. */
export type LoadRows = <T>(table: string, ids: string[]) => Promise<T[]>;

/** What a client holds, in a form two of them (or the database's) compare by. */
export interface HeldRows {
  /** Department id → `name|version|child ids in order` */
  departments: Record<string, string>;
  /** `table:id` → `name|version` */
  children: Record<string, string>;
}

export function departmentKey(row: DepartmentRow): string {
  const children = row.children.indexes.map((child) => `${child.table}:${child.id}`).join(',');
  return `${row.name}|${row.version}|${row.children.length}|${children}`;
}

export function childKey(row: ChildRow): string {
  return `${row.name}|${row.version}`;
}

/**
 * The departments a client was given and their children (each department's first page holds all of
 * them in the soak). On a message it refetches as SmartNgRX does: an update reloads those ids, a
 * delete drops them and takes them out of their parents' child lists, a department's update (a
 * child added) reloads it and then the children it did not hold yet. Every step runs in
 * order, one at a time (a browser's requests over one connection), so a later load never answers
 * before an earlier one.
 */
export class SoakClient {
  private readonly departments = new Map<string, DepartmentRow>();
  private readonly children = new Map<string, ChildRow & { table: ChildTable }>();
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  /** Steps that failed (server gone, timed out): a resync repairs them. */
  failures = 0;
  lastError?: string;
  /** A step failed: a resync repairs it (the worker retries it while connected). */
  needsResync = false;

  constructor(
    private readonly load: LoadRows,
    /** The departments it was given: what it reloads on resync even if it lost them. */
    private readonly wanted: readonly string[],
  ) {}

  get busy(): boolean {
    return this.pending > 0;
  }

  /** Runs a step after the previous ones; a failed step is counted, not thrown. */
  private enqueue(step: () => Promise<void>): Promise<void> {
    this.pending++;
    this.queue = this.queue
      .then(step)
      .catch((error: Error) => {
        this.failures++;
        this.lastError = error.message;
        this.needsResync = true;
      })
      .finally(() => {
        this.pending--;
      });
    return this.queue;
  }

  /** First load, and after every (re)connect: everything held, fresh (the real client's resync). */
  resync(): Promise<void> {
    this.needsResync = false;
    return this.enqueue(async () => {
      await this.loadDepartments([...this.wanted]);
      const byTable = new Map<ChildTable, string[]>();
      for (const child of this.children.values()) {
        byTable.set(child.table, [...(byTable.get(child.table) ?? []), child.id]);
      }
      for (const [table, ids] of byTable) await this.loadChildren(table, ids);
    });
  }

  /**
   * Each message is a step after the ones before it, and what the client holds is looked at when
   * the step runs, not when the message arrives: a message can overtake the answer of a load in
   * flight (another connection), and ignoring a row that load was about to store or drop lost it.
   * A child's delete takes the ids out of every department's child list whether or not the client
   * holds those rows, as SmartNgRX's delete does (it removes the id from its parents' child arrays).
   */
  onMessage({ action, table, ids }: SocketNotification): Promise<void> {
    if (table === 'top' || table === 'locations') return Promise.resolve();
    if (table === 'departments') {
      return this.enqueue(async () => {
        const held = ids.filter((id) => this.departments.has(id));
        if (action === 'delete') held.forEach((id) => this.dropDepartment(id));
        else if (held.length > 0) await this.loadDepartments(held);
      });
    }
    const childTable = table as ChildTable;
    if (action === 'delete') return this.enqueue(async () => this.dropChildren(childTable, ids));
    return this.enqueue(async () => {
      const held = ids.filter((id) => this.children.has(`${childTable}:${id}`));
      if (held.length > 0) await this.loadChildren(childTable, held);
    });
  }

  private async loadDepartments(ids: string[]): Promise<void> {
    const rows = await this.load<DepartmentRow>('departments', ids);
    const found = new Map(rows.map((row) => [row.id, row]));
    const added = new Map<ChildTable, string[]>();
    for (const id of ids) {
      const row = found.get(id);
      if (!row) {
        this.dropDepartment(id);
        continue;
      }
      const listed = new Set(row.children.indexes.map((child) => `${child.table}:${child.id}`));
      for (const old of this.departments.get(id)?.children.indexes ?? []) {
        if (!listed.has(`${old.table}:${old.id}`)) this.children.delete(`${old.table}:${old.id}`);
      }
      for (const child of row.children.indexes) {
        if (!this.children.has(`${child.table}:${child.id}`)) {
          added.set(child.table, [...(added.get(child.table) ?? []), child.id]);
        }
      }
      this.departments.set(id, row);
    }
    for (const [table, childIds] of added) await this.loadChildren(table, childIds);
  }

  private async loadChildren(table: ChildTable, ids: string[]): Promise<void> {
    const rows = await this.load<ChildRow>(table, ids);
    const found = new Map(rows.map((row) => [row.id, row]));
    for (const id of ids) {
      const row = found.get(id);
      if (row) this.children.set(`${table}:${id}`, { ...row, table });
      else this.children.delete(`${table}:${id}`);
    }
  }

  private dropDepartment(id: string): void {
    for (const child of this.departments.get(id)?.children.indexes ?? []) {
      this.children.delete(`${child.table}:${child.id}`);
    }
    this.departments.delete(id);
  }

  /** Drops the rows and takes them out of their department's child list. */
  private dropChildren(table: ChildTable, ids: string[]): void {
    const gone = new Set(ids);
    for (const id of ids) this.children.delete(`${table}:${id}`);
    for (const [id, row] of this.departments) {
      const indexes = row.children.indexes.filter(
        (child) => !(child.table === table && gone.has(child.id)),
      );
      const removed = row.children.indexes.length - indexes.length;
      if (removed > 0) {
        this.departments.set(id, {
          ...row,
          children: { ...row.children, length: row.children.length - removed, indexes },
        });
      }
    }
  }

  held(): HeldRows {
    const departments: Record<string, string> = {};
    for (const [id, row] of this.departments) departments[id] = departmentKey(row);
    const children: Record<string, string> = {};
    for (const [key, row] of this.children) children[key] = childKey(row);
    return { departments, children };
  }
}

/** How a client's rows differ from the database's (what it should hold of its departments). */
export interface Divergence {
  /** Held, and in the database, with another name, version or child list. */
  stale: number;
  /** In the database under its departments, not held. */
  missing: number;
  /** Held, not in the database (or no longer under its departments). */
  phantom: number;
}

/** Counts how `held` differs from `truth`; `noted` gets a line per difference. */
export function compareHeld(
  held: HeldRows,
  truth: HeldRows,
  noted: (line: string) => void = () => undefined,
): Divergence {
  const result: Divergence = { stale: 0, missing: 0, phantom: 0 };
  for (const kind of ['departments', 'children'] as const) {
    for (const [key, value] of Object.entries(held[kind])) {
      const expected = truth[kind][key];
      if (expected === undefined) {
        result.phantom++;
        noted(`phantom ${kind} ${key}: ${value}`);
      } else if (expected !== value) {
        result.stale++;
        noted(`stale ${kind} ${key}: ${value}, the database ${expected}`);
      }
    }
    for (const [key, value] of Object.entries(truth[kind])) {
      if (held[kind][key] === undefined) {
        result.missing++;
        noted(`missing ${kind} ${key}: ${value}`);
      }
    }
  }
  return result;
}
