import * as z from 'zod';

/** The id of the single row of the virtual `top` table, whose children are all locations. */
export const TOP_ID = '1';

export const CHILD_TABLES = ['docs', 'folders', 'lists', 'sprintFolders'] as const;
export const CRUD_TABLES = ['locations', 'departments', ...CHILD_TABLES] as const;
export const SERVER_TABLES = ['top', ...CRUD_TABLES] as const;

export const serverTableSchema = z.enum(SERVER_TABLES);
export const crudTableSchema = z.enum(CRUD_TABLES);
export const childTableSchema = z.enum(CHILD_TABLES);

/** Every table name the server speaks on the wire, `top` included. */
export type ServerTable = z.infer<typeof serverTableSchema>;
/** The tables with rows of their own: REST CRUD works on these. */
export type CrudTable = z.infer<typeof crudTableSchema>;
/** The four kinds of department child. */
export type ChildTable = z.infer<typeof childTableSchema>;

/** Which table holds each table's parent row. */
export const PARENT_TABLE = {
  locations: 'top',
  departments: 'locations',
  docs: 'departments',
  folders: 'departments',
  lists: 'departments',
  sprintFolders: 'departments',
} as const satisfies Record<CrudTable, ServerTable>;
