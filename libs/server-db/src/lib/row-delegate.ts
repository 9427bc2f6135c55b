import type { Prisma } from '../generated/prisma/client';
import type { TableDefinition } from './table-registry';

/** A row as every table stores it (each also has `created` and, below the top, a foreign key). */
export interface StoredRow {
  id: string;
  name: string;
  version: number;
}

/**
 * The slice of a Prisma model delegate that generic code uses. Every table has the same columns,
 * but Prisma types each delegate apart (and a union of them is not callable), so generic code
 * reaches a table's delegate through {@link rowDelegate} and this one shape.
 */
export interface RowDelegate {
  findMany(args: object): Prisma.PrismaPromise<Record<string, unknown>[]>;
  create(args: object): Prisma.PrismaPromise<StoredRow>;
  update(args: object): Prisma.PrismaPromise<StoredRow>;
  delete(args: object): Prisma.PrismaPromise<Record<string, unknown>>;
}

/** The delegate of a table on any client of this schema, extended or not (`client.sprintFolder`). */
export function rowDelegate(client: object, definition: TableDefinition): RowDelegate {
  return (client as Record<TableDefinition['delegate'], RowDelegate>)[definition.delegate];
}
