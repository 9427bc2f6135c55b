import type { Change } from '@smart-sync/server-db';
import { PARENT_TABLE, TOP_ID, type SocketNotification } from '@smart-sync/shared-types';

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
