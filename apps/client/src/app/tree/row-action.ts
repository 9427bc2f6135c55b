import { CrudTable } from '@smart-sync/shared-types/mini';

/** The actions that need nothing more than their kind. */
export interface PlainRowAction {
  readonly kind: 'edit' | 'cancel' | 'delete' | 'expand' | 'collapse';
}

/**
 * What a row's controls (or keys) ask for: open it in the editor, save a new name, close the
 * editor, delete it, show or hide its children, add a new row of a table under it. Tree rows and
 * the location picker emit the same actions, and the container has one path for all of them.
 */
export type RowAction =
  | PlainRowAction
  | { readonly kind: 'rename'; readonly name: string }
  | { readonly kind: 'add'; readonly table: CrudTable };
