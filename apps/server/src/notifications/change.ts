import {
  PARENT_TABLE,
  TOP_ID,
  type CrudTable,
  type SocketNotification,
} from '@smart-sync/shared-types';

/** One committed write, as the change recorder saw it. */
export type Change =
  | { kind: 'create'; table: CrudTable; id: string; parentId: string | null }
  | { kind: 'update'; table: CrudTable; id: string }
  | {
      kind: 'delete';
      table: CrudTable;
      id: string;
      /** The rows the database deleted with it (its cascade), per table. */
      cascade: { table: CrudTable; ids: string[] }[];
    };

/**
 * The product's notification rules: an update names the row; a create names the PARENT row (the
 * client refetches the parent's child list; a new location updates the virtual top row); a delete
 * names the row and every row its cascade removed, one notification per table.
 */
export function notificationsFor(change: Change): SocketNotification[] {
  switch (change.kind) {
    case 'update':
      return [{ action: 'update', table: change.table, ids: [change.id] }];
    case 'create':
      return [
        {
          action: 'update',
          table: PARENT_TABLE[change.table],
          ids: [change.parentId ?? TOP_ID],
        },
      ];
    case 'delete':
      return [
        { action: 'delete', table: change.table, ids: [change.id] },
        ...change.cascade
          .filter(({ ids }) => ids.length > 0)
          .map(({ table, ids }): SocketNotification => ({ action: 'delete', table, ids })),
      ];
  }
}
