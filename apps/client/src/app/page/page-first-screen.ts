import { DOCUMENT, inject, Injectable } from '@angular/core';
import {
  FIRST_SCREEN_ELEMENT_ID,
  FIRST_SCREEN_TABLES,
  FirstScreenTable,
  SessionUser,
  sessionUserSchema,
} from '@smart-sync/shared-types/mini';
import { take } from 'rxjs';
import { SocketConnection } from '../socket/socket-connection';

type PageRows = Partial<Record<FirstScreenTable, { id: string }[]>>;

/** The first screen in the page, if the server put one there and it holds what it should. */
export function readPageFirstScreen(
  document: Document,
): { user: SessionUser; rows: PageRows } | undefined {
  const text = document.getElementById(FIRST_SCREEN_ELEMENT_ID)?.textContent;
  if (!text) {
    return undefined;
  }
  try {
    const { user, rows } = JSON.parse(text) as { user?: unknown; rows?: Record<string, unknown> };
    const parsedUser = sessionUserSchema.safeParse(user);
    if (!parsedUser.success || typeof rows !== 'object' || rows === null) {
      return undefined;
    }
    const pageRows: PageRows = {};
    for (const table of FIRST_SCREEN_TABLES) {
      const tableRows = rows[table];
      if (Array.isArray(tableRows) && tableRows.every((row) => typeof row?.id === 'string')) {
        pageRows[table] = tableRows as { id: string }[];
      }
    }
    return { user: parsedUser.data, rows: pageRows };
  } catch {
    return undefined;
  }
}

/**
 * The first screen the server put into the page of a signed-in user (`FirstScreen` of the wire
 * contract), read once at start-up: the user, so no session check has to be asked for, and the
 * rows that answer the first loads without a request ({@link pageRowsInterceptor}). The rows
 * answer only until the socket first connects: from then on every load has to subscribe it, and
 * get the rows as they are now. Rows are checked by the loads' own schemas, as any answer is.
 */
@Injectable({ providedIn: 'root' })
export class PageFirstScreen {
  private readonly screen = readPageFirstScreen(inject(DOCUMENT));
  private rows: PageRows = this.screen?.rows ?? {};

  /** The user the page was made for; undefined when it came without a first screen. */
  readonly user: SessionUser | undefined = this.screen?.user;

  constructor() {
    inject(SocketConnection)
      .connected.pipe(take(1))
      .subscribe(() => (this.rows = {}));
  }

  /** Whether some first load may still be answered from the page. */
  get hasRows(): boolean {
    return Object.keys(this.rows).length > 0;
  }

  /**
   * The page's rows of `table` with these ids, in their order, when it holds every one of them:
   * once per table (a later load must get the rows as they are now).
   */
  take(table: FirstScreenTable, ids: unknown): { id: string }[] | undefined {
    const rows = this.rows[table];
    if (rows === undefined || !Array.isArray(ids)) {
      return undefined;
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    const answer = ids.map((id) => byId.get(id as string));
    if (answer.some((row) => row === undefined)) {
      return undefined;
    }
    delete this.rows[table];
    return answer as { id: string }[];
  }
}
