import type { CrudTable } from '@smart-sync/shared-types';
import { TABLES } from './table-registry';

/**
 * The keys that lead from a row of `table` to the id of the location it is under, following the
 * registry's parent chain: `['id']` for a location, `['locationId']` for a department,
 * `['department', 'locationId']` for a department's child.
 */
export function locationPath(table: CrudTable): string[] {
  const link = TABLES[table].parent;
  if (link.table === 'top') return ['id'];
  if (TABLES[link.table].parent.table === 'top') return [link.foreignKey];
  return [link.relation, ...locationPath(link.table)];
}

/** Nests `leaf` under the keys of `path`: `['a', 'b']` → `{ a: wrap({ b: leaf }) }`. */
function nest(path: string[], leaf: unknown, wrap: (inner: object) => unknown): object {
  const [first, ...rest] = path;
  return rest.length === 0 ? { [first]: leaf } : { [first]: wrap(nest(rest, leaf, wrap)) };
}

/**
 * The Prisma `where` that selects the rows of `table` under any of these locations:
 * `{ id: { in } }`, `{ locationId: { in } }`, `{ department: { locationId: { in } } }`.
 */
export function whereUnderLocations(
  table: CrudTable,
  locationIds: readonly string[],
): Record<string, unknown> {
  return nest(locationPath(table), { in: [...locationIds] }, (inner) => inner) as Record<
    string,
    unknown
  >;
}

/** The Prisma `select` that reads the id of the location a row of `table` is under. */
export function selectLocationId(table: CrudTable): Record<string, unknown> {
  return nest(locationPath(table), true, (inner) => ({ select: inner })) as Record<string, unknown>;
}

/** The location id in a row read with {@link selectLocationId}. */
export function locationIdOf(table: CrudTable, row: Record<string, unknown>): string {
  let value: unknown = row;
  for (const key of locationPath(table)) value = (value as Record<string, unknown>)[key];
  if (typeof value !== 'string') throw new Error(`${table}: the row has no location id`);
  return value;
}
