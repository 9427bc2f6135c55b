import * as z from 'zod';
import { childTableSchema } from './tables';
import { idSchema } from './fields';

const rowFields = {
  id: idSchema,
  name: z.string(),
  version: z.int().positive(),
};

export const topRowSchema = z.object({ id: idSchema, locations: z.array(idSchema) });

export const locationRowSchema = z.object({ ...rowFields, departments: z.array(idSchema) });

/** A department child as the server names it: its table and its id in that table. */
export const childReferenceSchema = z.object({ table: childTableSchema, id: idSchema });

/** One page of a department's children, in creation order. */
export const childIndexPageSchema = z.object({
  startIndex: z.int().nonnegative(),
  length: z.int().nonnegative(),
  indexes: z.array(childReferenceSchema),
});

export const departmentRowSchema = z.object({ ...rowFields, children: childIndexPageSchema });

/** A row of docs, folders, lists or sprintFolders. */
export const childRowSchema = z.object(rowFields);

export type TopRow = z.infer<typeof topRowSchema>;
export type LocationRow = z.infer<typeof locationRowSchema>;
export type ChildReference = z.infer<typeof childReferenceSchema>;
export type ChildIndexPage = z.infer<typeof childIndexPageSchema>;
export type DepartmentRow = z.infer<typeof departmentRowSchema>;
export type ChildRow = z.infer<typeof childRowSchema>;

/** How many children a department row carries inline; the rest come from the indexes endpoint. */
export const FIRST_CHILD_PAGE_LENGTH = 500;
