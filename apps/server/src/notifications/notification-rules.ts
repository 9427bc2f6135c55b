import type { Change } from '@smart-sync/server-db';
import {
  PARENT_TABLE,
  TOP_ID,
  type ServerTable,
  type SocketNotification,
} from '@smart-sync/shared-types';
import { readableLocations, type SignedInUser } from '../common/signed-in-user';

/** The socket.io room of the sockets interested in one row (those that loaded it). */
export function roomOf(table: ServerTable, id: string): string {
  return `${table}:${id}`;
}

/** The room of the admins' sockets that connected with `auth: { interest: 'all' }`. */
export const ALL_ROOM = '*';

/**
 * The room of the other sockets with `interest: 'all'` whose user may read a location: they hear
 * every change under it (the write's access check names its location).
 */
export function interestRoom(locationId: string): string {
  return `*:${locationId}`;
}

/** The room of every socket whose user may read a location (their top row lists it). */
export function readersRoom(locationId: string): string {
  return `readers:${locationId}`;
}

/** The room of every admin's socket: they read every location, present and future. */
export const READERS_ALL_ROOM = 'readers:*';

/** The room of a session's sockets (closed together at sign-out). */
export function sessionRoom(sessionId: string): string {
  return `session:${sessionId}`;
}

/**
 * The rooms a socket joins at connect for its user: its session's, the readers' rooms of the
 * locations it may read and, with `interest: 'all'`, the rooms that hear everything it may read.
 */
export function roomsOfSocket(user: SignedInUser, interestAll: boolean): string[] {
  const readable = readableLocations(user);
  const rooms = [sessionRoom(user.sessionId)];
  if (readable === 'all') return [...rooms, READERS_ALL_ROOM, ...(interestAll ? [ALL_ROOM] : [])];
  for (const locationId of readable) {
    rooms.push(readersRoom(locationId));
    if (interestAll) rooms.push(interestRoom(locationId));
  }
  return rooms;
}

/** A message and the rooms whose sockets get it. */
export interface Delivery {
  notification: SocketNotification;
  rooms: string[];
}

function parentRoom(change: Extract<Change, { kind: 'create' | 'delete' }>): string {
  return roomOf(PARENT_TABLE[change.table], change.parentId ?? TOP_ID);
}

/**
 * The sockets whose parent row lists a deleted row: the parent's holders; for a location, the
 * sockets that may read it (each top row lists only its user's locations).
 */
function deletedRowParentRooms(change: Extract<Change, { kind: 'delete' }>): string[] {
  return change.parentId === null
    ? [readersRoom(change.id), READERS_ALL_ROOM]
    : [parentRoom(change)];
}

/**
 * The product's notification rules, and who hears each message:
 * - an update names the row → the sockets that hold the row;
 * - a create names the PARENT row (the client refetches the parent's child list; a new location
 *   updates the virtual top row) → the sockets that hold the parent;
 * - a delete names the row and every row its cascade removed, one message per table → the
 *   sockets that hold one of those rows or a parent of one (a parent's child list holds the id
 *   even where the child row was never loaded). A cascaded row's parent is the deleted row or
 *   another row of the cascade; a location's is the top row, whose holders that may read the
 *   location are its readers.
 * Every room here is of sockets that loaded a row, or may read its location: a socket only hears
 * about rows its user may read.
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
              ? deletedRowParentRooms(change)
              : idsOf(parentTable).map((id) => roomOf(parentTable, id));
          return {
            notification: { action: 'delete', table, ids },
            rooms: [...ids.map((id) => roomOf(table, id)), ...parentRooms],
          };
        });
    }
  }
}
