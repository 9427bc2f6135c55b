/**
 * How many sockets of this instance an emit to `targets` (except the sockets in room `except`)
 * reaches, from the adapter's local room membership (`namespace.adapter.rooms`): each socket once,
 * however many of the rooms it is in. Other instances count their own.
 */
export function localRecipients(
  rooms: ReadonlyMap<string, ReadonlySet<string>>,
  targets: readonly string[],
  except?: string,
): number {
  const excluded = except === undefined ? undefined : rooms.get(except);
  const reached = new Set<string>();
  for (const room of targets) {
    for (const socketId of rooms.get(room) ?? []) {
      if (!excluded?.has(socketId)) reached.add(socketId);
    }
  }
  return reached.size;
}
