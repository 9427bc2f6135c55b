import type { ServerTable } from '@smart-sync/shared-types';

/** The table every department child lives in on the client. */
export const DEPARTMENT_CHILDREN = 'departmentChildren';

/** The tables the client's store knows (the server's four child tables collapse into one). */
export const CLIENT_TABLES = ['top', 'locations', 'departments', DEPARTMENT_CHILDREN] as const;
export type ClientTable = (typeof CLIENT_TABLES)[number];

export interface TableMapping {
  /** The client table whose rows mirror this server table. */
  readonly clientTable: ClientTable;
  /** Set when several server tables share one client table: client ids become `<idPrefix>:<server id>`. */
  readonly idPrefix?: string;
}

/**
 * The one place that knows how server tables map onto client tables and ids.
 * Everything else in this library is derived from it.
 */
export const TABLE_MAP: Readonly<Record<ServerTable, TableMapping>> = {
  top: { clientTable: 'top' },
  locations: { clientTable: 'locations' },
  departments: { clientTable: 'departments' },
  docs: { clientTable: DEPARTMENT_CHILDREN, idPrefix: 'docs' },
  folders: { clientTable: DEPARTMENT_CHILDREN, idPrefix: 'folders' },
  lists: { clientTable: DEPARTMENT_CHILDREN, idPrefix: 'lists' },
  sprintFolders: { clientTable: DEPARTMENT_CHILDREN, idPrefix: 'sprint-folders' },
};
