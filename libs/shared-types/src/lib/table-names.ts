// The table names and their parents: plain constants, shared by the classic contract (tables.ts)
// and the browser's mini build (mini.ts), so neither pulls the other's zod in.

/** The id of the single row of the virtual `top` table, whose children are all locations. */
export const TOP_ID = '1';

export const CHILD_TABLES = ['docs', 'folders', 'lists', 'sprintFolders'] as const;
export const CRUD_TABLES = ['locations', 'departments', ...CHILD_TABLES] as const;
export const SERVER_TABLES = ['top', ...CRUD_TABLES] as const;

/** Which table holds each table's parent row. */
export const PARENT_TABLE = {
  locations: 'top',
  departments: 'locations',
  docs: 'departments',
  folders: 'departments',
  lists: 'departments',
  sprintFolders: 'departments',
} as const satisfies Record<(typeof CRUD_TABLES)[number], (typeof SERVER_TABLES)[number]>;
