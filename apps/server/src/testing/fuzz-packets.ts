import { CRUD_TABLES, RELEASE_EVENT } from '@smart-sync/shared-types';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { oddStrings, type IdPool } from './fuzz-requests';

/** A client→server event as it goes over the wire: its name, its arguments, and an ack id or not. */
export interface FuzzPacket {
  event: string;
  args: unknown[];
  ack: boolean;
}

/** Strings short enough that a packet stays under socket.io's 1 MB message limit. */
const text = oddStrings(1000);

/** Names of events the server does not expect, or expects for itself. */
const eventNames = fc.oneof(
  { weight: 4, arbitrary: fc.constant(RELEASE_EVENT) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'connect',
      'connect_error',
      'connection',
      'disconnect',
      'disconnecting',
      'error',
      'newListener',
      'removeListener',
      'message',
      'subscribe',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
    ),
  },
  { weight: 1, arbitrary: text },
);

function argument(pool: IdPool): fc.Arbitrary<unknown> {
  const id = fc.oneof(
    fc.nat().map((index) => pool.rows.docs[index % pool.rows.docs.length] ?? 'x'),
    text,
  );
  const release = fc.record(
    {
      table: fc.oneof(fc.constantFrom('top', ...CRUD_TABLES), text),
      ids: fc.oneof(fc.array(id, { maxLength: 5 }), text, fc.constant(Array(1001).fill('x'))),
      extra: text,
      ['__proto__']: fc.constant({ polluted: true }),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    { weight: 4, arbitrary: release },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: fc.constantFrom(null, 0, -1, 1.5, true) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(10, 500)
        .map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth))),
    },
  );
}

/** One generated client→server packet. */
export function fuzzSocketPacket(pool: IdPool): fc.Arbitrary<FuzzPacket> {
  return fc.record({
    event: eventNames,
    args: fc.array(argument(pool), { maxLength: 3 }),
    ack: fc.boolean(),
  });
}

/** Names socket.io's parser refuses (it closes the connection): its RESERVED_EVENTS. */
const RESERVED_EVENTS = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
]);

export function isReservedEvent(event: string): boolean {
  return RESERVED_EVENTS.has(event);
}

let nextAckId = 1_000_000;

/**
 * Sends a packet as socket.io-client's emit would, bypassing its refusal of reserved names (the
 * server must cope with what any client can put on the wire).
 */
export function sendPacket(socket: Socket, { event, args, ack }: FuzzPacket): void {
  const packet = { type: 2, data: [event, ...args], ...(ack ? { id: nextAckId++ } : {}) };
  (socket as unknown as { packet(packet: object): void }).packet(packet);
}
