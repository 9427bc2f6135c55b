import type { SmartNgRXRowBase } from '@smarttools/smart-signals';

/** A virtual array as the store holds it: a window of client ids and the full length. */
export interface ChildIndexes {
  readonly startIndex?: number;
  readonly length: number;
  readonly indexes: string[];
}

/** The single row of the virtual `top` table: the ids of every location. */
export interface TopRow extends SmartNgRXRowBase {
  locations: string[];
}

/** A named row every table but `top` shares. */
export interface NamedRow extends SmartNgRXRowBase {
  name: string;
  version: number;
}

export interface LocationRow extends NamedRow {
  departments: string[];
}

export interface DepartmentRow extends NamedRow {
  children: ChildIndexes;
}

/** A doc, folder, list or sprint folder; its id says which (`docs:ID`, …). */
export type DepartmentChildRow = NamedRow;
