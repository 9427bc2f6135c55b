import * as z from 'zod';
import { idSchema } from './fields';
import { MAX_IDS_PER_LOAD } from './requests';
import { serverTableSchema } from './tables';

/**
 * Targeted delivery — the protocol between a browser and the server:
 * - Every API request carries the `/data` socket's id in {@link SOCKET_ID_HEADER}.
 * - Loading is subscribing: the rows `POST /api/top` and `POST /api/<table>` return make that
 *   socket interested in them (it joins each row's room, across instances too).
 * - A message reaches the sockets interested in its rows: an update those of the row, a create's
 *   parent update those of the parent, a delete those of the row or of its parent row.
 * - No echo: a write that carries the header is not sent back to that socket.
 * - The client emits {@link RELEASE_EVENT} `{table, ids}` when it drops rows from its store;
 *   interest also ends with the socket.
 * - A socket that connects with handshake `auth: { interest: 'all' }` hears every message.
 * - A request without the header (curl, scripts) notifies everyone interested, as any other.
 */
export const SOCKET_ID_HEADER = 'X-Socket-Id';
export const RELEASE_EVENT = 'release';

/** Handshake `auth` of a socket that wants every message (tools, tests, an "all" view). */
export const ALL_INTEREST = { interest: 'all' } as const;

/** What a client sends with {@link RELEASE_EVENT}: rows it no longer holds (server table names). */
export const releaseSchema = z.object({
  table: serverTableSchema,
  ids: z
    .array(idSchema)
    .min(1, 'ids must name at least one row')
    .max(MAX_IDS_PER_LOAD, `at most ${MAX_IDS_PER_LOAD} ids per release`),
});

export type Release = z.infer<typeof releaseSchema>;
