import { MAX_IDS_PER_LOAD, Release, ServerTable } from '@smart-sync/shared-types/mini';
import {
  ClientTable,
  DEPARTMENT_CHILDREN,
  TABLE_MAP,
  toServerRef,
} from '@smart-sync/socket-translation';
import { inChunks } from '../entities/chunks';
import { isPlaceholderId } from '../entities/new-row-id';

/** The ids `before` holds that `after` does not, in `before`'s order. */
export function droppedIds(before: readonly string[], after: readonly string[]): string[] {
  const kept = new Set(after);
  return before.filter((id) => !kept.has(id));
}

/** The server table of each client table whose ids are the server's (all but the children). */
const SAME_ID_TABLES = new Map<ClientTable, ServerTable>(
  (Object.entries(TABLE_MAP) as [ServerTable, (typeof TABLE_MAP)[ServerTable]][])
    .filter(([, mapping]) => mapping.idPrefix === undefined)
    .map(([table, mapping]) => [mapping.clientTable, table]),
);

/**
 * What to tell the server when rows of a client table leave the store: one release per server
 * table (the `departmentChildren` id `docs:ID` is row ID of `docs`) and at most
 * {@link MAX_IDS_PER_LOAD} ids. Ids the server never knew (unsaved rows, SmartNgRX's
 * placeholders) are left out.
 */
export function toReleases(table: ClientTable, ids: readonly string[]): Release[] {
  const idsByTable = new Map<ServerTable, string[]>();
  for (const clientId of ids) {
    if (isPlaceholderId(clientId)) {
      continue;
    }
    const ref =
      table === DEPARTMENT_CHILDREN
        ? toServerRef(clientId)
        : { table: SAME_ID_TABLES.get(table) as ServerTable, id: clientId };
    const serverIds = idsByTable.get(ref.table) ?? [];
    serverIds.push(ref.id);
    idsByTable.set(ref.table, serverIds);
  }
  return [...idsByTable].flatMap(([serverTable, serverIds]) =>
    inChunks(serverIds, MAX_IDS_PER_LOAD).map((chunk) => ({ table: serverTable, ids: chunk })),
  );
}
