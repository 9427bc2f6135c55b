import type { CrudTable } from '@smart-sync/shared-types';

/** One committed write, as the change recorder saw it. */
export type Change =
  | { kind: 'create'; table: CrudTable; id: string; parentId: string | null }
  | { kind: 'update'; table: CrudTable; id: string }
  | {
      kind: 'delete';
      table: CrudTable;
      id: string;
      /** The deleted row's parent (null under the virtual top row). */
      parentId: string | null;
      /** The rows the database deleted with it (its cascade), per table. */
      cascade: { table: CrudTable; ids: string[] }[];
    };

/** Where the change recorder reports committed writes. */
export type ChangeSink = (change: Change) => void;
