import type {
  ChildReference,
  NotificationAction,
  ServerTable,
  SocketNotification,
} from '@smart-sync/shared-types';
import { ClientTable, TABLE_MAP } from './table-map';

/** A server reference to one row: its table and its id in that table. */
export interface ServerRef {
  readonly table: ServerTable;
  readonly id: string;
}

/** A notification as the client's store understands it (client table names and ids). */
export interface ClientNotification {
  readonly table: ClientTable;
  readonly action: NotificationAction;
  readonly ids: string[];
}

const SEPARATOR = ':';

const tablesByPrefix = new Map<string, ChildReference['table']>(
  Object.entries(TABLE_MAP).flatMap(([table, { idPrefix }]) =>
    idPrefix === undefined ? [] : [[idPrefix, table as ChildReference['table']]],
  ),
);

const knownPrefixes = [...tablesByPrefix.keys()]
  .map((prefix) => `${prefix}${SEPARATOR}`)
  .join(', ');

/** The client table that holds the rows of a server table. */
export function toClientTable(table: ServerTable): ClientTable {
  return TABLE_MAP[table].clientTable;
}

/** The id the client's store uses for a server row. */
export function toClientId({ table, id }: ServerRef): string {
  const { idPrefix } = TABLE_MAP[table];
  return idPrefix === undefined ? id : `${idPrefix}${SEPARATOR}${id}`;
}

/**
 * The server table and id behind a department child's client id (`docs:ID`, `sprint-folders:ID`, …).
 * Throws when the id does not have that shape.
 */
export function toServerRef(clientId: string): ChildReference {
  const separatorAt = clientId.indexOf(SEPARATOR);
  const prefix = separatorAt < 0 ? undefined : clientId.slice(0, separatorAt);
  const table = prefix === undefined ? undefined : tablesByPrefix.get(prefix);
  const id = clientId.slice(separatorAt + 1);
  if (table === undefined || id.length === 0) {
    throw new Error(
      `Malformed department child id ${JSON.stringify(clientId)}: expected one of ${knownPrefixes} followed by an id`,
    );
  }
  return { table, id };
}

/** Translates a server notification into the table and ids the client's store uses. */
export function toClientNotification(notification: SocketNotification): ClientNotification {
  const { table, action, ids } = notification;
  return {
    table: toClientTable(table),
    action,
    ids: ids.map((id) => toClientId({ table, id })),
  };
}
