// The first screen the server puts into the page of a signed-in user: plain names and types, shared
// by the classic contract (index.ts) and the browser's mini build (mini.ts).
import type { SessionUser } from './auth';
import type { DepartmentRow, LocationRow, TopRow } from './rows';

/** The id of the `<script type="application/json">` element in the page that holds it. */
export const FIRST_SCREEN_ELEMENT_ID = 'first-screen';

/**
 * Who the page's session belongs to, and the rows of the loads the first screen makes (the top
 * row, the locations it lists, the departments of the first of them), each table's rows as its
 * load answers them (`POST /api/<table>`). The page can show the tree before any request; the
 * socket subscribes to those rows once it connects, by loading them again.
 */
export interface FirstScreen {
  user: SessionUser;
  rows: FirstScreenRows;
}

/** Each table's rows, as its load answers them. */
export interface FirstScreenRows {
  top: TopRow[];
  locations: LocationRow[];
  departments: DepartmentRow[];
}

/** The tables a {@link FirstScreen} holds rows of. */
export type FirstScreenTable = keyof FirstScreenRows;

/** Those tables, in the order the first loads ask for them. */
export const FIRST_SCREEN_TABLES: readonly FirstScreenTable[] = ['top', 'locations', 'departments'];
