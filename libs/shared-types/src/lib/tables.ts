import * as z from 'zod';
import { CHILD_TABLES, CRUD_TABLES, SERVER_TABLES } from './table-names';

export { CHILD_TABLES, CRUD_TABLES, PARENT_TABLE, SERVER_TABLES, TOP_ID } from './table-names';

export const serverTableSchema = z.enum(SERVER_TABLES);
export const crudTableSchema = z.enum(CRUD_TABLES);
export const childTableSchema = z.enum(CHILD_TABLES);

/** Every table name the server speaks on the wire, `top` included. */
export type ServerTable = z.infer<typeof serverTableSchema>;
/** The tables with rows of their own: REST CRUD works on these. */
export type CrudTable = z.infer<typeof crudTableSchema>;
/** The four kinds of department child. */
export type ChildTable = z.infer<typeof childTableSchema>;
