import type { Change } from '@smart-sync/server-db';
import {
  PARENT_TABLE,
  TOP_ID,
  type ServerTable,
  type SocketNotification,
} from '@smart-sync/shared-types';

/** The socket.io room of the sockets interested in one row (those that loaded it). */
export function roomOf(table: ServerTable, id: string): string {
  return `${table}:${id}`;
}

/** The room of the sockets that connected with `auth: { interest: 'all' }`. */
export const ALL_ROOM = '*';

/** A message and the rooms whose sockets get it. */
export interface Delivery {
  notification: SocketNotification;
  rooms: string[];
}

function parentRoom(change: Extract<Change, { kind: 'create' | 'delete' }>): string {
  return roomOf(PARENT_TABLE[change.table], change.parentId ?? TOP_ID);
}

/**
 * The product's notification rules, and who hears each message:
 * - an update names the row → the sockets that hold the row;
 * - a create names the PARENT row (the client refetches the parent's child list; a new location
 *   updates the virtual top row) → the sockets that hold the parent;
 * - a delete names the row and every row its cascade removed, one message per table → the
 *   sockets that hold one of those rows or a parent of one (a parent's child list holds the id
 *   even where the child row was never loaded). A cascaded row's parent is the deleted row or
 *   another row of the cascade.
 */
export function deliveriesFor(change: Change): Delivery[] {
  switch (change.kind) {
    case 'update':
      return [
        {
          notification: { action: 'update', table: change.table, ids: [change.id] },
          rooms: [roomOf(change.table, change.id)],
        },
      ];
    case 'create': {
      const parentTable = PARENT_TABLE[change.table];
      const parentId = change.parentId ?? TOP_ID;
      return [
        {
          notification: { action: 'update', table: parentTable, ids: [parentId] },
          rooms: [parentRoom(change)],
        },
      ];
    }
    case 'delete': {
      const deleted = [{ table: change.table, ids: [change.id] }, ...change.cascade];
      const idsOf = (table: ServerTable) => deleted.find((rows) => rows.table === table)?.ids ?? [];
      return deleted
        .filter(({ ids }) => ids.length > 0)
        .map(({ table, ids }) => {
          const parentTable = PARENT_TABLE[table];
          const parentRooms =
            table === change.table
              ? [parentRoom(change)]
              : idsOf(parentTable).map((id) => roomOf(parentTable, id));
          return {
            notification: { action: 'delete', table, ids },
            rooms: [...ids.map((id) => roomOf(table, id)), ...parentRooms],
          };
        });
    }
  }
}
