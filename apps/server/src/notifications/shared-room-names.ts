import type { EventEmitter } from 'node:events';

/**
 * One string per room name, however many sockets are in the room. socket.io keeps each socket's
 * rooms in a set of its own, so a name like `docs:<uuid>` built afresh for every subscriber is a
 * 64-byte string per membership (~160 MB at 5,000 sockets × 500 rows). The names of the rooms that
 * exist are kept here, following the adapter's own `create-room` and `delete-room` events, and a
 * join passes the existing string.
 */
export class SharedRoomNames {
  private readonly names = new Map<string, string>();

  constructor(adapter: EventEmitter) {
    adapter.on('create-room', (room: string) => this.names.set(room, room));
    adapter.on('delete-room', (room: string) => this.names.delete(room));
  }

  /** How many rooms exist (on this instance). */
  get size(): number {
    return this.names.size;
  }

  /** The string the room `name` already has, or `name` itself for a room not yet created. */
  of(name: string): string {
    return this.names.get(name) ?? name;
  }
}
